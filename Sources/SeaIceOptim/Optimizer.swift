import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// A gradient-descent optimizer over named parameters (the names of `Module.namedParameters()`).
///
/// `step()` updates every parameter that has a gradient (parameters without one are skipped, as
/// in PyTorch) without recording autograd history; `zeroGrad()` drops the gradients. The state
/// (`record` + `stateTensors()`) goes into checkpoints so that an interrupted run resumes exactly.
public protocol Optimizer: AnyObject {
    /// The parameters, in the order given at construction.
    var parameters: [(name: String, parameter: Parameter)] { get }
    /// The learning rate used by the next `step()` (set it from a schedule before stepping).
    var learningRate: Double { get set }
    /// Applies one update from the current gradients.
    func step() throws
    /// The hyper-parameters and counters (JSON part of the state).
    var record: OptimizerRecord { get }
    /// The per-parameter state tensors (momentum buffers, moment estimates), named
    /// `<parameter name>.<buffer>` (e.g. `head.weight.exp_avg`).
    func stateTensors() -> [(name: String, tensor: Tensor)]
    /// Restores `record` and `tensors` saved by `record`/`stateTensors()` of an optimizer of the same kind.
    func load(record: OptimizerRecord, tensors: [String: Tensor]) throws
}

extension Optimizer {
    /// Drops every parameter's gradient (PyTorch's `zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        for (_, p) in parameters { p.value.zeroGrad() }
    }

    /// Throws unless `saved` was recorded by an optimizer of this kind and hyper-parameters.
    func requireSameConfiguration(_ saved: OptimizerRecord) throws {
        guard saved.configuration == record.configuration else {
            throw SeaIceError.configuration("optimizer state is for \(saved.configuration), this optimizer is \(record.configuration)")
        }
    }

    /// The state tensor `name` from `tensors`, checked against the shape of `like`.
    func stateTensor(_ name: String, in tensors: [String: Tensor], like reference: Tensor) throws -> Tensor? {
        guard let t = tensors[name] else { return nil }
        guard t.shape == reference.shape else {
            throw SeaIceError.invalidInput(file: "optimizer state", item: "tensor `\(name)`", expected: "shape \(reference.shape), found \(t.shape)")
        }
        return try t.to(reference.dtype).to(reference.device).clone()
    }
}

/// The JSON-serialisable part of an optimizer's state: its configuration, learning rate and counters.
public struct OptimizerRecord: Codable, Equatable, Sendable {
    /// Kind and hyper-parameters.
    public var configuration: OptimizerConfiguration
    /// The learning rate in effect.
    public var learningRate: Double
    /// Updates applied to each parameter so far (Adam's bias-correction step `t`), by parameter name.
    public var steps: [String: Int]

    /// Creates a record.
    public init(configuration: OptimizerConfiguration, learningRate: Double, steps: [String: Int]) {
        self.configuration = configuration
        self.learningRate = learningRate
        self.steps = steps
    }
}

/// Typed choice of optimizer and its hyper-parameters.
public enum OptimizerConfiguration: Codable, Equatable, Sendable {
    /// Stochastic gradient descent.
    case sgd(SGDConfiguration)
    /// Adam (L2 weight decay added to the gradient).
    case adam(AdamConfiguration)
    /// AdamW (decoupled weight decay).
    case adamW(AdamConfiguration)

    /// A new optimizer of this kind over `parameters`.
    public func make(parameters: [(name: String, parameter: Parameter)]) -> any Optimizer {
        switch self {
        case .sgd(let c): return SGD(parameters: parameters, configuration: c)
        case .adam(let c): return Adam(parameters: parameters, configuration: c, decoupled: false)
        case .adamW(let c): return Adam(parameters: parameters, configuration: c, decoupled: true)
        }
    }
}

extension OptimizerConfiguration {
    /// The base learning rate of the configuration (what a schedule scales).
    public var learningRate: Double {
        switch self {
        case .sgd(let c): return c.learningRate
        case .adam(let c), .adamW(let c): return c.learningRate
        }
    }
}

extension OptimizerConfiguration {
    /// Throws `SeaIceError.configuration` naming the first hyper-parameter outside its range: learning
    /// rate finite and > 0, momentum and betas in [0, 1), dampening in [0, 1], weight decay and ε finite
    /// and ≥ 0 (ε > 0), Nesterov only with momentum > 0 and no dampening (PyTorch's rule).
    public func validate(path: String = "optimizer") throws {
        func check(_ key: String, _ value: Double, _ ok: Bool, _ expected: String) throws {
            guard value.isFinite, ok else { throw SeaIceError.configuration("\(path).\(key) must be \(expected), is \(value)") }
        }
        try check("learningRate", learningRate, learningRate > 0, "> 0")
        switch self {
        case .sgd(let c):
            try check("momentum", c.momentum, (0..<1).contains(c.momentum), "in [0, 1)")
            try check("dampening", c.dampening, (0...1).contains(c.dampening), "in [0, 1]")
            try check("weightDecay", c.weightDecay, c.weightDecay >= 0, "≥ 0")
            if c.nesterov, c.momentum <= 0 || c.dampening != 0 {
                throw SeaIceError.configuration("\(path).nesterov needs momentum > 0 and dampening 0")
            }
        case .adam(let c), .adamW(let c):
            try check("beta1", c.beta1, (0..<1).contains(c.beta1), "in [0, 1)")
            try check("beta2", c.beta2, (0..<1).contains(c.beta2), "in [0, 1)")
            try check("eps", c.eps, c.eps > 0, "> 0")
            try check("weightDecay", c.weightDecay, c.weightDecay >= 0, "≥ 0")
        }
    }
}
