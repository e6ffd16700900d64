import Foundation
import Logging
import SeaIceCore
import SeaIceData
import SeaIceMetrics
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceTensor
import SeaIceTraining

/// Training of one sea-ice-cover U-Net (a level-0 member of the ensemble; seed 002, issue 13 item 4) on a
/// labelled set written by `seaice cover label`. JSON keys as the property names; `configs/cover-*.json`.
public struct CoverTrainingConfiguration: ValidatedConfiguration, Sendable, Equatable {
    /// Optimiser (Adam in the paper), schedule, epochs, iterations, seed, threads, mixed precision.
    public var loop: TrainingLoop
    /// The network.
    public var model: CoverUNetConfiguration
    /// Patch side, pixels at 400 m (256 in the paper), and patches per batch (8).
    public var patchSize: Int, batchSize: Int
    /// Weights of the BCE and Dice terms (1 and 1: the paper's sum).
    public var bceWeight: Double, diceWeight: Double
    /// Probabilities of a horizontal flip, a vertical flip and a quarter turn per patch (the paper's rotations
    /// and flips; its hue jitter is not applied).
    public var horizontalFlip: Double, verticalFlip: Double, rotate90: Double
    /// Every `validationEvery`-th scene of the manifest (1-based positions k·n) is held out for validation
    /// (0: none).
    public var validationEvery: Int
    /// Patches need at least this share of labelled pixels (0…1).
    public var minimumLabelled: Double

    /// A configuration; defaults are the paper's (patch 256, batch 8, BCE + Dice, flips and quarter turns).
    public init(loop: TrainingLoop, model: CoverUNetConfiguration = .paper, patchSize: Int = 256, batchSize: Int = 8,
                bceWeight: Double = 1, diceWeight: Double = 1, horizontalFlip: Double = 0.5, verticalFlip: Double = 0.5,
                rotate90: Double = 0.5, validationEvery: Int = 5, minimumLabelled: Double = 0.5) {
        self.loop = loop; self.model = model; self.patchSize = patchSize; self.batchSize = batchSize
        self.bceWeight = bceWeight; self.diceWeight = diceWeight
        self.horizontalFlip = horizontalFlip; self.verticalFlip = verticalFlip; self.rotate90 = rotate90
        self.validationEvery = validationEvery; self.minimumLabelled = minimumLabelled
    }

    /// - Throws: `SeaIceError.configuration` naming the key.
    public func validate() throws {
        try loop.validate()
        try model.validate()
        guard model.inputChannels == 3 else { throw SeaIceError.configuration("model.inputChannels must be 3 (the composite), got \(model.inputChannels)") }
        let factor = 1 << (model.filters.count - 1)
        guard patchSize >= factor, patchSize % factor == 0 else {
            throw SeaIceError.configuration("patchSize must be a positive multiple of \(factor) (2^(levels − 1)), got \(patchSize)")
        }
        guard batchSize > 0 else { throw SeaIceError.configuration("batchSize must be positive, got \(batchSize)") }
        guard bceWeight >= 0, diceWeight >= 0, bceWeight + diceWeight > 0 else {
            throw SeaIceError.configuration("bceWeight and diceWeight must be ≥ 0 and not both 0, got \(bceWeight), \(diceWeight)")
        }
        for (key, p) in [("horizontalFlip", horizontalFlip), ("verticalFlip", verticalFlip), ("rotate90", rotate90)] where !(0...1).contains(p) {
            throw SeaIceError.configuration("\(key) must be a probability 0…1, got \(p)")
        }
        guard validationEvery >= 0 else { throw SeaIceError.configuration("validationEvery must be ≥ 0, got \(validationEvery)") }
        guard (0...1).contains(minimumLabelled) else { throw SeaIceError.configuration("minimumLabelled must be 0…1, got \(minimumLabelled)") }
    }
}

/// A network of the sea-ice-cover system: one ice logit per pixel (task `ice`), built from a Codable
/// configuration that checkpoints store (the level-0 U-Net and the level-1 stacking network).
public protocol CoverNetwork: TaskNetwork {
    /// The architecture recorded in checkpoints.
    associatedtype Configuration: Codable & Equatable & Sendable
    /// The configuration the network was built from.
    var configuration: Configuration { get }
}

extension CoverUNet: CoverNetwork {}
extension CoverStackingNetwork: CoverNetwork {}

/// Per-pixel inputs and labels of one scene for training or scoring a cover network: `channels` planes CHW
/// (row-major `lines × samples` each) and ice labels 0 water / 1 ice / 255 unknown.
public struct CoverFeatureScene: Sendable {
    /// Size, pixels.
    public let lines: Int, samples: Int
    /// Planes per pixel.
    public let channels: Int
    /// The planes, CHW.
    public let inputs: [Float]
    /// Labels, row-major.
    public let ice: [UInt8]
    /// Whether the source scene is simulated.
    public let simulated: Bool

    /// Features of a scene.
    public init(lines: Int, samples: Int, channels: Int, inputs: [Float], ice: [UInt8], simulated: Bool) {
        precondition(inputs.count == channels * lines * samples && ice.count == lines * samples, "feature scene sizes disagree")
        self.lines = lines; self.samples = samples; self.channels = channels; self.inputs = inputs; self.ice = ice
        self.simulated = simulated
    }
}

extension CoverLabelledScene {
    /// The level-0 inputs: the composite's three channels / 255.
    public var features: CoverFeatureScene {
        CoverFeatureScene(lines: lines, samples: samples, channels: 3, inputs: composite.map { Float($0) / 255 },
                          ice: ice, simulated: simulated)
    }
}

/// Patches of labelled scenes: `patchSize`² windows on a grid of stride `patchSize` (the last row and column
/// shifted inwards), kept when at least `minimumLabelled` of their pixels carry a label. Inputs are the
/// scenes' feature planes (CHW); plane `ice` holds 0/1/255. Scenes smaller than a patch are skipped.
public struct CoverPatchDataset: SampleDataset {
    /// The scenes.
    public let scenes: [CoverFeatureScene]
    /// (scene, top row, left column) of every patch.
    public let patches: [(scene: Int, row: Int, column: Int)]
    /// Patch side, pixels.
    public let patchSize: Int

    /// The patches of labelled scenes (the composite as input).
    public init(scenes: [CoverLabelledScene], patchSize: Int, minimumLabelled: Double) {
        self.init(features: scenes.map(\.features), patchSize: patchSize, minimumLabelled: minimumLabelled)
    }

    /// The patches of feature scenes (all with the same channel count).
    public init(features scenes: [CoverFeatureScene], patchSize: Int, minimumLabelled: Double) {
        precondition(Set(scenes.map(\.channels)).count <= 1, "feature scenes with different channel counts")
        self.scenes = scenes; self.patchSize = patchSize
        func starts(_ n: Int) -> [Int] {
            guard n >= patchSize else { return [] }
            var s = Array(stride(from: 0, through: n - patchSize, by: patchSize))
            if s.last! != n - patchSize { s.append(n - patchSize) }
            return s
        }
        var list: [(Int, Int, Int)] = []
        for (k, s) in scenes.enumerated() {
            for r in starts(s.lines) {
                for c in starts(s.samples) {
                    var labelled = 0
                    for y in r..<r + patchSize { for x in c..<c + patchSize where s.ice[y * s.samples + x] != 255 { labelled += 1 } }
                    if Double(labelled) >= minimumLabelled * Double(patchSize * patchSize) && labelled > 0 { list.append((k, r, c)) }
                }
            }
        }
        patches = list
    }

    public var count: Int { patches.count }

    public func sample(at index: Int) throws -> DataSample {
        let p = patches[index], s = scenes[p.scene], n = patchSize, plane = s.lines * s.samples, channels = s.channels
        var inputs = [Float](repeating: 0, count: channels * n * n), ice = [UInt8](repeating: 255, count: n * n)
        for y in 0..<n {
            for x in 0..<n {
                let k = (p.row + y) * s.samples + p.column + x
                for b in 0..<channels { inputs[(b * n + y) * n + x] = s.inputs[b * plane + k] }
                ice[y * n + x] = s.ice[k]
            }
        }
        return DataSample(channels: channels, size: n, inputs: inputs, planes: [CoverUNet.task: .classes(ice)])
    }
}

/// BCE + Dice on task `ice` (255 ignored), for either cover network.
public struct CoverTask<Network: CoverNetwork>: TrainingTask {
    /// What checkpoints store: the network configuration.
    public let specification: Network.Configuration
    let loss: CompositeLoss

    /// The task of a network built from `specification`, with the loss weights given.
    public init(specification: Network.Configuration, bceWeight: Double, diceWeight: Double) {
        self.specification = specification
        loss = CompositeLoss([
            .init(task: CoverUNet.task, function: MaskedBinaryCrossEntropyLoss(ignoreValue: 255), weight: bceWeight, name: "bce"),
            .init(task: CoverUNet.task, function: MaskedDiceLoss(ignoreValue: 255), weight: diceWeight, name: "dice"),
        ])
    }

    public var lossNames: [String] { loss.names }

    public func losses(_ network: Network, batch: DataBatch, device: Device) throws -> LossTerms {
        let target = try batch.planeTensor(CoverUNet.task, device: device)
        return try loss(network.outputs(batch.inputTensor(device: device)), targets: [CoverUNet.task: target])
    }
}

extension CoverTask where Network == CoverUNet {
    /// The level-0 task of `configuration`.
    public init(configuration c: CoverTrainingConfiguration) {
        self.init(specification: c.model, bceWeight: c.bceWeight, diceWeight: c.diceWeight)
    }
}

/// Pixel scores on the validation patches: overall accuracy (selects `best/`), ice F1 and water F1, from the
/// metrics core; threshold 0.5 on the probability.
public final class CoverValidator<Network: CoverNetwork>: TaskValidator {
    let dataset: CoverPatchDataset
    let device: Device
    public let simulated: Bool
    public var selection: ScoreSelection { ScoreSelection(score: "accuracy") }

    /// A validator over `dataset`.
    public init(dataset: CoverPatchDataset, simulated: Bool, device: Device) {
        self.dataset = dataset; self.simulated = simulated; self.device = device
    }

    public func score(_ network: Network) throws -> ValidationResult {
        network.eval()
        var matrix = ClassConfusionMatrix<Int64>(classCount: 2)
        for start in stride(from: 0, to: dataset.count, by: 8) {
            let indices = Array(start..<min(start + 8, dataset.count))
            let batch = try DataBatch(samples: try indices.map { try dataset.sample(at: $0) }, indices: indices)
            let logits = try Tensor.withNoGrad {
                try network.outputs(batch.inputTensor(device: device)).tensor(CoverUNet.task).to(Device.cpu).floats()
            }
            let reference = try batch.planeTensor(CoverUNet.task).to(.uint8).uint8s()
            matrix.accumulate(reference: reference, prediction: logits.map { $0 > 0 ? UInt8(1) : 0 }, ignore: 255)
        }
        var result = ValidationResult()
        result.record("accuracy", matrix.accuracy, reason: "no labelled validation pixel")
        result.record("iceF1", matrix.binary(positive: 1).f1, reason: "no ice in the validation labels or predictions")
        result.record("waterF1", matrix.binary(positive: 0).f1, reason: "no water in the validation labels or predictions")
        return result
    }
}

/// Wires a `Trainer` for one cover U-Net (so the CLI holds no logic).
public enum CoverTraining {
    /// Whether the scene at 0-based manifest `position` is held out for validation: every `every`-th scene
    /// (1-based positions k·every; none for 0).
    public static func isHeldOut(position: Int, every: Int) -> Bool { every > 0 && (position + 1) % every == 0 }

    /// A trainer over the labelled set in `data` (its `manifest.json`), writing to `run` (whose lock it takes).
    /// - Throws: `SeaIceError` naming the file for a missing manifest or scene, or the key of a bad configuration;
    ///   `SeaIceError.configuration` when no patch has enough labels.
    /// `include` chooses the training scenes among the manifest's (a level-0 member's subset); the held-out
    /// scenes (every `validationEvery`-th of the whole manifest) are the same for every subset.
    public static func makeTrainer(configuration c: CoverTrainingConfiguration, data: URL, run: URL, device: Device,
                                   logger: Logger, include: (CoverLabelledSetManifest.Entry) -> Bool = { _ in true })
        throws -> (trainer: Trainer<CoverTask<CoverUNet>>, train: Int, validation: Int) {
        try c.validate()
        let manifestURL = data.appendingPathComponent("manifest.json")
        let manifest = try ConfigurationFile.decodeJSON(CoverLabelledSetManifest.self, from: manifestURL)
        let lock = try RunDirectory(url: run).lock()
        var train: [CoverLabelledScene] = [], validation: [CoverLabelledScene] = []
        var used: [String] = []
        for (k, e) in manifest.scenes.enumerated() {
            let held = CoverTraining.isHeldOut(position: k, every: c.validationEvery)
            guard held || include(e) else { continue }
            let scene = try CoverLabelledScene.read(data.appendingPathComponent(e.file))
            if held { validation.append(scene) } else { train.append(scene); used.append(e.file) }
        }
        let trainSet = CoverPatchDataset(scenes: train, patchSize: c.patchSize, minimumLabelled: c.minimumLabelled)
        guard trainSet.count > 0 else {
            throw SeaIceError.configuration("no training patch of \(c.patchSize)² pixels with ≥ \(c.minimumLabelled * 100) % labels in \(manifestURL.path)")
        }
        let source = try SampleBatchSource(dataset: trainSet, batchSize: c.batchSize,
                                           augmentation: PlaneAugmentation(horizontalFlip: c.horizontalFlip,
                                                                           verticalFlip: c.verticalFlip, rotate90: c.rotate90))
        let validationSet = CoverPatchDataset(scenes: validation, patchSize: c.patchSize, minimumLabelled: c.minimumLabelled)
        let validator = validationSet.count > 0
            ? CoverValidator<CoverUNet>(dataset: validationSet, simulated: validation.contains(where: \.simulated), device: device) : nil
        var g = TrainingRun.initialGenerators(seed: c.loop.seed).initialisation
        let network = try CoverUNet(c.model, generator: &g)
        let trainer = try Trainer(loop: c.loop, task: CoverTask(configuration: c), network: network, batches: source,
                                  validator: validator, run: RunDirectory(url: run), device: device, lock: lock, logger: logger)
        trainer.simulatedData = train.contains(where: \.simulated)
        trainer.inputsJSON = try JSONEncoder().encode(["data": data.standardizedFileURL.path,
                                                       "scenes": used.joined(separator: ",")])
        return (trainer, trainSet.count, validationSet.count)
    }
}
