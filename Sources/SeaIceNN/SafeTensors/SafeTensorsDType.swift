/// An element type of the safetensors format (the `dtype` string of a header entry).
///
/// Source: the safetensors format description (huggingface/safetensors, README "Format"):
/// little-endian elements, `dtype` one of these upper-case codes.
public enum SafeTensorsDType: String, Sendable, Codable, CaseIterable, Equatable {
    /// IEEE 754 binary64.
    case f64 = "F64"
    /// IEEE 754 binary32.
    case f32 = "F32"
    /// IEEE 754 binary16.
    case f16 = "F16"
    /// bfloat16 (the upper 16 bits of a binary32).
    case bf16 = "BF16"
    /// Signed 64-bit integer.
    case i64 = "I64"
    /// Signed 32-bit integer.
    case i32 = "I32"
    /// Unsigned 8-bit integer.
    case u8 = "U8"
    /// Boolean, one byte per element (0 or 1).
    case bool = "BOOL"

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .f64, .i64: return 8
        case .f32, .i32: return 4
        case .f16, .bf16: return 2
        case .u8, .bool: return 1
        }
    }
}

/// One tensor described by a safetensors header: its name, element type, shape and byte range
/// (relative to the start of the data section, which follows the header).
public struct SafeTensorsEntry: Sendable, Equatable {
    /// The tensor's name (PyTorch state-dict convention, e.g. `encoder.0.conv.weight`).
    public var name: String
    /// The element type.
    public var dtype: SafeTensorsDType
    /// The shape, outermost dimension first (row-major, C order).
    public var shape: [Int]
    /// Byte range `[begin, end)` inside the data section.
    public var range: Range<Int>

    /// Creates an entry.
    public init(name: String, dtype: SafeTensorsDType, shape: [Int], range: Range<Int>) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.range = range
    }

    /// Number of elements (product of the shape; 1 for a scalar).
    public var elementCount: Int { shape.reduce(1, *) }

    /// Bytes the shape and dtype require.
    public var byteCount: Int { elementCount * dtype.itemSize }
}
