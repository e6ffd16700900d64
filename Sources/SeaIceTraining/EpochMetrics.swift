import Foundation
import SeaIceCore

/// One line of the metrics log (`metrics.jsonl`, one JSON object per epoch).
public struct EpochMetrics: Codable, Sendable, Equatable {
    /// Epoch number, 1-based.
    public var epoch: Int
    /// Iterations completed at the end of the epoch.
    public var iteration: Int
    /// Learning rate of the epoch's last iteration.
    public var learningRate: Double
    /// Mean training loss over the epoch (weighted total), and its three terms.
    public var trainLoss: Double, trainSICLoss: Double, trainSODLoss: Double, trainFLOELoss: Double
    /// Validation scores in percent (R² for SIC, weighted F1 for SOD and FLOE, combined); nil without validation.
    public var validationSIC: Double?, validationSOD: Double?, validationFLOE: Double?, validationCombined: Double?
    /// Whether this epoch produced the best checkpoint so far.
    public var best: Bool
    /// Wall-clock seconds of the epoch (training + validation).
    public var seconds: Double
    /// Whether the data were simulated (any training or validation file marked simulated).
    public var simulatedData: Bool
    /// The arithmetic of the epoch's training steps (`float32` in logs written before mixed precision).
    public var precision: PrecisionPlan = .float32
    /// The loss scale at the end of the epoch (nil without loss scaling).
    public var lossScale: Double? = nil
    /// Optimizer steps of the epoch skipped for non-finite gradients (nil without loss scaling).
    public var skippedSteps: Int? = nil
}

extension EpochMetrics {
    private enum CodingKeys: String, CodingKey {
        case epoch, iteration, learningRate, trainLoss, trainSICLoss, trainSODLoss, trainFLOELoss
        case validationSIC, validationSOD, validationFLOE, validationCombined, best, seconds, simulatedData
        case precision, lossScale, skippedSteps
    }

    /// Decodes a line; `precision` absent (older logs) means `float32`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        epoch = try c.decode(Int.self, forKey: .epoch)
        iteration = try c.decode(Int.self, forKey: .iteration)
        learningRate = try c.decode(Double.self, forKey: .learningRate)
        trainLoss = try c.decode(Double.self, forKey: .trainLoss)
        trainSICLoss = try c.decode(Double.self, forKey: .trainSICLoss)
        trainSODLoss = try c.decode(Double.self, forKey: .trainSODLoss)
        trainFLOELoss = try c.decode(Double.self, forKey: .trainFLOELoss)
        validationSIC = try c.decodeIfPresent(Double.self, forKey: .validationSIC)
        validationSOD = try c.decodeIfPresent(Double.self, forKey: .validationSOD)
        validationFLOE = try c.decodeIfPresent(Double.self, forKey: .validationFLOE)
        validationCombined = try c.decodeIfPresent(Double.self, forKey: .validationCombined)
        best = try c.decode(Bool.self, forKey: .best)
        seconds = try c.decode(Double.self, forKey: .seconds)
        simulatedData = try c.decode(Bool.self, forKey: .simulatedData)
        precision = try c.decodeIfPresent(PrecisionPlan.self, forKey: .precision) ?? .float32
        lossScale = try c.decodeIfPresent(Double.self, forKey: .lossScale)
        skippedSteps = try c.decodeIfPresent(Int.self, forKey: .skippedSteps)
    }
}

/// The machine-readable metrics log of a run: appends one JSON line per epoch, atomically
/// rewriting the file so that a kill never leaves a torn line.
public struct MetricsLog {
    /// The file.
    public let url: URL

    /// A log at `url`.
    public init(url: URL) { self.url = url }

    /// Every line in the file (empty when there is none).
    public func read() throws -> [EpochMetrics] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { k, line in
            do { return try JSONDecoder().decode(EpochMetrics.self, from: Data(line.utf8)) } catch {
                throw SeaIceError.invalidInput(file: url.path, item: "line \(k + 1)", expected: "an EpochMetrics JSON object")
            }
        }
    }

    /// Keeps only epochs ≤ `epoch` (used when resuming from a checkpoint older than the log).
    public func truncate(after epoch: Int) throws {
        try write(try read().filter { $0.epoch <= epoch })
    }

    /// Appends `metrics`.
    public func append(_ metrics: EpochMetrics) throws {
        try write(try read() + [metrics])
    }

    private func write(_ lines: [EpochMetrics]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = Data()
        for line in lines {
            data += try encoder.encode(line)
            data += Data("\n".utf8)
        }
        try AtomicOutput.write(data, to: url)
    }
}
