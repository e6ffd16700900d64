import SeaIceCore
import SeaIceTensor

/// PyTorch's default weight initialisations (`torch.nn.init`), drawn from an injected
/// `SeededGenerator` on the host so the same seed gives the same weights everywhere.
///
/// The distributions are PyTorch's; the draws are not (torch's own generator is never used), so
/// weights match PyTorch's statistically, not value by value.
public enum Init {
    /// PyTorch's `_calculate_fan_in_and_fan_out`: for a weight `[out, in, k…]`,
    /// fan_in = in · ∏k and fan_out = out · ∏k (a 1-D shape has fan_in = fan_out = its size).
    public static func fans(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        precondition(!shape.isEmpty, "fan computation needs at least one dimension")
        if shape.count == 1 { return (shape[0], shape[0]) }
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// A float32 tensor of `shape` with elements uniform in [−bound, bound).
    public static func uniform(_ shape: [Int], bound: Double, generator: inout SeededGenerator) throws -> Tensor {
        let n = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: n)
        for i in 0..<n { values[i] = Float((2 * generator.nextUnitDouble() - 1) * bound) }
        return try Tensor(values, shape: shape)
    }

    /// `kaiming_uniform_(w, a)` with leaky-ReLU gain √(2 / (1 + a²)) and fan_in mode:
    /// bound = gain · √(3 / fan_in). With a = √5 (the conv/linear default) bound = 1/√fan_in.
    public static func kaimingUniform(_ shape: [Int], a: Double = 5.0.squareRoot(), generator: inout SeededGenerator) throws -> Tensor {
        let fanIn = fans(shape).fanIn
        let gain = (2.0 / (1 + a * a)).squareRoot()
        let bound = fanIn > 0 ? gain * (3.0 / Double(fanIn)).squareRoot() : 0
        return try uniform(shape, bound: bound, generator: &generator)
    }

    /// `xavier_uniform_(w, gain)`: bound = gain · √(6 / (fan_in + fan_out)).
    public static func xavierUniform(_ shape: [Int], gain: Double = 1, generator: inout SeededGenerator) throws -> Tensor {
        let (fanIn, fanOut) = fans(shape)
        let bound = gain * (6.0 / Double(max(fanIn + fanOut, 1))).squareRoot()
        return try uniform(shape, bound: bound, generator: &generator)
    }

    /// The default bias of conv and linear layers: uniform in [−1/√fan_in, 1/√fan_in), fan_in of the weight.
    public static func defaultBias(_ count: Int, weightShape: [Int], generator: inout SeededGenerator) throws -> Tensor {
        let fanIn = fans(weightShape).fanIn
        let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
        return try uniform([count], bound: bound, generator: &generator)
    }
}
