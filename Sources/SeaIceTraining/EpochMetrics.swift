import Foundation
import SeaIceCore

/// One line of the metrics log (`metrics.jsonl`, one JSON object per epoch), for any system.
///
/// Keys: `epoch`, `iteration`, `learningRate`, `trainLoss` (weighted total), `trainLosses` (each
/// named term, unweighted), `validation` (defined scores by name; absent without validation),
/// `undefinedScores` (name → why it could not be computed), `best`, `seconds`, `simulatedData`,
/// `precision`, `lossScale`, `skippedSteps`, `time` (UTC, ISO 8601, end of the epoch), `runID` (`run.json`). Lines written
/// before the engine (`trainSICLoss`, `validationSIC`, … `validationCombined`) decode into the same
/// fields (`sic`, `sod`, `floe`, `combined`).
public struct EpochMetrics: Codable, Sendable, Equatable {
    /// Epoch number, 1-based.
    public var epoch: Int
    /// Iterations completed at the end of the epoch.
    public var iteration: Int
    /// Learning rate of the epoch's last iteration.
    public var learningRate: Double
    /// Mean training loss over the epoch (weighted total).
    public var trainLoss: Double
    /// Mean of each unweighted loss term over the epoch, by term name.
    public var trainLosses: [String: Double]
    /// Validation scores by name (units are the validator's: the multi-task U-Net's are percent); nil without validation.
    public var validation: [String: Double]?
    /// Scores that could not be computed this epoch, with the reason.
    public var undefinedScores: [String: String]?
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
    /// End of the epoch, UTC ISO 8601 (nil in logs written before timestamps).
    public var time: String? = nil
    /// The run's id (`run.json`; nil in logs written before run ids).
    public var runID: String? = nil

    /// Validation score `name`, nil when absent or undefined.
    public func score(_ name: String) -> Double? { validation?[name] }

    /// `date` as the log's UTC ISO 8601 timestamp (seconds precision; `UTCTimestamp`).
    public static func timestamp(_ date: Date) -> String { UTCTimestamp.string(date) }
}

extension EpochMetrics {
    private enum CodingKeys: String, CodingKey {
        case epoch, iteration, learningRate, trainLoss, trainLosses, validation, undefinedScores, best, seconds
        case simulatedData, precision, lossScale, skippedSteps, time, runID
    }

    /// Keys of lines written before the engine (three heads named in the keys).
    private enum LegacyKeys: String, CodingKey {
        case trainSICLoss, trainSODLoss, trainFLOELoss, validationSIC, validationSOD, validationFLOE, validationCombined
    }

    /// Decodes a line of either layout; `precision` absent (older logs) means `float32`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        epoch = try c.decode(Int.self, forKey: .epoch)
        iteration = try c.decode(Int.self, forKey: .iteration)
        learningRate = try c.decode(Double.self, forKey: .learningRate)
        trainLoss = try c.decode(Double.self, forKey: .trainLoss)
        best = try c.decode(Bool.self, forKey: .best)
        seconds = try c.decode(Double.self, forKey: .seconds)
        simulatedData = try c.decode(Bool.self, forKey: .simulatedData)
        precision = try c.decodeIfPresent(PrecisionPlan.self, forKey: .precision) ?? .float32
        lossScale = try c.decodeIfPresent(Double.self, forKey: .lossScale)
        skippedSteps = try c.decodeIfPresent(Int.self, forKey: .skippedSteps)
        time = try c.decodeIfPresent(String.self, forKey: .time)
        runID = try c.decodeIfPresent(String.self, forKey: .runID)
        undefinedScores = try c.decodeIfPresent([String: String].self, forKey: .undefinedScores)
        if let losses = try c.decodeIfPresent([String: Double].self, forKey: .trainLosses) {
            trainLosses = losses
            validation = try c.decodeIfPresent([String: Double].self, forKey: .validation)
            return
        }
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        trainLosses = [:]
        for (key, name) in [(LegacyKeys.trainSICLoss, "sic"), (.trainSODLoss, "sod"), (.trainFLOELoss, "floe")] {
            trainLosses[name] = try legacy.decode(Double.self, forKey: key)
        }
        var scores: [String: Double] = [:]
        for (key, name) in [(LegacyKeys.validationSIC, "sic"), (.validationSOD, "sod"), (.validationFLOE, "floe"),
                            (.validationCombined, "combined")] {
            scores[name] = try legacy.decodeIfPresent(Double.self, forKey: key)
        }
        validation = scores.isEmpty ? nil : scores
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
                throw SeaIceError.invalidInput(file: url.path, item: "line \(k + 1)", expected: "an EpochMetrics JSON object (\(error))")
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

/// One line of `iterations.jsonl`: the running state of training every `logEveryIterations` iterations.
public struct IterationMetrics: Codable, Sendable, Equatable {
    /// The run's id.
    public var runID: String
    /// Epoch (1-based) and iteration within it (1-based).
    public var epoch: Int, iterationInEpoch: Int
    /// Iterations completed over the whole run.
    public var iteration: Int
    /// This iteration's weighted total loss and its unweighted terms by name.
    public var loss: Double, losses: [String: Double]
    /// Learning rate of the step.
    public var learningRate: Double
    /// UTC, ISO 8601.
    public var time: String

    /// A line.
    public init(runID: String, epoch: Int, iterationInEpoch: Int, iteration: Int, loss: Double, losses: [String: Double],
                learningRate: Double, time: String) {
        self.runID = runID
        self.epoch = epoch
        self.iterationInEpoch = iterationInEpoch
        self.iteration = iteration
        self.loss = loss
        self.losses = losses
        self.learningRate = learningRate
        self.time = time
    }
}

/// `iterations.jsonl`: appended one line at a time (a kill can cut only the last line, which `read()`
/// skips); `truncate(after:)` keeps the lines of iterations a resumed run has already done.
public struct IterationLog {
    /// The file.
    public let url: URL

    /// A log at `url`.
    public init(url: URL) { self.url = url }

    /// Every complete line (an unterminated last line is left out).
    public func read() throws -> [IterationMetrics] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // the empty piece after the final newline, or an unterminated (cut) last line
        return try lines.enumerated().map { k, line in
            do { return try JSONDecoder().decode(IterationMetrics.self, from: Data(line.utf8)) } catch {
                throw SeaIceError.invalidInput(file: url.path, item: "line \(k + 1)", expected: "an IterationMetrics JSON object")
            }
        }
    }

    /// Appends `line`.
    public func append(_ line: IterationMetrics) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(line) + Data("\n".utf8)
        if !FileManager.default.fileExists(atPath: url.path) { FileManager.default.createFile(atPath: url.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
    }

    /// Keeps only lines with `iteration ≤ iteration` (rewritten atomically).
    public func truncate(after iteration: Int) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = Data()
        for line in try read() where line.iteration <= iteration { data += try encoder.encode(line) + Data("\n".utf8) }
        try AtomicOutput.write(data, to: url)
    }
}
