import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceOptim
import SeaIceTensor

/// The folder of a training run:
/// - `configuration.json` — the run's configuration (the system's typed configuration);
/// - `inputs.json` — what it reads (data folder, training and validation files), compared on resume;
/// - `.lock` — held by the process training into the folder;
/// - `last/` — checkpoint after the latest epoch (weights, optimizer tensors, `RunState`): `--resume` starts here;
/// - `best/` — checkpoint of the best validation selection score (what prediction uses);
/// - `metrics.jsonl` — one `EpochMetrics` line per epoch.
///
/// Checkpoints are written into a hidden folder and swapped in by renames, so a kill at any
/// moment leaves either the previous or the new checkpoint complete.
public struct RunDirectory {
    /// The run folder.
    public let url: URL

    /// A run folder at `url` (created on first save).
    public init(url: URL) { self.url = url }

    /// `configuration.json`.
    public var configurationURL: URL { url.appendingPathComponent("configuration.json") }
    /// `inputs.json` (what the run reads: data folder and files).
    public var inputsURL: URL { url.appendingPathComponent("inputs.json") }
    /// `last/`.
    public var lastURL: URL { url.appendingPathComponent("last") }
    /// `best/`.
    public var bestURL: URL { url.appendingPathComponent("best") }
    /// `.lock`: held by the process training into the folder.
    public var lockURL: URL { url.appendingPathComponent(".lock") }

    /// Takes the run folder's exclusive lock (creating the folder), so a second `train` into it fails at once.
    /// - Throws: `SeaIceError.io` naming the folder's lock file and the holder's pid.
    public func lock() throws -> FileLock {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw SeaIceError.io(file: url.path, message: "cannot create the run folder: \(error.localizedDescription)")
        }
        return try FileLock(lockURL, what: "the run folder \(url.path)")
    }

    /// `run.json`: the run's identity (`RunRecord`), written when the run starts.
    public var recordURL: URL { url.appendingPathComponent("run.json") }

    /// The run's record, created (with a new run id) on first use and read afterwards, so a resumed run
    /// keeps its id.
    public func record(codeVersion: String = Checkpoint.codeVersion) throws -> RunRecord {
        if FileManager.default.fileExists(atPath: recordURL.path) {
            do { return try JSONDecoder().decode(RunRecord.self, from: Data(contentsOf: recordURL)) } catch {
                throw SeaIceError.invalidInput(file: recordURL.path, item: "run record", expected: "a RunRecord JSON object (\(error))")
            }
        }
        let record = RunRecord(runID: UUID().uuidString.lowercased(), created: EpochMetrics.timestamp(Date()),
                               codeVersion: codeVersion)
        try AtomicOutput.write(try Self.encode(record), to: recordURL)
        return record
    }

    /// `iterations.jsonl`: one `IterationMetrics` line every `TrainingLoop.logEveryIterations` iterations.
    public var iterations: IterationLog { IterationLog(url: url.appendingPathComponent("iterations.jsonl")) }

    /// `metrics.jsonl`.
    public var metrics: MetricsLog { MetricsLog(url: url.appendingPathComponent("metrics.jsonl")) }

    /// `value` as the run folder's JSON (pretty-printed, sorted keys, slashes unescaped).
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Writes a checkpoint into `last/` (and a copy into `best/` when `best`); the state records
    /// `optimizer`'s record and `scaler`'s state (when the run scales its loss).
    /// `specification` (the system's network specification) is the manifest's `model`.
    public func save<Specification: Codable>(network: Module, optimizer: any Optimizer, scaler: GradientScaler? = nil,
                                             state: RunState, specification: Specification, best: Bool) throws {
        var state = state
        state.optimizer = optimizer.record
        if let scaler { state.scaler = scaler.state }
        let manifest = CheckpointManifest(model: specification, training: state)
        let optimizerState = optimizer.stateTensors()
        try replace(lastURL) { try Checkpoint.save(to: $0, model: network, optimizerState: optimizerState, manifest: manifest) }
        if best {
            try replace(bestURL) { try Checkpoint.save(to: $0, model: network, manifest: manifest) }
        }
    }

    /// The latest checkpoint's folder (`last/`, or the previous one kept during a swap), if any.
    public func latestCheckpoint() -> URL? {
        let fm = FileManager.default
        for candidate in [lastURL, url.appendingPathComponent(".last.old")]
        where fm.fileExists(atPath: candidate.appendingPathComponent(Checkpoint.manifestName).path) {
            return candidate
        }
        return nil
    }

    /// Restores `network`, `optimizer` and `scaler` (when given and the checkpoint has its state;
    /// otherwise the scaler keeps its initial scale) from the checkpoint in `directory`; returns its state.
    /// - Throws: `SeaIceError` naming the checkpoint when its specification differs from `specification`.
    public func restore<Specification: Codable & Equatable>(
        from directory: URL, network: Module, optimizer: any Optimizer, scaler: GradientScaler? = nil,
        specification: Specification, device: Device
    ) throws -> RunState {
        let manifest = try Checkpoint.manifest(CheckpointManifest<Specification, RunState>.self, in: directory)
        guard manifest.model == specification else {
            throw SeaIceError.invalidInput(file: directory.appendingPathComponent(Checkpoint.manifestName).path, item: "model",
                                           expected: "the configuration of this run (the checkpoint was made with a different model or inputs)")
        }
        try Checkpoint.loadWeights(into: network, from: directory)
        try network.to(device)
        let tensors = try Checkpoint.optimizerState(in: directory, manifest: manifest, device: device)
        if let record = manifest.training.optimizer { try optimizer.load(record: record, tensors: tensors) }
        if let scaler, let saved = manifest.training.scaler {
            try scaler.restore(saved, source: directory.appendingPathComponent(Checkpoint.manifestName).path)
        }
        return manifest.training
    }

    private func replace(_ target: URL, _ write: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let name = target.lastPathComponent
        let partial = url.appendingPathComponent(".\(name).partial"), old = url.appendingPathComponent(".\(name).old")
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        try? fm.removeItem(at: partial)
        try write(partial)
        try? fm.removeItem(at: old)
        if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: old) }
        try fm.moveItem(at: partial, to: target)
        try? fm.removeItem(at: old)
    }
}

/// The identity of a training run (`run.json`): an id that every metrics line repeats, when it was
/// created (UTC, ISO 8601) and by which code.
public struct RunRecord: Codable, Sendable, Equatable {
    /// Unique id of the run (a random UUID, lower case; an identifier, not part of any result).
    public var runID: String
    /// When the run was first started.
    public var created: String
    /// The code version that started it.
    public var codeVersion: String
}
