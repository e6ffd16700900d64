import SeaIceCore
import SeaIceTensor

/// Affine map y = x·Wᵀ + b over the last dimension (`torch.nn.Linear`): [..., in] → [..., out].
///
/// State-dict entries: `weight` [out, in], `bias` [out]. Initialisation as PyTorch: weight
/// kaiming-uniform a = √5 (bound 1/√in), bias uniform in ±1/√in.
public final class Linear: Module, UnaryLayer {
    /// Weight [out, in].
    public let weight: Parameter
    /// Bias [out], or nil.
    public let bias: Parameter?

    /// Creates the layer with PyTorch's default initialisation drawn from `generator`.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, generator: inout SeededGenerator) throws {
        let shape = [outFeatures, inFeatures]
        weight = try Parameter(Init.kaimingUniform(shape, generator: &generator))
        self.bias = bias ? try Parameter(Init.defaultBias(outFeatures, weightShape: shape, generator: &generator)) : nil
        super.init()
        register(weight, as: "weight")
        if let b = self.bias { register(b, as: "bias") }
    }

    /// x·Wᵀ + b for `x` [..., in].
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try Functional.linear(x, weight: weight.value, bias: bias?.value)
    }
}
