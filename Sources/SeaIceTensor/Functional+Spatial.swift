import CTorchBridge
import Foundation
import SeaIceCore

/// Resampling modes of `Functional.interpolate` (PyTorch's `F.interpolate` modes).
public enum InterpolationMode: String, Codable, Sendable {
    /// PyTorch's legacy `nearest`: source index ⌊dst · in/out⌋ (what the AI4Arctic code uses).
    case nearest
    /// `nearest-exact`: source index ⌊(dst + ½) · in/out⌋ (pixel-centre aligned).
    case nearestExact
    /// Bilinear; see `alignCorners`.
    case bilinear
    /// Bicubic (a = −0.75); see `alignCorners`.
    case bicubic

    var code: Int32 {
        switch self {
        case .nearest: return Int32(SIK_INTERP_NEAREST)
        case .bilinear: return Int32(SIK_INTERP_BILINEAR)
        case .nearestExact: return Int32(SIK_INTERP_NEAREST_EXACT)
        case .bicubic: return Int32(SIK_INTERP_BICUBIC)
        }
    }
}

/// Pooling and resizing of NCHW tensors.
extension Functional {
    /// Max pooling; `stride` defaults to the kernel size. Output size ⌊(H + 2·pad − dil·(k−1) − 1)/stride⌋ + 1
    /// (ceiling with `ceilMode`).
    public static func maxPool2d(
        _ x: Tensor, kernelSize: Size2, stride: Size2? = nil, padding: Size2 = 0, dilation: Size2 = 1,
        ceilMode: Bool = false
    ) throws -> Tensor {
        let (k, s, p, d) = (kernelSize.array, (stride ?? kernelSize).array, padding.array, dilation.array)
        return try Tensor.make("max_pool2d(\(kernelSize)) of \(x.shape)", [x]) {
            sik_max_pool2d(x.handle, k, s, p, d, ceilMode ? 1 : 0, $0)
        }
    }

    /// Average pooling; `stride` defaults to the kernel size.
    public static func avgPool2d(
        _ x: Tensor, kernelSize: Size2, stride: Size2? = nil, padding: Size2 = 0, ceilMode: Bool = false,
        countIncludePad: Bool = true
    ) throws -> Tensor {
        let (k, s, p) = (kernelSize.array, (stride ?? kernelSize).array, padding.array)
        return try Tensor.make("avg_pool2d(\(kernelSize)) of \(x.shape)", [x]) {
            sik_avg_pool2d(x.handle, k, s, p, ceilMode ? 1 : 0, countIncludePad ? 1 : 0, $0)
        }
    }

    /// Average pooling to a fixed output size (bins as PyTorch: ⌊i·H/out⌋ ..< ⌈(i+1)·H/out⌉).
    public static func adaptiveAvgPool2d(_ x: Tensor, outputSize: Size2) throws -> Tensor {
        try Tensor.make("adaptive_avg_pool2d(\(outputSize)) of \(x.shape)", [x]) {
            sik_adaptive_avg_pool2d(x.handle, Int64(outputSize.h), Int64(outputSize.w), $0)
        }
    }

    /// Resizes NCHW `x` to `size`. With `alignCorners` (bilinear/bicubic only) the corner pixel
    /// centres of input and output coincide: src = dst·(in−1)/(out−1); otherwise
    /// src = (dst + ½)·in/out − ½ (clamped at 0), as `F.interpolate`.
    public static func interpolate(
        _ x: Tensor, size: Size2, mode: InterpolationMode = .nearest, alignCorners: Bool = false
    ) throws -> Tensor {
        try resize(x, size: size, mode: mode, alignCorners: alignCorners, scale: nil)
    }

    /// Resizes NCHW `x` by `scaleFactor`: output ⌊H·scale⌋ × ⌊W·scale⌋, sampling positions computed
    /// from the scale itself (PyTorch's `F.interpolate(scale_factor=…)` with `recompute_scale_factor=None`).
    public static func interpolate(
        _ x: Tensor, scaleFactor: Double, mode: InterpolationMode = .nearest, alignCorners: Bool = false
    ) throws -> Tensor {
        let shape = x.shape
        guard shape.count == 4, scaleFactor > 0 else {
            throw SeaIceError.invalidInput(
                file: "Functional", item: "interpolate",
                expected: "a 4-D NCHW input and a positive scale factor, got shape \(shape) and scale \(scaleFactor)")
        }
        let size = Size2(Int(Foundation.floor(Double(shape[2]) * scaleFactor)), Int(Foundation.floor(Double(shape[3]) * scaleFactor)))
        return try resize(x, size: size, mode: mode, alignCorners: alignCorners, scale: scaleFactor)
    }

    static func resize(_ x: Tensor, size: Size2, mode: InterpolationMode, alignCorners: Bool, scale: Double?) throws -> Tensor {
        try Tensor.make("interpolate(\(mode.rawValue)) of \(x.shape) to \(size)", [x]) {
            sik_interpolate(x.handle, mode.code, Int64(size.h), Int64(size.w), alignCorners ? 1 : 0, scale ?? 0, scale ?? 0, $0)
        }
    }
}
