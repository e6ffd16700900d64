import CTorchBridge
import SeaIceCore

/// An n-dimensional array on a device, backed by a libtorch `at::Tensor`.
///
/// A `Tensor` owns one native handle and frees it in `deinit`; several `Tensor`s may share
/// storage (views, `detach()`), exactly as in PyTorch. Images are NCHW (batch, channels, rows,
/// columns) unless a function says otherwise; `contiguous(.channelsLast)` changes only the
/// memory layout, never the logical shape.
///
/// Every operation that libtorch can reject (shape mismatch, bad dimension, wrong dtype) `throws`
/// `SeaIceError.native(library: "libtorch", operation:, message:)` carrying libtorch's message;
/// nothing crashes. Operations record autograd history unless run inside `Tensor.withNoGrad`.
///
/// Thread safety: distinct tensors may be used from different threads; one tensor must not be
/// mutated (in-place ops, `backward`) from two threads at once.
public final class Tensor: @unchecked Sendable, CustomStringConvertible {
    /// The bridge handle (owned).
    let handle: OpaquePointer

    /// Takes ownership of a bridge handle.
    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        sik_tensor_free(handle)
    }

    /// Sizes of each dimension, outermost first (e.g. `[N, C, H, W]`).
    public var shape: [Int] {
        let n = Int(sik_tensor_ndim(handle))
        var dims = [Int64](repeating: 0, count: n)
        dims.withUnsafeMutableBufferPointer { sik_tensor_dims(handle, $0.baseAddress) }
        return dims.map(Int.init)
    }

    /// Strides of each dimension in elements.
    public var strides: [Int] {
        let n = Int(sik_tensor_ndim(handle))
        var s = [Int64](repeating: 0, count: n)
        s.withUnsafeMutableBufferPointer { sik_tensor_strides(handle, $0.baseAddress) }
        return s.map(Int.init)
    }

    /// Number of dimensions.
    public var rank: Int { Int(sik_tensor_ndim(handle)) }

    /// Number of elements.
    public var count: Int { Int(sik_tensor_numel(handle)) }

    /// Element type. A dtype outside `DType` (complex, int16, …) cannot be created through this API.
    public var dtype: DType {
        let code = sik_tensor_dtype(handle)
        guard let d = DType(rawValue: code) else {
            preconditionFailure("tensor has a dtype outside SeaIceTensor.DType (code \(code))")
        }
        return d
    }

    /// The device holding the storage.
    public var device: Device {
        var type: Int32 = 0
        var index: Int32 = 0
        sik_tensor_device(handle, &type, &index)
        return type == Int32(SIK_DEVICE_CUDA) ? .cuda(Int(index)) : .cpu
    }

    /// libtorch's printout (values, dtype, shape) for up to 256 elements, else a one-line summary;
    /// for debugging and logs.
    public var description: String {
        if count > 256 { return "Tensor(shape: \(shape), dtype: \(dtype), device: \(device))" }
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = buffer.withUnsafeMutableBufferPointer { sik_tensor_describe(handle, $0.baseAddress, 4096) }
        if status != 0 { return "Tensor(shape: \(shape), dtype: \(dtype))" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the storage is dense in `format` (row-major NCHW, or NHWC for `.channelsLast`).
    public func isContiguous(_ format: MemoryFormat = .contiguous) -> Bool {
        sik_tensor_is_contiguous(handle, format.rawValue) != 0
    }

    // MARK: - Bridge plumbing

    /// Runs a bridge call that writes one new handle, keeping `inputs` alive during the call,
    /// and turns a failure into `SeaIceError.native` naming `operation`.
    @inline(__always)
    static func makeHandle(
        _ operation: @autoclosure () -> String, _ inputs: [Tensor?],
        _ body: (UnsafeMutablePointer<OpaquePointer?>) -> sik_status
    ) throws -> OpaquePointer {
        var out: OpaquePointer?
        let status = withExtendedLifetime(inputs) { body(&out) }
        try TorchRuntime.check(status, operation())
        guard let h = out else {
            throw SeaIceError.native(library: "libtorch", operation: operation(), message: "no tensor returned")
        }
        return h
    }

    /// `makeHandle` wrapped in a new `Tensor`.
    @inline(__always)
    static func make(
        _ operation: @autoclosure () -> String, _ inputs: [Tensor?],
        _ body: (UnsafeMutablePointer<OpaquePointer?>) -> sik_status
    ) throws -> Tensor {
        Tensor(handle: try makeHandle(operation(), inputs, body))
    }

    /// Runs a bridge call without a tensor result, keeping `inputs` alive.
    @inline(__always)
    static func run(_ operation: @autoclosure () -> String, _ inputs: [Tensor?], _ body: () -> sik_status) throws {
        let status = withExtendedLifetime(inputs) { body() }
        try TorchRuntime.check(status, operation())
    }

    /// Runs a bridge call that cannot fail for a valid handle; a failure is a programming error.
    static func infallible(_ operation: String, _ inputs: [Tensor?], _ body: (UnsafeMutablePointer<OpaquePointer?>) -> sik_status) -> Tensor {
        do {
            return try make(operation, inputs, body)
        } catch {
            preconditionFailure("\(error)")
        }
    }
}

/// Calls `body` with `values` as an int64 buffer and its count (the bridge's `dims, ndim`).
@inline(__always)
func withInt64s<R>(_ values: [Int], _ body: (UnsafePointer<Int64>?, Int32) throws -> R) rethrows -> R {
    let v = values.map { Int64($0) }
    return try v.withUnsafeBufferPointer { try body($0.baseAddress, Int32($0.count)) }
}

/// The raw handle of an optional tensor (NULL when absent).
@inline(__always)
func optionalHandle(_ t: Tensor?) -> OpaquePointer? { t?.handle }
