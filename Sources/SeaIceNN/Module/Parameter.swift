import SeaIceTensor

/// A trainable tensor owned by a `Module`: a stable box whose `value` can be replaced (moved to a
/// device, loaded from a checkpoint) while optimizers keep referring to the same slot.
///
/// The tensor always requires gradients (PyTorch's `nn.Parameter`).
public final class Parameter: @unchecked Sendable {
    /// The current tensor (a leaf with `requiresGrad`).
    public private(set) var value: Tensor

    /// Wraps `value`, detached from any graph, as a leaf requiring gradients.
    public init(_ value: Tensor) throws {
        self.value = try value.detach().requiringGrad(true)
    }

    /// Replaces the tensor (detached, made a gradient-requiring leaf).
    public func replace(with tensor: Tensor) throws {
        value = try tensor.detach().requiringGrad(true)
    }

    /// The accumulated gradient, or nil before the first `backward()` / after `zeroGrad`.
    public var grad: Tensor? { value.grad }
}

/// A non-trainable tensor owned by a `Module` and saved in its state dict (BatchNorm running
/// statistics, `num_batches_tracked`).
public final class Buffer: @unchecked Sendable {
    /// The current tensor (never requires gradients).
    public private(set) var value: Tensor

    /// Wraps `value`.
    public init(_ value: Tensor) {
        self.value = value
    }

    /// Replaces the tensor.
    public func replace(with tensor: Tensor) {
        value = tensor.detach()
    }
}
