import CTorchBridge
import Foundation
import SeaIceCore

#if _endian(big)
#error("SeaIceTensor assumes a little-endian host (raw tensor bytes are little-endian)")
#endif

extension Tensor {
    /// Copies host elements (C-contiguous, row-major, native = little-endian) into a new tensor.
    static func fromHost<T>(_ values: [T], dtype: DType, shape: [Int], device: Device, operation: String) throws -> OpaquePointer {
        let expected = shape.reduce(1, *)
        guard shape.allSatisfy({ $0 >= 0 }), expected == values.count else {
            throw SeaIceError.invalidInput(
                file: "Tensor", item: operation,
                expected: "\(expected) values for shape \(shape) (non-negative sizes), got \(values.count)")
        }
        let (type, index) = try device.checkedCodes()
        return try values.withUnsafeBytes { raw in
            try withInt64s(shape) { dims, n in
                try makeHandle(operation, []) { sik_tensor_from_data(raw.baseAddress, dtype.rawValue, dims, n, type, index, $0) }
            }
        }
    }

    /// A float32 tensor of `shape` holding `values` in row-major order.
    public convenience init(_ values: [Float], shape: [Int], device: Device = .cpu) throws {
        self.init(handle: try Tensor.fromHost(values, dtype: .float32, shape: shape, device: device, operation: "from [Float]"))
    }

    /// An int64 tensor of `shape` holding `values` in row-major order.
    public convenience init(_ values: [Int64], shape: [Int], device: Device = .cpu) throws {
        self.init(handle: try Tensor.fromHost(values, dtype: .int64, shape: shape, device: device, operation: "from [Int64]"))
    }

    /// A uint8 tensor of `shape` holding `values` in row-major order.
    public convenience init(_ values: [UInt8], shape: [Int], device: Device = .cpu) throws {
        self.init(handle: try Tensor.fromHost(values, dtype: .uint8, shape: shape, device: device, operation: "from [UInt8]"))
    }

    /// A bool tensor of `shape` holding `values` in row-major order.
    public convenience init(_ values: [Bool], shape: [Int], device: Device = .cpu) throws {
        self.init(handle: try Tensor.fromHost(values, dtype: .bool, shape: shape, device: device, operation: "from [Bool]"))
    }

    /// A 0-dimensional float32 tensor holding `scalar`.
    public convenience init(scalar: Float, device: Device = .cpu) throws {
        self.init(handle: try Tensor.fromHost([scalar], dtype: .float32, shape: [], device: device, operation: "from scalar"))
    }

    /// A tensor from raw little-endian, C-contiguous element bytes (e.g. a safetensors payload).
    /// - Throws: `SeaIceError.invalidInput` when the byte count is not `count(shape) · dtype.elementSize`.
    public convenience init(bytes: UnsafeRawBufferPointer, dtype: DType, shape: [Int], device: Device = .cpu) throws {
        let expected = shape.reduce(1, *) * dtype.elementSize
        guard shape.allSatisfy({ $0 >= 0 }), bytes.count == expected else {
            throw SeaIceError.invalidInput(
                file: "Tensor", item: "from bytes",
                expected: "\(expected) bytes for \(dtype) shape \(shape), got \(bytes.count)")
        }
        let (type, index) = try device.checkedCodes()
        let h = try withInt64s(shape) { dims, n in
            try Tensor.makeHandle("from bytes", []) {
                sik_tensor_from_data(bytes.baseAddress, dtype.rawValue, dims, n, type, index, $0)
            }
        }
        self.init(handle: h)
    }

    /// A tensor from raw little-endian, C-contiguous element bytes held in `data`.
    public convenience init(bytes data: Data, dtype: DType, shape: [Int], device: Device = .cpu) throws {
        let t = try data.withUnsafeBytes { try Tensor(bytes: $0, dtype: dtype, shape: shape, device: device) }
        self.init(sharing: t)
    }

    /// A second handle to the same at::Tensor as `other` (same storage, same autograd identity).
    convenience init(sharing other: Tensor) {
        var out: OpaquePointer?
        let status = withExtendedLifetime(other) { sik_tensor_share(other.handle, &out) }
        precondition(status == 0 && out != nil, "sik_tensor_share failed: \(String(cString: sik_last_error()))")
        self.init(handle: out!)
    }

    /// A tensor of `shape` filled with `value`.
    public static func full(_ shape: [Int], value: Float, dtype: DType = .float32, device: Device = .cpu) throws -> Tensor {
        let (type, index) = try device.checkedCodes()
        return try withInt64s(shape) { dims, n in
            try make("full \(shape)", []) { sik_tensor_full(dims, n, Double(value), dtype.rawValue, type, index, $0) }
        }
    }

    /// A tensor of `shape` filled with zeros.
    public static func zeros(_ shape: [Int], dtype: DType = .float32, device: Device = .cpu) throws -> Tensor {
        try full(shape, value: 0, dtype: dtype, device: device)
    }

    /// A tensor of `shape` filled with ones.
    public static func ones(_ shape: [Int], dtype: DType = .float32, device: Device = .cpu) throws -> Tensor {
        try full(shape, value: 1, dtype: dtype, device: device)
    }

    /// Zeros with the shape, dtype and device of `other`.
    public static func zeros(like other: Tensor) throws -> Tensor {
        try zeros(other.shape, dtype: other.dtype, device: other.device)
    }

    /// Ones with the shape, dtype and device of `other`.
    public static func ones(like other: Tensor) throws -> Tensor {
        try ones(other.shape, dtype: other.dtype, device: other.device)
    }

    /// `[start, start + step, …)` strictly below `end` (PyTorch's `arange`), 1-D.
    public static func arange(
        start: Double = 0, end: Double, step: Double = 1, dtype: DType = .float32, device: Device = .cpu
    ) throws -> Tensor {
        let (type, index) = try device.checkedCodes()
        return try make("arange(\(start), \(end), \(step))", []) {
            sik_tensor_arange(start, end, step, dtype.rawValue, type, index, $0)
        }
    }

    /// `[0, 1, …, end − 1]`, 1-D.
    public static func arange(_ end: Int, dtype: DType = .float32, device: Device = .cpu) throws -> Tensor {
        try arange(start: 0, end: Double(end), step: 1, dtype: dtype, device: device)
    }
}
