import SeaIceCore
import SeaIceTensor

/// Batch normalisation over N, H, W of NCHW input (`torch.nn.BatchNorm2d`):
/// y = (x − μ)/√(σ² + eps)·weight + bias.
///
/// Training uses the batch statistics and updates `running_mean`/`running_var` in place with
/// r ← (1 − momentum)·r + momentum·stat (unbiased variance for the running value) and adds 1 to
/// `num_batches_tracked`; evaluation uses the running statistics. State-dict entries: `weight`,
/// `bias` [C] (ones, zeros), buffers `running_mean` [C] (zeros), `running_var` [C] (ones),
/// `num_batches_tracked` (int64 scalar, 0).
public final class BatchNorm2d: Module, UnaryLayer {
    /// Scale γ [C].
    public let weight: Parameter
    /// Offset β [C].
    public let bias: Parameter
    /// Running mean [C].
    public let runningMean: Buffer
    /// Running (unbiased) variance [C].
    public let runningVar: Buffer
    /// Number of training batches seen (int64 scalar).
    public let numBatchesTracked: Buffer
    /// Weight of the newest batch in the running statistics.
    public let momentum: Float
    /// Added to the variance for numerical stability.
    public let eps: Float

    /// Creates the layer for `features` channels.
    public init(_ features: Int, momentum: Float = 0.1, eps: Float = 1e-5) throws {
        weight = try Parameter(Tensor.ones([features]))
        bias = try Parameter(Tensor.zeros([features]))
        runningMean = Buffer(try Tensor.zeros([features]))
        runningVar = Buffer(try Tensor.ones([features]))
        numBatchesTracked = Buffer(try Tensor.zeros([], dtype: .int64))
        self.momentum = momentum
        self.eps = eps
        super.init()
        register(weight, as: "weight")
        register(bias, as: "bias")
        register(buffer: runningMean, as: "running_mean")
        register(buffer: runningVar, as: "running_var")
        register(buffer: numBatchesTracked, as: "num_batches_tracked")
    }

    /// Normalises NCHW `x` (any memory format).
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        if isTraining {
            // int64 counter: an integer add (a Float scalar cannot be added in place to a Long tensor)
            let counter = numBatchesTracked.value
            try counter.copyFrom(counter + Tensor([Int64(1)], shape: [], device: counter.device))
        }
        return try Functional.batchNorm(
            x, runningMean: runningMean.value, runningVar: runningVar.value, weight: weight.value, bias: bias.value,
            training: isTraining, momentum: momentum, eps: eps)
    }
}

/// Layer normalisation over the last dimensions (`torch.nn.LayerNorm`).
///
/// State-dict entries: `weight` and `bias` with shape `normalizedShape` (ones, zeros).
public final class LayerNorm: Module, UnaryLayer {
    /// Scale, shape `normalizedShape`.
    public let weight: Parameter
    /// Offset, shape `normalizedShape`.
    public let bias: Parameter
    /// The trailing dimensions normalised together.
    public let normalizedShape: [Int]
    /// Added to the variance for numerical stability.
    public let eps: Float

    /// Creates the layer over trailing dimensions `normalizedShape`.
    public init(_ normalizedShape: [Int], eps: Float = 1e-5) throws {
        weight = try Parameter(Tensor.ones(normalizedShape))
        bias = try Parameter(Tensor.zeros(normalizedShape))
        self.normalizedShape = normalizedShape
        self.eps = eps
        super.init()
        register(weight, as: "weight")
        register(bias, as: "bias")
    }

    /// Normalises `x` [..., normalizedShape].
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Functional.layerNorm(x, normalizedShape: normalizedShape, weight: weight.value, bias: bias.value, eps: eps)
    }
}
