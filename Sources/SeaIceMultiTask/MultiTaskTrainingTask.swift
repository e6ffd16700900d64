import Foundation
import Logging
import SeaIceCore
import SeaIceData
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTensor
import SeaIceTraining

/// The multi-task U-Net (seed 001) as a task of the shared `Trainer`: an AI4Arctic `TrainingBatch`
/// (inputs NCHW float32, labels N × 3 × H × W uint8, 255 = masked) through the network into
/// MMSeaIce's three loss terms `sic`, `sod`, `floe` (`MultiTaskLoss`); checkpoints store the
/// `NetworkSpecification` (U-Net configuration + inputs).
public struct MultiTaskTrainingTask<Network: MultiTaskNetwork>: TrainingTask {
    /// The run's configuration.
    public let configuration: TrainingConfiguration
    /// The weighted loss for the network's SIC head.
    public let loss: MultiTaskLoss

    /// The task of `configuration` for a network whose SIC output is read as `sicHead`.
    public init(configuration: TrainingConfiguration, sicHead: SICHeadKind) {
        self.configuration = configuration
        loss = MultiTaskLoss(weights: configuration.loss, sicHead: sicHead)
    }

    /// The checkpoints' specification.
    public var specification: NetworkSpecification { configuration.specification }

    /// `sic`, `sod`, `floe`.
    public var lossNames: [String] { loss.composite.names }

    /// The three loss terms of `network` on `batch`.
    public func losses(_ network: Network, batch: TrainingBatch, device: Device) throws -> LossTerms {
        let n = batch.count, s = batch.size
        let x = try Tensor(batch.inputs, shape: [n, batch.channels, s, s], device: device)
        let y = try Tensor(batch.labels, shape: [n, 3, s, s], device: device)
        return try loss(network.outputs(x), labels: y)
    }
}

/// `Validator` as the trainer's `TaskValidator`: scores `sic`, `sod`, `floe`, `combined` (percent,
/// the AutoICE challenge's), the combined score selecting the best checkpoint. A score without any
/// valid 80 m label pixel in the validation scenes is recorded as undefined with that reason.
public final class MultiTaskValidation<Network: MultiTaskNetwork>: TaskValidator {
    /// Whole-scene validation.
    public let validator: Validator

    /// Wraps `validator`.
    public init(_ validator: Validator) { self.validator = validator }

    /// The combined score, higher is better.
    public var selection: ScoreSelection { ScoreSelection(score: "combined", higherIsBetter: true) }

    /// Whether any validation scene is simulated.
    public var simulated: Bool { validator.simulated }

    /// The four scores of `network`.
    public func score(_ network: Network) throws -> ValidationResult {
        let s = try validator.score(network)
        var result = ValidationResult()
        let none = { (chart: String) in "no valid \(chart) label pixel in the \(self.validator.scenes.count) validation scenes" }
        result.record(MultiTaskName.sic, s.sic, reason: none("SIC"))
        result.record(MultiTaskName.sod, s.sod, reason: none("SOD"))
        result.record(MultiTaskName.floe, s.floe, reason: none("FLOE"))
        result.record("combined", s.combined, reason: "a chart score is undefined")
        return result
    }
}

/// The multi-task U-Net's trainer.
public typealias MultiTaskTrainer = Trainer<MultiTaskTrainingTask<UNet>>

extension Trainer {
    /// A trainer of the multi-task network `network` for `configuration` (its loop, loss weights and
    /// specification); `configuration.json` in the run folder is `configuration`.
    public convenience init<N: MultiTaskNetwork>(
        configuration: TrainingConfiguration, network: N, batches: any BatchSource<TrainingBatch>, validator: Validator?,
        run: RunDirectory, device: Device = .cpu, lock: FileLock? = nil, logger: Logger
    ) throws where Task == MultiTaskTrainingTask<N> {
        try configuration.validate()
        try self.init(loop: configuration.loop, task: MultiTaskTrainingTask(configuration: configuration, sicHead: network.sicHead),
                      network: network, batches: batches, validator: validator.map { MultiTaskValidation<N>($0) },
                      run: run, device: device, lock: lock, logger: logger)
        configurationJSON = try configuration.encoded()
    }
}
