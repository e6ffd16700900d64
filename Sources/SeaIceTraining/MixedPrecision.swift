import SeaIceOptim
import SeaIceTensor

/// Mixed-precision training choice of a `TrainingConfiguration` (`"mixedPrecision"`; absent = `auto`).
///
/// Mixed precision runs the forward pass and the loss under `Autocast` (convolutions in 16 bits,
/// losses and parameters in float32) and the backward pass outside it; see spec mmseaice.md
/// ("mixed precision on GPU") and PyTorch's AMP recipe.
public enum MixedPrecision: String, Codable, Sendable, CaseIterable {
    /// Float32 everywhere.
    case off
    /// float16 autocast with dynamic loss scaling on CUDA; float32 on the CPU (the default).
    case auto
    /// bfloat16 autocast without loss scaling on any device (bfloat16 has float32's exponent range).
    case bfloat16
    /// float16 autocast with dynamic loss scaling on any device: the CUDA recipe, also on the CPU
    /// (where it is slow; for checking the mechanism).
    case float16

    /// What this choice means on `device`.
    public func plan(for device: Device) -> PrecisionPlan {
        switch (self, device) {
        case (.off, _), (.auto, .cpu): return .float32
        case (.auto, .cuda), (.float16, _): return .float16
        case (.bfloat16, _): return .bfloat16
        }
    }
}

/// The arithmetic of a training run on its device, as resolved from `MixedPrecision`; recorded
/// in every line of the metrics log.
public enum PrecisionPlan: String, Codable, Sendable, CaseIterable {
    /// No autocast.
    case float32
    /// bfloat16 autocast, no loss scaling.
    case bfloat16
    /// float16 autocast and a `GradientScaler`.
    case float16

    /// The type autocast casts to (nil: no autocast).
    public var autocastType: DType? {
        switch self {
        case .float32: return nil
        case .bfloat16: return .bfloat16
        case .float16: return .float16
        }
    }

    /// Whether the loss is scaled (float16's narrow exponent range loses small gradients otherwise).
    public var scalesLoss: Bool { self == .float16 }

    /// Runs `body` under autocast to `autocastType` on `device` (directly for `.float32`).
    public func run<T>(on device: Device, _ body: () throws -> T) throws -> T {
        guard let dtype = autocastType else { return try body() }
        return try Autocast.run(device: device, dtype: dtype, body)
    }
}
