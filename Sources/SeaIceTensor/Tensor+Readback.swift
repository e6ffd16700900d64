import CTorchBridge
import Foundation
import SeaIceCore

/// Copying elements back to the host (always C-contiguous, row-major order).
extension Tensor {
    /// Converts to `dtype`, moves to the CPU and copies the elements into a Swift array.
    func readback<T>(_ dtype: DType, zero: T) throws -> [T] {
        var values = [T](repeating: zero, count: count)
        let nbytes = Int64(values.count * MemoryLayout<T>.stride)
        try values.withUnsafeMutableBytes { raw in
            try Tensor.run("read back as \(dtype)", [self]) {
                sik_tensor_copy_data(handle, dtype.rawValue, raw.baseAddress, nbytes)
            }
        }
        return values
    }

    /// The elements as Float (any dtype converted; bool → 0/1).
    public func floats() throws -> [Float] { try readback(.float32, zero: 0) }

    /// The elements as Int64 (floats truncated toward zero, as `tensor.long()`).
    public func int64s() throws -> [Int64] { try readback(.int64, zero: 0) }

    /// The elements as UInt8 (as `tensor.to(torch.uint8)`).
    public func uint8s() throws -> [UInt8] { try readback(.uint8, zero: 0) }

    /// The elements as Bool (non-zero → true).
    public func bools() throws -> [Bool] { try readback(.bool, zero: false) }

    /// The single element of a one-element tensor, as Float.
    public func item() throws -> Float {
        var v: Double = 0
        try Tensor.run("item", [self]) { sik_tensor_item(handle, &v) }
        return Float(v)
    }

    /// The single element of a one-element tensor, as Double.
    public func itemDouble() throws -> Double {
        var v: Double = 0
        try Tensor.run("item", [self]) { sik_tensor_item(handle, &v) }
        return v
    }

    /// The raw element bytes in the tensor's own dtype: little-endian, C-contiguous (safetensors layout).
    public func bytes() throws -> Data {
        let nbytes = count * dtype.elementSize
        var data = Data(count: nbytes)
        let code = dtype.rawValue
        try data.withUnsafeMutableBytes { raw in
            try Tensor.run("read back bytes", [self]) { sik_tensor_copy_data(handle, code, raw.baseAddress, Int64(nbytes)) }
        }
        return data
    }

    /// A copy converted to `dtype` (same device).
    public func to(_ dtype: DType) throws -> Tensor {
        let (type, index) = device.codes
        return try Tensor.make("to(\(dtype))", [self]) { sik_tensor_to(handle, dtype.rawValue, type, index, $0) }
    }

    /// The tensor on `device` (itself, shared, when already there).
    public func to(_ device: Device) throws -> Tensor {
        let (type, index) = try device.checkedCodes()
        return try Tensor.make("to(\(device))", [self]) { sik_tensor_to(handle, -1, type, index, $0) }
    }

    /// The tensor with dense strides in `format` (a copy unless already so).
    /// `.channelsLast` needs a 4-D NCHW tensor; the logical shape stays NCHW.
    public func contiguous(_ format: MemoryFormat = .contiguous) throws -> Tensor {
        try Tensor.make("contiguous(\(format))", [self]) { sik_tensor_contiguous(handle, format.rawValue, $0) }
    }

    /// A copy with its own storage (keeps autograd history, like `clone()`).
    public func clone() throws -> Tensor {
        try Tensor.make("clone", [self]) { sik_tensor_clone(handle, $0) }
    }
}
