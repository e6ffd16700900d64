import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceOptim
import SeaIceSampling
import SeaIceTraining

/// Which scenes of the data folder are held out for validation.
public struct ValidationSettings: Codable, Sendable, Equatable {
    /// Scenes to hold out (`configs/mmseaice.json`: the reference's 17 `valset2` scenes, raw names),
    /// as ready-to-train or raw file names; when empty, `count` files are drawn
    /// from the sorted list with the run's seed.
    public var scenes: [String]
    /// Number of scenes drawn when `scenes` is empty (MMSeaIce: 17; 0 disables validation).
    public var count: Int
    /// Whole-scene prediction settings.
    public var prediction: PredictionSettings

    /// The ready-to-train file name a listed scene stands for: a raw AI4Arctic name
    /// (`S1A_EW_GRDM_1SDH_<timestamp>_…_icechart_<service>_….nc`, as in MMSeaIce's `valset2`) maps to
    /// `<timestamp>_<service>_prep.nc` by the organisers' rule; any other name is a file name as it is.
    public static func readyFileName(for listed: String) -> String {
        if listed.hasSuffix(AI4ArcticNaming.readySuffix) { return listed }
        return (try? AI4ArcticNaming.readyName(forRaw: listed)) ?? listed
    }

    /// Settings holding out `count` drawn scenes.
    public init(scenes: [String] = [], count: Int = 17, prediction: PredictionSettings = .init()) {
        self.scenes = scenes
        self.count = count
        self.prediction = prediction
    }
}

/// Typed configuration of a training run (`configs/mmseaice.json` holds the winning one, every
/// number from ../shared/specs/mmseaice.md).
public struct TrainingConfiguration: ValidatedConfiguration, Sendable, Equatable {
    /// Network architecture.
    public var model: UNetConfiguration
    /// Input channels, patch size, downscaling, batch size and augmentations.
    public var sampler: SamplerConfiguration
    /// Task loss weights.
    public var loss: LossWeights
    /// SGD hyper-parameters (lr 1e-3, momentum 0.9, weight decay 0.01).
    public var optimizer: SGDConfiguration
    /// Learning-rate schedule, stepped once per iteration (cosine warm restarts, T₀ = 20 × 500).
    public var schedule: LearningRateSchedule
    /// Number of epochs (300).
    public var epochs: Int
    /// Iterations (batches) per epoch (500).
    public var iterationsPerEpoch: Int
    /// Held-out scenes.
    public var validation: ValidationSettings
    /// Seed of every random draw of the run (initialisation, validation split, batches, augmentation).
    public var seed: UInt64
    /// Torch intra-op threads (nil: libtorch's default).
    public var threads: Int?
    /// Mixed-precision training (`auto` when the key is absent: float16 + loss scaling on CUDA, float32 on the CPU).
    public var mixedPrecision: MixedPrecision
    /// Write an `iterations.jsonl` line every this many iterations (absent: per-epoch metrics only).
    public var logEveryIterations: Int?

    /// Creates a configuration.
    public init(model: UNetConfiguration, sampler: SamplerConfiguration, loss: LossWeights = .init(),
                optimizer: SGDConfiguration, schedule: LearningRateSchedule, epochs: Int, iterationsPerEpoch: Int,
                validation: ValidationSettings = .init(), seed: UInt64, threads: Int? = nil, mixedPrecision: MixedPrecision = .auto) {
        self.model = model
        self.sampler = sampler
        self.loss = loss
        self.optimizer = optimizer
        self.schedule = schedule
        self.epochs = epochs
        self.iterationsPerEpoch = iterationsPerEpoch
        self.validation = validation
        self.seed = seed
        self.threads = threads
        self.mixedPrecision = mixedPrecision
    }

    private enum CodingKeys: String, CodingKey {
        case model, sampler, loss, optimizer, schedule, epochs, iterationsPerEpoch, validation, seed, threads, mixedPrecision
        case logEveryIterations
    }

    /// Decodes every key as required except `threads` (absent: nil) and `mixedPrecision` (absent: `auto`),
    /// so that configurations written before mixed precision existed keep loading.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(UNetConfiguration.self, forKey: .model)
        sampler = try c.decode(SamplerConfiguration.self, forKey: .sampler)
        loss = try c.decode(LossWeights.self, forKey: .loss)
        optimizer = try c.decode(SGDConfiguration.self, forKey: .optimizer)
        schedule = try c.decode(LearningRateSchedule.self, forKey: .schedule)
        epochs = try c.decode(Int.self, forKey: .epochs)
        iterationsPerEpoch = try c.decode(Int.self, forKey: .iterationsPerEpoch)
        validation = try c.decode(ValidationSettings.self, forKey: .validation)
        seed = try c.decode(UInt64.self, forKey: .seed)
        threads = try c.decodeIfPresent(Int.self, forKey: .threads)
        mixedPrecision = try c.decodeIfPresent(MixedPrecision.self, forKey: .mixedPrecision) ?? .auto
        logEveryIterations = try c.decodeIfPresent(Int.self, forKey: .logEveryIterations)
    }

    /// The loop settings the shared trainer runs (SGD, the schedule, epochs, seed, threads, precision).
    public var loop: TrainingLoop {
        TrainingLoop(optimizer: .sgd(optimizer), schedule: schedule, epochs: epochs, iterationsPerEpoch: iterationsPerEpoch,
                     seed: seed, threads: threads, mixedPrecision: mixedPrecision, logEveryIterations: logEveryIterations)
    }

    /// The network specification stored in checkpoints.
    public var specification: NetworkSpecification { NetworkSpecification(model: model, inputs: sampler) }

    /// Throws a configuration error naming the first inconsistent field, or when a training step could
    /// not fit in this machine's memory (`TrainingSetup.checkMemory`).
    public func validate() throws {
        try specification.validate()
        try sampler.validate()
        try loop.validate()
        guard validation.count >= 0 else { throw SeaIceError.configuration("validation.count must be ≥ 0") }
        try TrainingSetup.checkMemory(self)
    }

    /// Reads a JSON configuration file (`ConfigurationFile`: unknown keys, wrong types and invalid values
    /// are reported with the key path).
    /// - Throws: `SeaIceError.invalidInput` naming the file and the field at fault.
    public static func load(_ url: URL) throws -> TrainingConfiguration {
        try ConfigurationFile.load(TrainingConfiguration.self, from: url)
    }

    /// The configuration as pretty-printed JSON (sorted keys).
    public func encoded() throws -> Data {
        try RunDirectory.encode(self)
    }
}
