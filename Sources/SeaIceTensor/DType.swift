import CTorchBridge
import SeaIceCore

/// Element type of a tensor. Raw values are the bridge's `SIK_DTYPE_*` codes.
public enum DType: Int32, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// IEEE 754 binary32.
    case float32 = 0
    /// IEEE 754 binary16.
    case float16 = 1
    /// bfloat16 (8-bit exponent, 7-bit mantissa).
    case bfloat16 = 2
    /// Signed 64-bit integer (class indices, token ids, counts).
    case int64 = 3
    /// Unsigned 8-bit integer (class maps with 255 = ignore, raw images).
    case uint8 = 4
    /// Boolean (one byte per element, 0 or 1).
    case bool = 5
    /// IEEE 754 binary64 (only for reading checkpoints and numerics checks).
    case float64 = 6
    /// Signed 32-bit integer (only for reading checkpoints).
    case int32 = 7

    /// Size of one element in bytes.
    public var elementSize: Int { Int(sik_dtype_size(rawValue)) }

    /// Whether the type is a floating-point type (can require gradients).
    public var isFloatingPoint: Bool {
        switch self {
        case .float32, .float16, .bfloat16, .float64: return true
        case .int64, .uint8, .bool, .int32: return false
        }
    }

    /// PyTorch's name, e.g. "float32".
    public var description: String {
        switch self {
        case .float32: return "float32"
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .bool: return "bool"
        case .float64: return "float64"
        case .int32: return "int32"
        }
    }
}

/// Where a tensor's storage lives.
public enum Device: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Host memory.
    case cpu
    /// CUDA device with the given index.
    case cuda(Int)

    /// CUDA device 0 when `TorchRuntime.cudaAvailable`, else the CPU.
    public static var best: Device { TorchRuntime.cudaAvailable ? .cuda(0) : .cpu }

    /// PyTorch's spelling, e.g. "cpu", "cuda:0".
    public var description: String {
        switch self {
        case .cpu: return "cpu"
        case let .cuda(i): return "cuda:\(i)"
        }
    }

    /// Throws unless this device exists (the CPU always does; `cuda(i)` needs i < the CUDA device count),
    /// so asking for a missing GPU fails with one sentence before libtorch's dispatcher text.
    /// - Throws: `SeaIceError.native` "no CUDA device; available: cpu" (or the devices there are).
    public func checkAvailable() throws {
        guard case let .cuda(i) = self else { return }
        let count = TorchRuntime.cudaAvailable ? TorchRuntime.cudaDeviceCount : 0
        guard i < 0 || i >= count else { return }
        let available = (["cpu"] + (0..<count).map { "cuda:\($0)" }).joined(separator: ", ")
        let what = count == 0 ? "no CUDA device" : "no CUDA device \(i) (\(count) visible)"
        throw SeaIceError.native(library: "libtorch", operation: "device \(self)",
                                 message: "\(what); available: \(available)")
    }

    /// The bridge's codes after `checkAvailable()`.
    func checkedCodes() throws -> (type: Int32, index: Int32) {
        try checkAvailable()
        return codes
    }

    /// The bridge's (device_type, device_index) codes.
    var codes: (type: Int32, index: Int32) {
        switch self {
        case .cpu: return (Int32(SIK_DEVICE_CPU), 0)
        case let .cuda(i): return (Int32(SIK_DEVICE_CUDA), Int32(i))
        }
    }
}

/// Memory layout of a 4-D tensor whose logical shape stays NCHW.
public enum MemoryFormat: Int32, Sendable, Codable {
    /// Row-major NCHW strides.
    case contiguous = 0
    /// NHWC strides ("channels last"); convolutions on it are 1.6–2× faster on CPUs and tensor cores.
    case channelsLast = 1
}

/// A pair of (height, width) integers for kernel sizes, strides, paddings and output sizes.
///
/// An integer literal means the same value for both: `stride: 2` is `Size2(2, 2)`.
public struct Size2: Equatable, Hashable, Sendable, Codable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// Size along the height (rows, H of NCHW).
    public var h: Int
    /// Size along the width (columns, W of NCHW).
    public var w: Int

    /// A pair with different height and width.
    public init(_ h: Int, _ w: Int) {
        self.h = h
        self.w = w
    }

    /// The same value for height and width.
    public init(integerLiteral value: Int) { self.init(value, value) }

    /// "(h, w)".
    public var description: String { "(\(h), \(w))" }

    /// The pair as the bridge's two int64 values.
    var array: [Int64] { [Int64(h), Int64(w)] }
}
