import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceSampling
import SeaIceTensor
import SeaIceTraining

/// Wires a run from a data folder: lists the ready-to-train files, holds out the validation
/// scenes, builds the sampler (`ReadyFileSceneSource` + `TrainingSampler`), the network and the
/// validator. Kept here so that the `seaice train` command holds no logic.
public enum TrainingSetup {
    /// The ready-to-train files (`*_prep.nc`, else every `*.nc`) of `folder`, sorted by name.
    public static func readyFiles(in folder: URL) throws -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw SeaIceError.io(file: folder.path, message: "cannot list the data folder: \(error.localizedDescription)")
        }
        var picked = names.filter { $0.hasSuffix(AI4ArcticNaming.readySuffix) }
        if picked.isEmpty { picked = names.filter { $0.hasSuffix(".nc") && !$0.hasPrefix(".") } }
        guard !picked.isEmpty else { throw SeaIceError.missing(file: folder.path, item: "ready-to-train files (*_prep.nc)") }
        return picked.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Splits `files` into training and validation: the named scenes (raw AI4Arctic names, as the
    /// reference's `valset2` list gives them, stand for their ready-to-train files), or `count` drawn without
    /// replacement with a generator derived from `seed` (never all files: at least one trains).
    public static func split(_ files: [URL], settings: ValidationSettings, seed: UInt64) throws -> (train: [URL], validation: [URL]) {
        if !settings.scenes.isEmpty {
            let wanted = settings.scenes.map(ValidationSettings.readyFileName(for:))
            let names = Set(wanted)
            let validation = files.filter { names.contains($0.lastPathComponent) }
            let found = Set(validation.map(\.lastPathComponent))
            let missing = zip(settings.scenes, wanted).filter { !found.contains($0.1) }
                .map { $0.0 == $0.1 ? $0.0 : "\($0.1) (listed as \($0.0))" }
            guard missing.isEmpty else {
                throw SeaIceError.missing(file: files.first?.deletingLastPathComponent().path ?? "data folder",
                                          item: "validation scenes \(missing.joined(separator: ", "))")
            }
            return (files.filter { !names.contains($0.lastPathComponent) }, validation)
        }
        let count = settings.count
        guard count > 0 else { return (files, []) }
        guard count < files.count else {
            throw SeaIceError.invalidInput(
                file: files.first?.deletingLastPathComponent().path ?? "data folder", item: "validation.count",
                expected: "fewer scenes than the \(files.count) in the folder (at least one must train), got \(count)")
        }
        var g = SeededGenerator(seed: seed ^ 0x5EA1_CE00_0000_0017)
        var order = Array(files.indices)
        for i in 0..<count {
            let j = i + Int(g.next() % UInt64(order.count - i))
            order.swapAt(i, j)
        }
        let held = Set(order.prefix(count))
        return (files.indices.filter { !held.contains($0) }.map { files[$0] }, order.prefix(count).sorted().map { files[$0] })
    }

    /// A trainer over the ready-to-train files in `data`, writing to `run` (whose lock it takes first);
    /// `validationProgress(done, total)` is called after each validation scene (the caller's progress bar).
    public static func makeTrainer(
        configuration: TrainingConfiguration, data: URL, run: URL, device: Device, logger: Logger,
        validationProgress: ((Int, Int) -> Void)? = nil
    ) throws -> (trainer: MultiTaskTrainer, train: [URL], validation: [URL]) {
        try configuration.validate()  // includes checkMemory: sizes refused before anything is allocated
        let lock = try RunDirectory(url: run).lock()  // a second process training into `run` fails here, at once
        // Per-step activations reuse resident memory instead of page-faulting fresh mmaps (HostMemory).
        try HostMemory.enableCache()
        let (train, validation) = try split(try readyFiles(in: data), settings: configuration.validation, seed: configuration.seed)
        let source = ReadyFileSceneSource(files: train, configuration: configuration.sampler, logger: logger)
        // Warm the scene cache on this thread when it holds every scene: the first epoch then does no
        // I/O, and HDF5 (whose error printing is set per thread) is never first entered from the
        // prefetch thread.
        if train.count <= configuration.sampler.cacheCapacity {
            for i in 0..<train.count { _ = try source.scene(at: i) }
        }
        let sampler = try TrainingSampler(configuration: configuration.sampler, source: source)
        let validator = validation.isEmpty ? nil : try Validator(files: validation, inputs: configuration.sampler,
                                                                  settings: configuration.validation.prediction, device: device)
        validator?.progress = validationProgress
        var g = TrainingRun.initialGenerators(seed: configuration.seed).initialisation
        let network = try UNet(configuration.model, generator: &g)
        let trainer = try MultiTaskTrainer(configuration: configuration, network: network, batches: sampler, validator: validator,
                                  run: RunDirectory(url: run), device: device, lock: lock, logger: logger)
        trainer.simulatedData = try train.contains { try InferenceScene.isSimulated($0) }
        trainer.epochObservers.append(TrainingCurves.observe)  // training-curves.png after every epoch
        trainer.inputsJSON = try RunDirectory.encode(RunInputs(
            data: data.standardizedFileURL.path, train: train.map(\.lastPathComponent),
            validation: validation.map(\.lastPathComponent)))
        return (trainer, train, validation)
    }

    /// Refuses a configuration whose training step cannot fit in this machine's memory, before allocating.
    /// - Throws: `SeaIceError.configuration` with the estimate and the keys that set it.
    public static func checkMemory(_ c: TrainingConfiguration,
                                   available: UInt64 = ProcessInfo.processInfo.physicalMemory) throws {
        let needed = c.model.trainingBytesEstimate(batch: c.sampler.batchSize, patch: c.sampler.patchSize)
        guard needed <= Double(available) else {
            let gib = { (b: Double) in String(format: "%.1f GiB", b / 1_073_741_824) }
            throw SeaIceError.configuration(
                "a training step needs at least \(gib(needed)) (model.filters \(c.model.filters), sampler.batchSize "
                + "\(c.sampler.batchSize), sampler.patchSize \(c.sampler.patchSize)) but this machine has \(gib(Double(available))); "
                + "lower the batch size, patch size or filters")
        }
    }
}

/// What a multi-task run reads (`inputs.json` in the run folder): compared on resume.
public struct RunInputs: Codable, Sendable, Equatable {
    /// The data folder (absolute path).
    public var data: String
    /// Training and validation file names.
    public var train: [String], validation: [String]
}
