import Foundation
import SeaIceCore
import SeaIceTensor

/// The JSON written beside a checkpoint's tensors: what produced it and everything needed to
/// rebuild the model and resume training exactly.
///
/// `Configuration` is the model's typed configuration (e.g. `UNetConfiguration`); `Training` is
/// the trainer's resumable state (optimizer hyper-parameters and step, schedule, epoch, RNG
/// streams), or `EmptyTrainingState` for weights-only checkpoints.
public struct CheckpointManifest<Configuration: Codable, Training: Codable>: Codable {
    /// Layout version of the checkpoint folder (this code writes `Checkpoint.formatVersion`).
    public var formatVersion: Int
    /// Version of the code that wrote it (`Checkpoint.codeVersion` unless the caller says otherwise).
    public var codeVersion: String
    /// The model configuration.
    public var model: Configuration
    /// Resumable training state.
    public var training: Training
    /// Names of the tensors in `optimizer.safetensors` (empty when there is none).
    public var optimizerTensors: [String]

    /// Creates a manifest.
    public init(model: Configuration, training: Training, codeVersion: String = Checkpoint.codeVersion) {
        self.formatVersion = Checkpoint.formatVersion
        self.codeVersion = codeVersion
        self.model = model
        self.training = training
        self.optimizerTensors = []
    }
}

/// Training state of a weights-only checkpoint.
public struct EmptyTrainingState: Codable, Equatable, Sendable {
    /// Creates the empty state.
    public init() {}
}

/// A checkpoint folder: `model.safetensors` (the state dict, PyTorch names), `optimizer.safetensors`
/// (optimizer state tensors, when training) and `checkpoint.json` (a `CheckpointManifest`).
///
/// Each file is written atomically and the manifest last, so a folder whose manifest exists is
/// complete; loading validates every file and names the file and tensor at fault.
public enum Checkpoint {
    /// The folder layout version written by this code.
    public static let formatVersion = 1
    /// The SeaIceKit version recorded in checkpoints.
    public static var codeVersion: String { SeaIceKitVersion.description }
    /// File names inside a checkpoint folder.
    public static let weightsName = "model.safetensors", optimizerName = "optimizer.safetensors", manifestName = "checkpoint.json"

    /// Writes `model`'s state dict, the optimizer tensors and `manifest` into `directory` (created if needed).
    public static func save<C: Codable, T: Codable>(
        to directory: URL, model: Module, optimizerState: [(name: String, tensor: Tensor)] = [],
        manifest: CheckpointManifest<C, T>
    ) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try model.saveWeights(to: directory.appendingPathComponent(weightsName), metadata: ["format": "pt"])
        var manifest = manifest
        manifest.optimizerTensors = optimizerState.map(\.name)
        let optimizerURL = directory.appendingPathComponent(optimizerName)
        if optimizerState.isEmpty {
            try? FileManager.default.removeItem(at: optimizerURL)
        } else {
            let records = try optimizerState.map { try SafeTensorsRecord(name: $0.name, tensor: $0.tensor) }
            try SafeTensorsWriter.write(records, to: optimizerURL)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicOutput.write(try encoder.encode(manifest), to: directory.appendingPathComponent(manifestName))
    }

    /// Reads and checks the manifest of the checkpoint in `directory`.
    public static func manifest<C: Codable, T: Codable>(
        _ type: CheckpointManifest<C, T>.Type, in directory: URL
    ) throws -> CheckpointManifest<C, T> {
        let url = directory.appendingPathComponent(manifestName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SeaIceError.missing(file: directory.path, item: manifestName)
        }
        let manifest: CheckpointManifest<C, T>
        do {
            manifest = try JSONDecoder().decode(type, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw SeaIceError.invalidInput(file: url.path, item: "manifest", expected: "a checkpoint manifest (\(error))")
        } catch {
            throw SeaIceError.io(file: url.path, message: "cannot read checkpoint manifest: \(error.localizedDescription)")
        }
        guard manifest.formatVersion == formatVersion else {
            throw SeaIceError.invalidInput(file: url.path, item: "formatVersion", expected: "\(formatVersion), found \(manifest.formatVersion)")
        }
        return manifest
    }

    /// Loads the weights of the checkpoint in `directory` into `model` (strict names and shapes) and checks
    /// that every floating-point parameter and buffer is finite.
    /// - Throws: `SeaIceError.invalidInput` naming `model.safetensors` and the first tensor holding NaN or ±∞
    ///   (with how many of its values are), since such a network maps every pixel alike.
    public static func loadWeights(into model: Module, from directory: URL) throws {
        let url = directory.appendingPathComponent(weightsName)
        try model.loadWeights(from: url)
        for (name, tensor) in try model.stateDict() where tensor.dtype.isFloatingPoint {
            guard try !tensor.isfinite().all() else { continue }
            let values = try tensor.floats()
            let nan = values.filter(\.isNaN).count, infinite = values.filter(\.isInfinite).count
            throw SeaIceError.invalidInput(
                file: url.path, item: "tensor `\(name)`",
                expected: "finite weights, found \(nan) NaN and \(infinite) ±∞ of \(values.count) values "
                    + "(a diverged or damaged checkpoint)")
        }
    }

    /// The optimizer tensors of the checkpoint in `directory`, checked against the manifest's list.
    public static func optimizerState<C: Codable, T: Codable>(
        in directory: URL, manifest: CheckpointManifest<C, T>, device: Device = .cpu
    ) throws -> [String: Tensor] {
        if manifest.optimizerTensors.isEmpty { return [:] }
        let url = directory.appendingPathComponent(optimizerName)
        let file = try SafeTensorsFile(contentsOf: url)
        let listed = Set(manifest.optimizerTensors)
        if let extra = file.names.first(where: { !listed.contains($0) }) {
            throw SeaIceError.invalidInput(file: url.path, item: "tensor `\(extra)`", expected: "only the tensors the manifest lists")
        }
        var out: [String: Tensor] = [:]
        for name in manifest.optimizerTensors { out[name] = try file.tensor(name, device: device) }
        return out
    }
}
