import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// What a system tells the shared `Trainer`: its network type, its batch type, what checkpoints
/// store to rebuild the network (`specification`), and how a batch becomes named loss terms.
///
/// The multi-task U-Net's task turns a `TrainingBatch` into SIC/SOD/FLOE terms; a ten-type classifier's
/// turns a `DataBatch` into one cross-entropy term. The trainer owns everything else: optimizer,
/// schedule, mixed precision, epochs, validation, checkpoints, metrics and exact resume.
public protocol TrainingTask {
    /// The network.
    associatedtype Network: Module
    /// What a `BatchSource` yields.
    associatedtype Batch
    /// What checkpoints store as their `model` (architecture + inputs); compared on resume.
    associatedtype Specification: Codable & Equatable & Sendable

    /// The checkpoints' specification.
    var specification: Specification { get }
    /// Names of the loss terms, in order (the metrics log's `trainLosses` keys).
    var lossNames: [String] { get }
    /// The loss terms of `network` on `batch`, tensors on `device`. Runs under the run's autocast.
    func losses(_ network: Network, batch: Batch, device: Device) throws -> LossTerms
}

/// Which validation score selects the best checkpoint.
public struct ScoreSelection: Codable, Sendable, Equatable {
    /// Score name (a key of `ValidationResult.scores`).
    public var score: String
    /// Whether larger is better (F1, R², combined score) or smaller (MAE, loss).
    public var higherIsBetter: Bool

    /// A selection.
    public init(score: String, higherIsBetter: Bool = true) {
        self.score = score
        self.higherIsBetter = higherIsBetter
    }

    /// Whether `candidate` beats `best` (any defined score beats none; an undefined one never wins).
    public func improves(_ candidate: Double?, on best: Double?) -> Bool {
        guard let c = candidate, c.isFinite else { return false }
        guard let b = best else { return true }
        return higherIsBetter ? c > b : c < b
    }
}

/// Named validation scores of one epoch. A score that cannot be computed (no valid label pixel,
/// a class never present) is not a number: it is left out of `scores` and its reason recorded in
/// `undefined`, so the metrics log says why instead of failing to encode NaN.
public struct ValidationResult: Sendable, Equatable {
    /// Defined (finite) scores by name.
    public private(set) var scores: [String: Double] = [:]
    /// Reasons for scores that are undefined, by name.
    public private(set) var undefined: [String: String] = [:]

    /// An empty result.
    public init() {}

    /// Records `value` for `name`, or `reason` when `value` is nil or not finite.
    public mutating func record(_ name: String, _ value: Double?, reason: @autoclosure () -> String) {
        if let v = value, v.isFinite {
            scores[name] = v
            undefined[name] = nil
        } else {
            scores[name] = nil
            undefined[name] = reason()
        }
    }
}

/// Validation of a system's network after each epoch.
public protocol TaskValidator<Network>: AnyObject {
    /// The network type it scores.
    associatedtype Network
    /// Which score selects the best checkpoint.
    var selection: ScoreSelection { get }
    /// Whether any validation input is simulated (recorded in the metrics).
    var simulated: Bool { get }
    /// Scores `network` (the trainer switches it back to training mode afterwards).
    func score(_ network: Network) throws -> ValidationResult
}
