import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// Hyper-parameters of `Adam` / AdamW (PyTorch's `torch.optim.Adam(W)` arguments).
public struct AdamConfiguration: Codable, Equatable, Sendable {
    /// Learning rate.
    public var learningRate: Double
    /// Decay rate β₁ of the first-moment estimate.
    public var beta1: Double
    /// Decay rate β₂ of the second-moment estimate.
    public var beta2: Double
    /// Added to the denominator for numerical stability.
    public var eps: Double
    /// Weight decay λ (L2 for Adam, decoupled for AdamW).
    public var weightDecay: Double

    /// Creates a configuration with PyTorch's defaults (β = (0.9, 0.999), eps 1e-8).
    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
    }
}

/// Adam and AdamW, following PyTorch's single-tensor update (`torch/optim/adam.py`):
/// t ← t + 1; AdamW: θ ← θ·(1 − lr·λ), Adam: g ← g + λ·θ; m ← m + (1 − β₁)(g − m);
/// v ← β₂·v + (1 − β₂)·g²; θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps).
public final class Adam: Optimizer {
    /// The parameters being optimised.
    public let parameters: [(name: String, parameter: Parameter)]
    /// The hyper-parameters.
    public let configuration: AdamConfiguration
    /// Whether weight decay is decoupled (AdamW).
    public let decoupled: Bool
    /// The learning rate used by the next step.
    public var learningRate: Double
    private var expAvg: [String: Tensor] = [:]
    private var expAvgSq: [String: Tensor] = [:]
    private var steps: [String: Int] = [:]

    /// Creates Adam (`decoupled` false) or AdamW (`decoupled` true).
    public init(parameters: [(name: String, parameter: Parameter)], configuration: AdamConfiguration, decoupled: Bool) {
        self.parameters = parameters
        self.configuration = configuration
        self.decoupled = decoupled
        self.learningRate = configuration.learningRate
    }

    /// One Adam(W) update of every parameter with a gradient.
    public func step() throws {
        let c = configuration
        try Tensor.withNoGrad {
            for (name, p) in parameters {
                guard var g = p.value.grad else { continue }
                let theta = p.value
                let t = steps[name, default: 0] + 1
                steps[name] = t
                if c.weightDecay != 0 {
                    if decoupled {
                        try theta.mulInPlace(Float(1 - learningRate * c.weightDecay))
                    } else {
                        g = try g + theta * Float(c.weightDecay)
                    }
                }
                let m = try expAvg[name] ?? Tensor.zeros(like: theta)
                let v = try expAvgSq[name] ?? Tensor.zeros(like: theta)
                expAvg[name] = m
                expAvgSq[name] = v
                try m.lerpInPlace(g, weight: Float(1 - c.beta1))
                try v.mulInPlace(Float(c.beta2))
                try v.addcmulInPlace(g, g, value: Float(1 - c.beta2))
                let bias1 = 1 - pow(c.beta1, Double(t))
                let bias2Sqrt = (1 - pow(c.beta2, Double(t))).squareRoot()
                let denom = try v.sqrt() / Float(bias2Sqrt) + Float(c.eps)
                try theta.addcdivInPlace(m, denom, value: Float(-learningRate / bias1))
            }
        }
    }

    /// Configuration, learning rate and per-parameter step counts.
    public var record: OptimizerRecord {
        OptimizerRecord(configuration: decoupled ? .adamW(configuration) : .adam(configuration), learningRate: learningRate, steps: steps)
    }

    /// Moment estimates named `<parameter>.exp_avg` and `<parameter>.exp_avg_sq`.
    public func stateTensors() -> [(name: String, tensor: Tensor)] {
        parameters.flatMap { name, _ -> [(name: String, tensor: Tensor)] in
            guard let m = expAvg[name], let v = expAvgSq[name] else { return [] }
            return [("\(name).exp_avg", m), ("\(name).exp_avg_sq", v)]
        }
    }

    /// Restores the state saved by `record` and `stateTensors()`.
    public func load(record: OptimizerRecord, tensors: [String: Tensor]) throws {
        try requireSameConfiguration(record)
        var m: [String: Tensor] = [:], v: [String: Tensor] = [:]
        for (name, p) in parameters {
            let a = try stateTensor("\(name).exp_avg", in: tensors, like: p.value)
            let b = try stateTensor("\(name).exp_avg_sq", in: tensors, like: p.value)
            guard (a == nil) == (b == nil) else {
                throw SeaIceError.missing(file: "optimizer state", item: "tensor `\(name).\(a == nil ? "exp_avg" : "exp_avg_sq")`")
            }
            m[name] = a
            v[name] = b
        }
        expAvg = m
        expAvgSq = v
        steps = record.steps
        learningRate = record.learningRate
    }
}
