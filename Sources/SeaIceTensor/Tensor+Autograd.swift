import CTorchBridge
import SeaIceCore

/// Autograd (reverse-mode differentiation recorded by libtorch) and in-place parameter updates.
extension Tensor {
    /// Whether operations on this tensor are recorded for `backward()`. Only floating-point
    /// tensors can require gradients; setting it on another dtype, or clearing it on a non-leaf,
    /// is a programming error (precondition).
    public var requiresGrad: Bool {
        get { sik_requires_grad(handle) != 0 }
        set {
            let status = sik_set_requires_grad(handle, newValue ? 1 : 0)
            precondition(status == 0, "requiresGrad = \(newValue) on a \(dtype) tensor \(shape): \(String(cString: sik_last_error()))")
        }
    }

    /// Sets `requiresGrad` and returns `self` (for chaining at creation).
    @discardableResult
    public func requiringGrad(_ flag: Bool = true) throws -> Tensor {
        try Tensor.run("requires_grad_(\(flag)) on a \(dtype) tensor", [self]) { sik_set_requires_grad(handle, flag ? 1 : 0) }
        return self
    }

    /// Whether the tensor was created by the user rather than by a recorded operation.
    public var isLeaf: Bool { sik_is_leaf(handle) != 0 }

    /// Back-propagates from this one-element tensor (a loss), accumulating into the leaves' `grad`.
    public func backward(retainGraph: Bool = false) throws {
        try Tensor.run("backward", [self]) { sik_backward(handle, nil, retainGraph ? 1 : 0) }
    }

    /// Back-propagates with an explicit upstream `gradient` of the same shape.
    public func backward(gradient: Tensor, retainGraph: Bool = false) throws {
        try Tensor.run("backward", [self, gradient]) { sik_backward(handle, gradient.handle, retainGraph ? 1 : 0) }
    }

    /// The gradient accumulated by `backward()` (nil before the first backward or after `zeroGrad()`).
    public var grad: Tensor? {
        var out: OpaquePointer?
        let status = withExtendedLifetime(self) { sik_grad(handle, &out) }
        precondition(status == 0, "grad: \(String(cString: sik_last_error()))")
        return out.map { Tensor(handle: $0) }
    }

    /// Drops the accumulated gradient (`grad` becomes nil, like `zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        let status = withExtendedLifetime(self) { sik_zero_grad(handle) }
        precondition(status == 0, "zeroGrad: \(String(cString: sik_last_error()))")
    }

    /// The same storage without autograd history (`requiresGrad` false).
    public func detach() -> Tensor {
        Tensor.infallible("detach", [self]) { sik_tensor_detach(handle, $0) }
    }

    /// Whether operations on the calling thread are being recorded.
    public static var isGradEnabled: Bool { sik_grad_enabled() != 0 }

    /// Runs `body` with gradient recording disabled on the calling thread (PyTorch's `torch.no_grad()`),
    /// restoring the previous state afterwards, also when `body` throws. Nests.
    public static func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
        let previous = sik_grad_enabled()
        sik_set_grad_enabled(0)
        defer { sik_set_grad_enabled(previous) }
        return try body()
    }

    // MARK: in-place updates (always run without recording, as optimizers need)

    /// `self += alpha · other`.
    public func addInPlace(_ other: Tensor, alpha: Float = 1) throws {
        try Tensor.run("add_ \(other.shape) into \(shape)", [self, other]) { sik_inplace(Int32(SIK_INPLACE_ADD), handle, other.handle, Double(alpha)) }
    }

    /// `self += value`.
    public func addInPlace(_ value: Float) throws {
        try Tensor.run("add_ scalar", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_ADD), handle, Double(value)) }
    }

    /// `self *= other` element-wise.
    public func mulInPlace(_ other: Tensor) throws {
        try Tensor.run("mul_ \(other.shape) into \(shape)", [self, other]) { sik_inplace(Int32(SIK_INPLACE_MUL), handle, other.handle, 1) }
    }

    /// `self *= value`.
    public func mulInPlace(_ value: Float) throws {
        try Tensor.run("mul_ scalar", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_MUL), handle, Double(value)) }
    }

    /// `self /= other` element-wise.
    public func divInPlace(_ other: Tensor) throws {
        try Tensor.run("div_ \(other.shape) into \(shape)", [self, other]) { sik_inplace(Int32(SIK_INPLACE_DIV), handle, other.handle, 1) }
    }

    /// Copies the values of `source` (broadcast, converted to this dtype/device) into `self`.
    public func copyFrom(_ source: Tensor) throws {
        try Tensor.run("copy_ \(source.shape) into \(shape)", [self, source]) { sik_inplace(Int32(SIK_INPLACE_COPY), handle, source.handle, 1) }
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) throws {
        try Tensor.run("fill_", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_FILL), handle, Double(value)) }
    }

    /// Sets every element to 0.
    public func zero() throws {
        try Tensor.run("zero_", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_ZERO), handle, 0) }
    }

    /// `self = √self`.
    public func sqrtInPlace() throws {
        try Tensor.run("sqrt_", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_SQRT), handle, 0) }
    }

    /// Clamps in place to [min, max] (either may be omitted).
    public func clampInPlace(min: Float? = nil, max: Float? = nil) throws {
        if let min { try Tensor.run("clamp_min_", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_CLAMP_MIN), handle, Double(min)) } }
        if let max { try Tensor.run("clamp_max_", [self]) { sik_inplace_scalar(Int32(SIK_INPLACE_CLAMP_MAX), handle, Double(max)) } }
    }

    /// `self += value · a · b` (Adam's second moment update).
    public func addcmulInPlace(_ a: Tensor, _ b: Tensor, value: Float = 1) throws {
        try Tensor.run("addcmul_", [self, a, b]) { sik_addc_inplace(handle, a.handle, b.handle, Double(value), 0) }
    }

    /// `self += value · a / b` (Adam's parameter step).
    public func addcdivInPlace(_ a: Tensor, _ b: Tensor, value: Float = 1) throws {
        try Tensor.run("addcdiv_", [self, a, b]) { sik_addc_inplace(handle, a.handle, b.handle, Double(value), 1) }
    }

    /// `self += weight · (end − self)` (exponential moving averages).
    public func lerpInPlace(_ end: Tensor, weight: Float) throws {
        try Tensor.run("lerp_", [self, end]) { sik_lerp_inplace(handle, end.handle, Double(weight)) }
    }
}
