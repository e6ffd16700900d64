import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceTensor

/// Everything besides the weights that a resumed run needs to continue exactly as an
/// uninterrupted one: optimizer record, learning-rate scheduler, counters and the random stream.
public struct TrainingState: Codable, Equatable, Sendable {
    /// Optimizer kind, hyper-parameters, learning rate and step counts.
    public var optimizer: OptimizerRecord
    /// The learning-rate schedule and its iteration.
    public var scheduler: LearningRateScheduler?
    /// Completed epochs.
    public var epoch: Int
    /// Completed iterations (optimizer steps) over the whole run.
    public var iteration: Int
    /// The training random stream (batches, augmentation) at the checkpoint.
    public var generator: SeededGenerator
    /// The streams of the model's `Dropout` layers, by module path.
    public var dropoutGenerators: [String: SeededGenerator]

    /// Creates the state.
    public init(optimizer: OptimizerRecord, scheduler: LearningRateScheduler?, epoch: Int, iteration: Int,
                generator: SeededGenerator, dropoutGenerators: [String: SeededGenerator] = [:]) {
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.epoch = epoch
        self.iteration = iteration
        self.generator = generator
        self.dropoutGenerators = dropoutGenerators
    }
}

extension Checkpoint {
    /// Saves a resumable training checkpoint: model weights, optimizer tensors and a manifest
    /// carrying the model configuration and `TrainingState`.
    public static func saveTraining<C: Codable>(
        to directory: URL, model: Module, configuration: C, optimizer: any Optimizer,
        scheduler: LearningRateScheduler?, epoch: Int, iteration: Int, generator: SeededGenerator
    ) throws {
        let state = TrainingState(optimizer: optimizer.record, scheduler: scheduler, epoch: epoch, iteration: iteration,
                                  generator: generator, dropoutGenerators: model.dropoutGenerators())
        try save(to: directory, model: model, optimizerState: optimizer.stateTensors(),
                 manifest: CheckpointManifest(model: configuration, training: state))
    }

    /// Loads weights, dropout streams and optimizer state from a training checkpoint into `model`
    /// and `optimizer` (built from the manifest's configuration by the caller) and returns the manifest.
    public static func resumeTraining<C: Codable>(
        from directory: URL, configuration: C.Type, model: Module, optimizer: any Optimizer
    ) throws -> CheckpointManifest<C, TrainingState> {
        let manifest = try self.manifest(CheckpointManifest<C, TrainingState>.self, in: directory)
        try loadWeights(into: model, from: directory)
        try model.restoreDropoutGenerators(manifest.training.dropoutGenerators, source: directory.path)
        let device = model.parameters().first?.value.device ?? .cpu
        let tensors = try optimizerState(in: directory, manifest: manifest, device: device)
        try optimizer.load(record: manifest.training.optimizer, tensors: tensors)
        return manifest
    }
}
