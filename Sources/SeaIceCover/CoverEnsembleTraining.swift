import Foundation
import Logging
import SeaIceCore
import SeaIceData
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceTiling
import SeaIceTraining

/// Training of the stacked ensemble through the engine's `Trainer` (seed 002, issue 13 item 5): every level-0
/// member is a `seaice cover train` run on its subset, in `level0/<member>/`; the level-1 network trains on
/// the members' probabilities over the same labelled set, in `level1/`. Both stages resume from their last
/// finished epoch and skip what is complete.
public enum CoverEnsembleTraining {
    /// The checkpoint a finished or stopped run offers for inference: `best/` when validation selected one,
    /// otherwise `last/`; nil without either.
    public static func inferenceCheckpoint(of run: URL) -> URL? {
        let dir = RunDirectory(url: run)
        for c in [dir.bestURL, dir.lastURL] where FileManager.default.fileExists(atPath: c.appendingPathComponent(Checkpoint.manifestName).path) {
            return c
        }
        return nil
    }

    /// Epochs the run in `run` has finished (0 without a checkpoint).
    /// - Throws: `SeaIceError` naming the checkpoint manifest when it cannot be decoded.
    public static func finishedEpochs(run: URL) throws -> Int {
        let last = RunDirectory(url: run).lastURL
        guard FileManager.default.fileExists(atPath: last.appendingPathComponent(Checkpoint.manifestName).path) else { return 0 }
        struct StateOnly: Codable { var epoch: Int }
        let url = last.appendingPathComponent(Checkpoint.manifestName)
        struct Manifest: Codable { var training: StateOnly }
        return try ConfigurationFile.decodeJSON(Manifest.self, from: url).training.epoch
    }

    /// The trainer of member `index` of `configuration` (recording the configuration in the ensemble folder
    /// first, or checking it against the recorded one).
    /// - Throws: `SeaIceError.configuration` when the member's rule matches no training scene of the manifest
    ///   (naming the member and the manifest); errors of `CoverTraining.makeTrainer`.
    public static func level0Trainer(_ configuration: CoverEnsembleConfiguration, member index: Int, data: URL,
                                     ensemble: CoverEnsembleFolder, device: Device, logger: Logger)
        throws -> (trainer: Trainer<CoverTask<CoverUNet>>, train: Int, validation: Int, scenes: Int) {
        try configuration.validate()
        try ensemble.record(configuration)
        let member = configuration.members[index]
        let c = configuration.memberConfiguration(index)
        let manifestURL = data.appendingPathComponent("manifest.json")
        let manifest = try ConfigurationFile.decodeJSON(CoverLabelledSetManifest.self, from: manifestURL)
        let training = manifest.scenes.enumerated().filter { !CoverTraining.isHeldOut(position: $0.offset, every: c.validationEvery) }
        let chosen = training.filter { member.rule.matches($0.element) }.count
        guard chosen > 0 else {
            throw SeaIceError.configuration("level-0 member `\(member.name)` (rule \(describe(member.rule))) matches none of the "
                                            + "\(training.count) training scenes of \(manifestURL.path)")
        }
        let run = ensemble.member(member.name)
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let setup = try CoverTraining.makeTrainer(configuration: c, data: data, run: run, device: device, logger: logger,
                                                  include: member.rule.matches)
        setup.trainer.configurationJSON = try RunDirectory.encode(c)
        return (setup.trainer, setup.train, setup.validation, chosen)
    }

    /// The rule as `key ≥ value` clauses ("every scene" when empty).
    public static func describe(_ r: CoverSubsetRule) -> String {
        var parts: [String] = []
        func add(_ name: String, _ op: String, _ v: Double?) { if let v { parts.append("\(name) \(op) \(v)") } }
        add("iceProportion", "≥", r.minIceProportion); add("iceProportion", "≤", r.maxIceProportion)
        add("mizFraction", "≥", r.minMIZFraction); add("mizFraction", "≤", r.maxMIZFraction)
        add("ERA5 wind", "≥", r.minWindSpeed); add("openWaterHHdB", "≥", r.minOpenWaterHHdB)
        return parts.isEmpty ? "every scene" : parts.joined(separator: ", ")
    }

    /// The level-0 members of a trained ensemble, loaded from their inference checkpoints, in input order.
    /// - Throws: `SeaIceError.missing` naming the member's run folder when it has no checkpoint, or the
    ///   member that has not finished its epochs when `requireFinished`.
    public static func loadMembers(_ configuration: CoverEnsembleConfiguration, ensemble: CoverEnsembleFolder,
                                   requireFinished: Bool) throws -> [(name: String, network: CoverUNet, digest: String)] {
        try configuration.members.enumerated().map { index, member in
            let run = ensemble.member(member.name)
            guard let checkpoint = inferenceCheckpoint(of: run) else {
                throw SeaIceError.missing(file: run.path, item: "a checkpoint of level-0 member `\(member.name)` (run `seaice cover train-level0` first)")
            }
            if requireFinished {
                let done = try finishedEpochs(run: run), wanted = configuration.memberConfiguration(index).loop.epochs
                guard done >= wanted else {
                    throw SeaIceError.invalidInput(file: run.path, item: "level-0 member `\(member.name)`",
                                                   expected: "\(wanted) finished epochs before level 1 trains, found \(done) (resume `seaice cover train-level0`)")
                }
            }
            let manifest = try Checkpoint.manifest(CheckpointManifest<CoverUNetConfiguration, RunState>.self, in: checkpoint)
            var g = SeededGenerator(seed: 0)
            let network = try CoverUNet(manifest.model, generator: &g)
            try Checkpoint.loadWeights(into: network, from: checkpoint)
            let weights = try Data(contentsOf: checkpoint.appendingPathComponent(Checkpoint.weightsName))
            return (member.name, network, CoverEnsembleMembers.digest(weights))
        }
    }

    /// The level-1 features of a labelled scene: every member's probability (tiled as at prediction), the
    /// composite and the estimated ice proportion (`CoverStackingFeatures`).
    public static func features(_ scene: CoverLabelledScene, members: [CoverUNet], tiling: TilingConfiguration,
                                device: Device) throws -> CoverFeatureScene {
        let base = scene.features, n = scene.lines * scene.samples
        let valid = scene.land.map { $0 == 0 }
        let level0 = try members.map {
            try CoverTiles.probability($0, planes: base.inputs, channels: 3, lines: scene.lines, samples: scene.samples,
                                       valid: valid, tiling: tiling, device: device)
        }
        let planes = CoverStackingFeatures.planes(level0: level0, composite: base.inputs, valid: valid)
        precondition(planes.count == (members.count + 4) * n)
        return CoverFeatureScene(lines: scene.lines, samples: scene.samples, channels: members.count + 4, inputs: planes,
                                 ice: scene.ice, simulated: scene.simulated)
    }

    /// The trainer of the level-1 network over the finished members' features on the labelled set `data`;
    /// writes `level1/members.json` (a resumed level 1 must see the same members and weights).
    /// - Throws: the errors of `loadMembers`; `SeaIceError.invalidInput` naming `members.json` when the
    ///   members changed since level 1 started; `SeaIceError.configuration` when no patch has enough labels.
    public static func level1Trainer(_ configuration: CoverEnsembleConfiguration, data: URL, ensemble: CoverEnsembleFolder,
                                     tiling: TilingConfiguration = TilingConfiguration(tileSize: 256, overlap: 12),
                                     device: Device, logger: Logger)
        throws -> (trainer: Trainer<CoverTask<CoverStackingNetwork>>, train: Int, validation: Int) {
        try configuration.validate()
        try ensemble.record(configuration)
        let members = try loadMembers(configuration, ensemble: ensemble, requireFinished: true)
        let record = CoverEnsembleMembers(members: members.map { .init(name: $0.name, weights: $0.digest) })
        try FileManager.default.createDirectory(at: ensemble.level1, withIntermediateDirectories: true)
        let lock = try RunDirectory(url: ensemble.level1).lock()
        if let saved = try? ConfigurationFile.decodeJSON(CoverEnsembleMembers.self, from: ensemble.membersURL), saved != record {
            throw SeaIceError.invalidInput(file: ensemble.membersURL.path, item: "level-0 members",
                                           expected: "the members level 1 was started with (\(describeMembers(saved))), found \(describeMembers(record)); "
                                               + "remove \(ensemble.level1.path) to train level 1 again")
        }
        let manifestURL = data.appendingPathComponent("manifest.json")
        let manifest = try ConfigurationFile.decodeJSON(CoverLabelledSetManifest.self, from: manifestURL)
        let c = configuration.level1, every = configuration.level0.validationEvery
        var train: [CoverFeatureScene] = [], validation: [CoverFeatureScene] = []
        for (k, e) in manifest.scenes.enumerated() {
            let scene = try CoverLabelledScene.read(data.appendingPathComponent(e.file))
            let f = try features(scene, members: members.map(\.network), tiling: tiling, device: device)
            if CoverTraining.isHeldOut(position: k, every: every) { validation.append(f) } else { train.append(f) }
        }
        let trainSet = CoverPatchDataset(features: train, patchSize: c.patchSize, minimumLabelled: c.minimumLabelled)
        guard trainSet.count > 0 else {
            throw SeaIceError.configuration("no level-1 patch of \(c.patchSize)² pixels with ≥ \(c.minimumLabelled * 100) % labels in \(manifestURL.path)")
        }
        let source = try SampleBatchSource(dataset: trainSet, batchSize: c.batchSize, augmentation: PlaneAugmentation())
        let validationSet = CoverPatchDataset(features: validation, patchSize: c.patchSize, minimumLabelled: c.minimumLabelled)
        let validator = validationSet.count > 0
            ? CoverValidator<CoverStackingNetwork>(dataset: validationSet, simulated: validation.contains(where: \.simulated), device: device) : nil
        var g = TrainingRun.initialGenerators(seed: c.loop.seed).initialisation
        let network = try CoverStackingNetwork(c.model, generator: &g)
        let trainer = try Trainer(loop: c.loop, task: CoverTask<CoverStackingNetwork>(specification: c.model, bceWeight: c.bceWeight,
                                                                                      diceWeight: c.diceWeight),
                                  network: network, batches: source, validator: validator, run: RunDirectory(url: ensemble.level1),
                                  device: device, lock: lock, logger: logger)
        trainer.simulatedData = train.contains(where: \.simulated)
        trainer.configurationJSON = try RunDirectory.encode(c)
        trainer.inputsJSON = try JSONEncoder().encode(["data": data.standardizedFileURL.path,
                                                       "scenes": manifest.scenes.map(\.file).joined(separator: ","),
                                                       "members": members.map { "\($0.name):\($0.digest)" }.joined(separator: ",")])
        try AtomicOutput.writeJSON(record, to: ensemble.membersURL)
        return (trainer, trainSet.count, validationSet.count)
    }

    /// What the stage runners report.
    public enum Event {
        /// A run starts or resumes (`resumedAfter`: its finished epochs) on `trainPatches` patches of
        /// `scenes` scenes (level 1: all training scenes).
        case started(stage: String, scenes: Int, trainPatches: Int, validationPatches: Int, resumedAfter: Int, simulated: Bool)
        /// A run had already finished its epochs and was left as it is.
        case complete(stage: String, epochs: Int)
        /// A run finished (or stopped after `stopAfterEpochs`).
        case finished(stage: String, summary: TrainingSummary)
    }

    /// Trains the level-0 members (all, or those named in `only`) in turn: a member that finished its epochs is
    /// skipped, one with a checkpoint resumes, the others start; `stopAfterEpochs` stops each after that many
    /// epochs of this call (a kill between epochs loses nothing either).
    /// - Throws: `SeaIceError.configuration` naming an unknown member in `only`; the errors of `level0Trainer`.
    public static func trainLevel0(_ configuration: CoverEnsembleConfiguration, data: URL, ensemble: CoverEnsembleFolder,
                                   only: [String] = [], stopAfterEpochs: Int? = nil, device: Device, logger: Logger,
                                   events: (Event) -> Void = { _ in }, progress: (String, TrainingProgress) -> Void = { _, _ in }) throws {
        try configuration.validate()
        let names = configuration.members.map(\.name)
        for name in only where !names.contains(name) {
            throw SeaIceError.configuration("--member \(name) is not a member of the ensemble (members: \(names.joined(separator: ", ")))")
        }
        for (index, member) in configuration.members.enumerated() where only.isEmpty || only.contains(member.name) {
            let stage = "level0/\(member.name)"
            let done = try finishedEpochs(run: ensemble.member(member.name))
            let epochs = configuration.memberConfiguration(index).loop.epochs
            if done >= epochs {
                try ensemble.record(configuration)
                events(.complete(stage: stage, epochs: done)); continue
            }
            let setup = try level0Trainer(configuration, member: index, data: data, ensemble: ensemble, device: device, logger: logger)
            if done > 0 { try setup.trainer.resume() }
            events(.started(stage: stage, scenes: setup.scenes, trainPatches: setup.train, validationPatches: setup.validation,
                            resumedAfter: done, simulated: setup.trainer.simulatedData))
            let summary = try setup.trainer.train(stopAfterEpochs: stopAfterEpochs) { progress(stage, $0) }
            events(.finished(stage: stage, summary: summary))
        }
    }

    /// Trains (or resumes, or leaves as complete) the level-1 network of the ensemble.
    /// - Throws: the errors of `level1Trainer`.
    public static func trainLevel1(_ configuration: CoverEnsembleConfiguration, data: URL, ensemble: CoverEnsembleFolder,
                                   stopAfterEpochs: Int? = nil,
                                   tiling: TilingConfiguration = TilingConfiguration(tileSize: 256, overlap: 12),
                                   device: Device, logger: Logger, events: (Event) -> Void = { _ in },
                                   progress: (String, TrainingProgress) -> Void = { _, _ in }) throws {
        try configuration.validate()
        let done = try finishedEpochs(run: ensemble.level1)
        if done >= configuration.level1.loop.epochs {
            events(.complete(stage: "level1", epochs: done)); return
        }
        let setup = try level1Trainer(configuration, data: data, ensemble: ensemble, tiling: tiling, device: device, logger: logger)
        if done > 0 { try setup.trainer.resume() }
        let manifest = try ConfigurationFile.decodeJSON(CoverLabelledSetManifest.self, from: data.appendingPathComponent("manifest.json"))
        let scenes = manifest.scenes.indices.filter { !CoverTraining.isHeldOut(position: $0, every: configuration.level0.validationEvery) }.count
        events(.started(stage: "level1", scenes: scenes, trainPatches: setup.train, validationPatches: setup.validation,
                        resumedAfter: done, simulated: setup.trainer.simulatedData))
        let summary = try setup.trainer.train(stopAfterEpochs: stopAfterEpochs) { progress("level1", $0) }
        events(.finished(stage: "level1", summary: summary))
    }

    /// A sea-ice-cover model for prediction from a folder: an ensemble folder (with `ensemble.json`) or a
    /// checkpoint folder of `seaice cover train`.
    /// - Throws: the loaders' errors, naming the folder.
    public static func model(at folder: URL, tiling: TilingConfiguration, device: Device) throws -> any CoverProbabilityModel {
        if FileManager.default.fileExists(atPath: CoverEnsembleFolder(url: folder).configurationURL.path) {
            return try CoverEnsemblePredictor(folder: folder, tiling: tiling, device: device)
        }
        return try CoverPredictor(checkpoint: folder, tiling: tiling, device: device)
    }

    static func describeMembers(_ m: CoverEnsembleMembers) -> String {
        m.members.map { "\($0.name) [\($0.weights)]" }.joined(separator: ", ")
    }
}
