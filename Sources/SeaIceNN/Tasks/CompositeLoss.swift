import SeaIceCore
import SeaIceTensor

/// A per-task loss function: network output and target of one task → a scalar tensor.
///
/// Implementations say which output and target layouts they take; `CompositeLoss` combines them.
public protocol TaskLossFunction: Sendable {
    /// The scalar loss of `output` against `target`.
    func loss(_ output: Tensor, target: Tensor) throws -> Tensor
}

/// Masked mean squared error of a regression map `[N, 1, H, W]` (or `[N, H, W]`) against a target
/// `[N, H, W]` of any numeric dtype; pixels equal to `ignoreValue` are left out (Σ m(ŷ − y)² / Σ m,
/// 0 when none is valid). Computed in float32.
public struct MaskedMSELoss: TaskLossFunction {
    /// Target value of unlabelled pixels.
    public var ignoreValue: Float

    /// A loss ignoring `ignoreValue` (255 in AI4Arctic charts).
    public init(ignoreValue: Float = 255) { self.ignoreValue = ignoreValue }

    /// See the type.
    public func loss(_ output: Tensor, target: Tensor) throws -> Tensor {
        let prediction = output.rank == target.rank + 1 ? try output.to(.float32).squeeze(1) : try output.to(.float32)
        return try Losses.maskedMSE(prediction, target: target.to(.float32), ignoreValue: ignoreValue)
    }
}

/// Softmax cross-entropy of logits `[N, K, H, W]` (or `[N, K]`) against class indices `[N, H, W]`
/// (or `[N]`), averaged over non-ignored targets: Σ CE / max(count, 1), which equals
/// `F.cross_entropy(ignore_index=…)` whenever a target is valid and is 0 (not NaN) when none is.
/// Optional class weights `[K]` multiply each target's loss (the sum is then divided by the count,
/// not by the weight sum). Computed in float32.
public struct MaskedCrossEntropyLoss: TaskLossFunction {
    /// Target value of unlabelled pixels.
    public var ignoreIndex: Int
    /// Per-class weights (nil: all 1).
    public var classWeights: [Float]?

    /// A loss ignoring `ignoreIndex` (255 in AI4Arctic charts).
    public init(ignoreIndex: Int = 255, classWeights: [Float]? = nil) {
        self.ignoreIndex = ignoreIndex
        self.classWeights = classWeights
    }

    /// See the type.
    public func loss(_ output: Tensor, target: Tensor) throws -> Tensor {
        let weight = try classWeights.map { try Tensor($0, shape: [$0.count], device: output.device) }
        let sum = try Losses.crossEntropy(output.to(.float32), target: target.to(.int64), weight: weight,
                                          ignoreIndex: ignoreIndex, reduction: .sum)
        let count = try target.ne(Float(ignoreIndex)).to(.float32).sum().clamp(min: 1)
        return try sum / count
    }
}

/// Binary cross-entropy on logits (`F.binary_cross_entropy_with_logits`) of a map `[N, 1, H, W]`
/// (or `[N, H, W]`) against a 0/1 target `[N, H, W]`, averaged over the pixels whose target is not
/// `ignoreValue` (0 when none is).
public struct MaskedBinaryCrossEntropyLoss: TaskLossFunction {
    /// Target value of unlabelled pixels.
    public var ignoreValue: Float

    /// A loss ignoring `ignoreValue`.
    public init(ignoreValue: Float = 255) { self.ignoreValue = ignoreValue }

    /// See the type.
    public func loss(_ output: Tensor, target: Tensor) throws -> Tensor {
        let logits = output.rank == target.rank + 1 ? try output.to(.float32).squeeze(1) : try output.to(.float32)
        let valid = try target.ne(ignoreValue)
        let y = try Tensor.where(valid, target.to(.float32), 0)
        let perPixel = try Losses.bceWithLogits(logits, target: y, reduction: .none)
        let kept = try Tensor.where(valid, perPixel, 0)
        return try kept.sum() / valid.to(.float32).sum().clamp(min: 1)
    }
}

/// Soft Dice loss of a sigmoid logit map `[N, 1, H, W]` (or `[N, H, W]`) against a 0/1 target `[N, H, W]`,
/// pixels equal to `ignoreValue` left out, over the whole batch: 1 − (2·Σ m·p·y + ε) / (Σ m·p + Σ m·y + ε),
/// p = σ(logit), with the smoothing ε (default 1, as in Milletari et al. 2016's V-Net). 0 when p matches y
/// everywhere; computed in float32. With BCE it is the seed-002 (sea-ice cover) loss.
public struct MaskedDiceLoss: TaskLossFunction {
    /// Target value of unlabelled pixels.
    public var ignoreValue: Float
    /// Smoothing added to numerator and denominator.
    public var smoothing: Float

    /// A loss ignoring `ignoreValue`.
    public init(ignoreValue: Float = 255, smoothing: Float = 1) { self.ignoreValue = ignoreValue; self.smoothing = smoothing }

    /// See the type.
    public func loss(_ output: Tensor, target: Tensor) throws -> Tensor {
        let logits = output.rank == target.rank + 1 ? try output.to(.float32).squeeze(1) : try output.to(.float32)
        let valid = try target.ne(ignoreValue).to(.float32)
        let y = try target.to(.float32) * valid
        let p = try Functional.sigmoid(logits) * valid
        let intersection = try (p * y).sum()
        let denominator = try p.sum() + y.sum()
        return try 1 - (intersection * 2 + smoothing) / (denominator + smoothing)
    }
}

/// Named scalar loss terms of one batch and their weighted total (the total carries the graph).
public struct LossTerms {
    /// Σ weight·term, summed in term order.
    public var total: Tensor
    /// The unweighted terms, in the loss's order.
    public var terms: [(name: String, value: Tensor)]

    /// Bundles a total and its terms.
    public init(total: Tensor, terms: [(name: String, value: Tensor)]) {
        self.total = total
        self.terms = terms
    }

    /// The term named `name`, nil when there is none.
    public subscript(name: String) -> Tensor? { terms.first { $0.name == name }?.value }
}

/// A loss that is a list of (task, loss function, weight): total = Σ wᵢ·Lᵢ(output[taskᵢ], target[taskᵢ]),
/// summed in list order (so a three-term list gives exactly `(w₁L₁ + w₂L₂) + w₃L₃`).
public struct CompositeLoss: Sendable {
    /// One weighted term.
    public struct Term: Sendable {
        /// Task name: the key of the network output and of the target.
        public var task: String
        /// The loss function.
        public var function: any TaskLossFunction
        /// Weight in the total.
        public var weight: Double
        /// The term's name in `LossTerms` and the metrics log: the task's, unless one task has several terms
        /// (seed 002's BCE + Dice on `ice`).
        public var name: String

        /// A term; `name` nil takes the task name.
        public init(task: String, function: any TaskLossFunction, weight: Double, name: String? = nil) {
            self.task = task
            self.function = function
            self.weight = weight
            self.name = name ?? task
        }
    }

    /// The terms, in order.
    public let terms: [Term]

    /// A loss of `terms` (at least one; term names distinct — programmer errors otherwise).
    public init(_ terms: [Term]) {
        precondition(!terms.isEmpty, "a composite loss needs at least one term")
        precondition(Set(terms.map(\.name)).count == terms.count, "duplicate term names in \(terms.map(\.name))")
        self.terms = terms
    }

    /// Names of the terms, in order (the metrics log's loss names).
    public var names: [String] { terms.map(\.name) }

    /// The terms and total for `outputs` against `targets` (keyed by task).
    /// - Throws: `SeaIceError.missing` naming a task without output or target.
    public func callAsFunction(_ outputs: TaskOutputs, targets: [String: Tensor]) throws -> LossTerms {
        var values: [(name: String, value: Tensor)] = []
        var total: Tensor?
        for term in terms {
            guard let target = targets[term.task] else {
                throw SeaIceError.missing(file: "training batch", item: "target of task `\(term.task)`")
            }
            let value = try term.function.loss(try outputs.tensor(term.task), target: target)
            values.append((term.name, value))
            let weighted = try value * Float(term.weight)
            total = try total.map { try $0 + weighted } ?? weighted
        }
        return LossTerms(total: total!, terms: values)
    }
}
