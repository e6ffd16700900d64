import SeaIceCore
import SeaIceTensor

/// The feed-forward activation of a `TransformerEncoderLayer`.
public enum TransformerActivation: String, Codable, Sendable {
    /// max(x, 0) (PyTorch's default).
    case relu
    /// Exact (erf) GELU.
    case gelu
}

/// One transformer encoder block (`torch.nn.TransformerEncoderLayer`, batch-first): [N, L, E] → [N, L, E].
///
/// Post-norm (PyTorch's default): x = norm1(x + drop1(attn(x))); x = norm2(x + drop2(ff(x))).
/// Pre-norm (`normFirst`): x = x + drop1(attn(norm1(x))); x = x + drop2(ff(norm2(x))).
/// ff(x) = linear2(dropout(act(linear1(x)))). State-dict names as PyTorch: `self_attn.*`,
/// `linear1.*`, `linear2.*`, `norm1.*`, `norm2.*`.
public final class TransformerEncoderLayer: Module, UnaryLayer {
    /// Multi-head self-attention.
    public let selfAttn: MultiheadAttention
    /// E → feed-forward width.
    public let linear1: Linear
    /// Feed-forward width → E.
    public let linear2: Linear
    /// Normalisation around the attention sub-block.
    public let norm1: LayerNorm
    /// Normalisation around the feed-forward sub-block.
    public let norm2: LayerNorm
    /// Dropout inside the feed-forward block and on both residual branches.
    public let dropout: Dropout, dropout1: Dropout, dropout2: Dropout
    /// Whether normalisation comes before each sub-block.
    public let normFirst: Bool
    /// The feed-forward activation.
    public let activation: TransformerActivation

    /// Creates the block with PyTorch's defaults and initialisation drawn from `generator`.
    public init(
        dModel: Int, numHeads: Int, feedforward: Int = 2048, dropout p: Float = 0.1,
        activation: TransformerActivation = .relu, layerNormEps: Float = 1e-5, normFirst: Bool = false,
        generator: inout SeededGenerator
    ) throws {
        selfAttn = try MultiheadAttention(embedDim: dModel, numHeads: numHeads, generator: &generator)
        linear1 = try Linear(dModel, feedforward, generator: &generator)
        dropout = Dropout(p: p, generator: &generator)
        linear2 = try Linear(feedforward, dModel, generator: &generator)
        norm1 = try LayerNorm([dModel], eps: layerNormEps)
        norm2 = try LayerNorm([dModel], eps: layerNormEps)
        dropout1 = Dropout(p: p, generator: &generator)
        dropout2 = Dropout(p: p, generator: &generator)
        self.normFirst = normFirst
        self.activation = activation
        super.init()
        register(selfAttn, as: "self_attn")
        register(linear1, as: "linear1")
        register(dropout, as: "dropout")
        register(linear2, as: "linear2")
        register(norm1, as: "norm1")
        register(norm2, as: "norm2")
        register(dropout1, as: "dropout1")
        register(dropout2, as: "dropout2")
    }

    /// Applies the block to `x` [N, L, E]; `mask` as in `MultiheadAttention`.
    public func callAsFunction(_ x: Tensor, mask: Tensor?) throws -> Tensor {
        if normFirst {
            let a = try x + dropout1(selfAttn(norm1(x), mask: mask))
            return try a + dropout2(feedForward(norm2(a)))
        }
        let a = try norm1(x + dropout1(selfAttn(x, mask: mask)))
        return try norm2(a + dropout2(feedForward(a)))
    }

    /// Applies the block without a mask.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try callAsFunction(x, mask: nil) }

    private func feedForward(_ x: Tensor) throws -> Tensor {
        let h = try linear1(x)
        let act = try activation == .relu ? Functional.relu(h) : Functional.gelu(h)
        return try linear2(dropout(act))
    }
}
