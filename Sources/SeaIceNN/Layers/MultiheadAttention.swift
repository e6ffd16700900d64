import SeaIceCore
import SeaIceTensor

/// Multi-head scaled dot-product attention (`torch.nn.MultiheadAttention`, batch-first):
/// query [N, L, E], key/value [N, S, E] → [N, L, E].
///
/// State-dict entries as PyTorch: `in_proj_weight` [3E, E] (rows: query, key, value
/// projections), `in_proj_bias` [3E], `out_proj.weight` [E, E], `out_proj.bias` [E].
/// Initialisation as PyTorch: in_proj_weight xavier-uniform, in_proj_bias 0, out_proj.weight
/// kaiming-uniform a = √5, out_proj.bias 0. Dropout on the attention probabilities is not
/// supported (the fused kernel runs without it); use residual dropout instead.
public final class MultiheadAttention: Module {
    /// Model width E.
    public let embedDim: Int
    /// Number of heads h (E divisible by h; each head has E/h channels).
    public let numHeads: Int
    /// Stacked query/key/value projection weights [3E, E].
    public let inProjWeight: Parameter
    /// Stacked projection biases [3E].
    public let inProjBias: Parameter
    /// Output projection E → E.
    public let outProj: Linear

    /// Creates the layer with PyTorch's initialisation drawn from `generator`.
    public init(embedDim: Int, numHeads: Int, generator: inout SeededGenerator) throws {
        precondition(numHeads > 0 && embedDim % numHeads == 0, "embedDim \(embedDim) not divisible by numHeads \(numHeads)")
        self.embedDim = embedDim
        self.numHeads = numHeads
        inProjWeight = try Parameter(Init.xavierUniform([3 * embedDim, embedDim], generator: &generator))
        inProjBias = try Parameter(Tensor.zeros([3 * embedDim]))
        let projection = try Linear(embedDim, embedDim, generator: &generator)
        try projection.bias!.replace(with: Tensor.zeros([embedDim]))
        outProj = projection
        super.init()
        register(inProjWeight, as: "in_proj_weight")
        register(inProjBias, as: "in_proj_bias")
        register(outProj, as: "out_proj")
    }

    /// Attention of `query` [N, L, E] over `key`/`value` [N, S, E]; `mask` (bool: true = attend,
    /// or additive float) broadcasts to [N, h, L, S].
    public func callAsFunction(query: Tensor, key: Tensor, value: Tensor, mask: Tensor? = nil) throws -> Tensor {
        let e = embedDim
        let w = inProjWeight.value, b = inProjBias.value
        let q = try Functional.linear(query, weight: w.narrow(dim: 0, start: 0, length: e), bias: b.narrow(dim: 0, start: 0, length: e))
        let k = try Functional.linear(key, weight: w.narrow(dim: 0, start: e, length: e), bias: b.narrow(dim: 0, start: e, length: e))
        let v = try Functional.linear(value, weight: w.narrow(dim: 0, start: 2 * e, length: e), bias: b.narrow(dim: 0, start: 2 * e, length: e))
        let attended = try Functional.scaledDotProductAttention(query: heads(q), key: heads(k), value: heads(v), mask: mask)
        let n = attended.shape[0], l = attended.shape[2]
        let merged = try attended.transpose(1, 2).reshape([n, l, e])
        return try outProj(merged)
    }

    /// Self-attention of `x` [N, L, E].
    public func callAsFunction(_ x: Tensor, mask: Tensor? = nil) throws -> Tensor {
        try callAsFunction(query: x, key: x, value: x, mask: mask)
    }

    /// [N, L, E] → [N, h, L, E/h].
    private func heads(_ x: Tensor) throws -> Tensor {
        let s = x.shape
        return try x.reshape([s[0], s[1], numHeads, embedDim / numHeads]).transpose(1, 2)
    }
}
