import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// Hyper-parameters of `SGD` (PyTorch's `torch.optim.SGD` arguments).
public struct SGDConfiguration: Codable, Equatable, Sendable {
    /// Learning rate (initial value; a schedule may change the optimizer's `learningRate`).
    public var learningRate: Double
    /// Momentum factor μ (0: plain SGD).
    public var momentum: Double
    /// Dampening τ of the momentum update.
    public var dampening: Double
    /// L2 penalty λ added to the gradient.
    public var weightDecay: Double
    /// Nesterov momentum.
    public var nesterov: Bool

    /// Creates a configuration (MMSeaIce: lr 1e-3, momentum 0.9, weight decay 0.01).
    public init(learningRate: Double, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) {
        precondition(!nesterov || (momentum > 0 && dampening == 0), "Nesterov momentum needs momentum > 0 and dampening 0")
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }
}

/// Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, following
/// PyTorch's `torch.optim.SGD` update exactly:
/// g ← ∇ + λ·θ; b ← g (first step) or μ·b + (1 − τ)·g; g ← g + μ·b (Nesterov) or b; θ ← θ − lr·g.
public final class SGD: Optimizer {
    /// The parameters being optimised.
    public let parameters: [(name: String, parameter: Parameter)]
    /// The hyper-parameters.
    public let configuration: SGDConfiguration
    /// The learning rate used by the next step.
    public var learningRate: Double
    private var momentumBuffers: [String: Tensor] = [:]
    private var steps: [String: Int] = [:]

    /// Creates the optimizer.
    public init(parameters: [(name: String, parameter: Parameter)], configuration: SGDConfiguration) {
        self.parameters = parameters
        self.configuration = configuration
        self.learningRate = configuration.learningRate
    }

    /// One SGD update of every parameter with a gradient.
    public func step() throws {
        let c = configuration
        try Tensor.withNoGrad {
            for (name, p) in parameters {
                guard var g = p.value.grad else { continue }
                let theta = p.value
                if c.weightDecay != 0 { g = try g + theta * Float(c.weightDecay) }
                if c.momentum != 0 {
                    let buffer: Tensor
                    if let b = momentumBuffers[name] {
                        try b.mulInPlace(Float(c.momentum))
                        try b.addInPlace(g, alpha: Float(1 - c.dampening))
                        buffer = b
                    } else {
                        buffer = try g.clone()
                        momentumBuffers[name] = buffer
                    }
                    g = c.nesterov ? try g + buffer * Float(c.momentum) : buffer
                }
                try theta.addInPlace(g, alpha: Float(-learningRate))
                steps[name, default: 0] += 1
            }
        }
    }

    /// Configuration, learning rate and step counts.
    public var record: OptimizerRecord {
        OptimizerRecord(configuration: .sgd(configuration), learningRate: learningRate, steps: steps)
    }

    /// Momentum buffers named `<parameter>.momentum_buffer`.
    public func stateTensors() -> [(name: String, tensor: Tensor)] {
        parameters.compactMap { name, _ in momentumBuffers[name].map { ("\(name).momentum_buffer", $0) } }
    }

    /// Restores the state saved by `record` and `stateTensors()`.
    public func load(record: OptimizerRecord, tensors: [String: Tensor]) throws {
        try requireSameConfiguration(record)
        var buffers: [String: Tensor] = [:]
        for (name, p) in parameters {
            if let t = try stateTensor("\(name).momentum_buffer", in: tensors, like: p.value) { buffers[name] = t }
        }
        momentumBuffers = buffers
        steps = record.steps
        learningRate = record.learningRate
    }
}
