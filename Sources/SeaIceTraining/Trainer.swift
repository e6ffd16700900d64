import Foundation
import Logging
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceSampling
import SeaIceTensor

/// What a finished (or stopped) run reports.
public struct TrainingSummary: Sendable {
    /// Epochs completed.
    public var epochs: Int
    /// Best validation combined score (percent) and its epoch.
    public var bestScore: Double?, bestEpoch: Int?
    /// Metrics of every epoch of the run (all sessions).
    public var history: [EpochMetrics]
}

/// The training loop of ../shared/specs/mmseaice.md: SGD with momentum and weight decay, the
/// learning rate from cosine warm restarts stepped every iteration, the weighted masked-MSE +
/// cross-entropy loss, whole-scene validation and the combined score every epoch, the best
/// checkpoint kept, the metrics log, and exact resume.
///
/// Determinism: the network is initialised from the seed's first `split()` and the run generator
/// is its second; epoch e draws its batches from the run generator's e-th `split()`. Checkpoints
/// are made at epoch ends with the run generator, so a resumed run draws exactly the batches the
/// uninterrupted run would have drawn (weights bit-identical; `TrainerTests`).
///
/// Mixed precision (`configuration.mixedPrecision`, resolved for the device into `precision`): the
/// forward pass and the loss run under `Autocast`, the backward pass outside it; with float16 a
/// `GradientScaler` scales the loss, unscales the gradients and skips steps whose gradients
/// overflowed. Its state is part of the checkpoint, so resume stays exact.
public final class Trainer {
    /// The run's configuration.
    public let configuration: TrainingConfiguration
    /// The network being trained.
    public let network: any MultiTaskNetwork
    /// Where batches come from.
    public let batches: any BatchSource
    /// Whole-scene validation (nil: none; then the last epoch counts as best).
    public let validator: Validator?
    /// The run folder (checkpoints, metrics).
    public let run: RunDirectory
    /// Device of the network and the batches.
    public let device: Device
    /// Whether the training data are simulated (recorded in the metrics).
    public var simulatedData = false
    /// The arithmetic of the training steps on `device`.
    public let precision: PrecisionPlan
    private let optimizer: any Optimizer
    /// Dynamic loss scaling (float16 only).
    private let scaler: GradientScaler?
    /// Steps of the current epoch skipped by `scaler`.
    private var skippedInEpoch = 0
    private let loss: MultiTaskLoss
    private let logger: Logger
    private var state: RunState

    /// A trainer; `network` must have been built by the caller with `Trainer.initialGenerators(seed:)`'s
    /// first generator so that the same seed gives the same run.
    public init(configuration: TrainingConfiguration, network: any MultiTaskNetwork, batches: any BatchSource,
                validator: Validator?, run: RunDirectory, device: Device = .cpu, logger: Logger) throws {
        try configuration.validate()
        if let t = configuration.threads { try TorchRuntime.setThreads(t) }
        self.configuration = configuration
        self.network = network
        self.batches = batches
        self.validator = validator
        self.run = run
        self.device = device
        self.logger = logger
        try network.to(device)
        optimizer = OptimizerConfiguration.sgd(configuration.optimizer).make(parameters: network.namedParameters())
        loss = MultiTaskLoss(weights: configuration.loss, sicHead: network.sicHead)
        precision = configuration.mixedPrecision.plan(for: device)
        scaler = precision.scalesLoss ? GradientScaler() : nil
        let scheduler = LearningRateScheduler(schedule: configuration.schedule, base: configuration.optimizer.learningRate)
        state = RunState(scheduler: scheduler, generator: Self.initialGenerators(seed: configuration.seed).run)
    }

    /// The generators of a run with `seed`: `initialisation` builds the network, `run` draws batches.
    public static func initialGenerators(seed: UInt64) -> (initialisation: SeededGenerator, run: SeededGenerator) {
        var root = SeededGenerator(seed: seed)
        let initialisation = root.split()
        return (initialisation, root.split())
    }

    /// Continues from the latest checkpoint in the run folder (none: starts afresh); returns the epoch reached.
    @discardableResult
    public func resume() throws -> Int {
        guard let dir = run.latestCheckpoint() else { return 0 }
        state = try run.restore(from: dir, network: network, optimizer: optimizer, scaler: scaler,
                                specification: configuration.specification, device: device)
        try run.metrics.truncate(after: state.epoch)
        logger.info("resumed from \(dir.path) after epoch \(state.epoch) (iteration \(state.iteration))")
        return state.epoch
    }

    /// The state reached so far.
    public var currentState: RunState { state }

    /// Trains until `configuration.epochs` (or `stopAfterEpochs` more epochs), calling `progress` after
    /// every iteration and every epoch.
    public func train(stopAfterEpochs: Int? = nil, progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingSummary {
        try FileManager.default.createDirectory(at: run.url, withIntermediateDirectories: true)
        try AtomicOutput.write(try configuration.encoded(), to: run.configurationURL)
        let c = configuration
        let lastEpoch = min(c.epochs, stopAfterEpochs.map { state.epoch + $0 } ?? c.epochs)
        let sessionStart = Date(), sessionStartIteration = state.iteration
        while state.epoch < lastEpoch {
            let epochStart = Date()
            let epoch = state.epoch + 1
            network.train()
            let stream = batches.stream(count: c.iterationsPerEpoch, generator: state.generator.split())
            var sums = [Double](repeating: 0, count: 4)
            var lr = 0.0
            skippedInEpoch = 0
            for k in 1...c.iterationsPerEpoch {
                guard let batch = try stream.next() else {
                    throw SeaIceError.configuration("batch source ended after \(k - 1) of \(c.iterationsPerEpoch) batches")
                }
                lr = state.scheduler.apply(to: optimizer)
                let terms = try step(batch)
                for (i, t) in [terms.total, terms.sic, terms.sod, terms.floe].enumerated() { sums[i] += Double(try t.item()) }
                state.scheduler.advance()
                state.iteration += 1
                let elapsed = Date().timeIntervalSince(sessionStart)
                let done = Double(state.iteration - sessionStartIteration)
                let left = Double(lastEpoch * c.iterationsPerEpoch - state.iteration)
                progress(TrainingProgress(epoch: epoch, epochs: lastEpoch, iteration: k, iterationsPerEpoch: c.iterationsPerEpoch,
                                          meanLoss: sums[0] / Double(k), learningRate: lr, elapsed: elapsed,
                                          remaining: done > 0 ? elapsed / done * left : 0, finishedEpoch: nil))
            }
            let scores = try validator?.score(network)
            HostMemory.releaseCache()  // whole-scene validation sizes are not training's
            network.train()
            let n = Double(c.iterationsPerEpoch)
            let combined = scores?.combined
            let isBest: Bool
            if validator == nil {
                isBest = true
            } else if let s = combined, s > (state.bestScore ?? -.infinity) {
                isBest = true
            } else {
                isBest = false
            }
            if isBest { state.bestScore = combined; state.bestEpoch = epoch }
            state.epoch = epoch
            let seconds = Date().timeIntervalSince(epochStart)
            state.elapsedSeconds += seconds
            let metrics = EpochMetrics(
                epoch: epoch, iteration: state.iteration, learningRate: lr, trainLoss: sums[0] / n, trainSICLoss: sums[1] / n,
                trainSODLoss: sums[2] / n, trainFLOELoss: sums[3] / n, validationSIC: scores?.sic, validationSOD: scores?.sod,
                validationFLOE: scores?.floe, validationCombined: combined, best: isBest, seconds: seconds,
                simulatedData: simulatedData || (validator?.simulated ?? false), precision: precision,
                lossScale: scaler.map { Double($0.scale) }, skippedSteps: scaler.map { _ in skippedInEpoch })
            state.optimizer = optimizer.record
            state.scaler = scaler?.state
            try run.metrics.append(metrics)
            try run.save(network: network, optimizer: optimizer, scaler: scaler, state: state, specification: c.specification, best: isBest)
            logger.info("epoch \(epoch): loss \(String(format: "%.4f", metrics.trainLoss)), combined \(combined.map { String(format: "%.3f", $0) } ?? "–")")
            let elapsed = Date().timeIntervalSince(sessionStart)
            progress(TrainingProgress(epoch: epoch, epochs: lastEpoch, iteration: c.iterationsPerEpoch, iterationsPerEpoch: c.iterationsPerEpoch,
                                      meanLoss: metrics.trainLoss, learningRate: lr, elapsed: elapsed,
                                      remaining: elapsed / Double(max(state.iteration - sessionStartIteration, 1))
                                          * Double(lastEpoch * c.iterationsPerEpoch - state.iteration),
                                      finishedEpoch: metrics))
        }
        return TrainingSummary(epochs: state.epoch, bestScore: state.bestScore, bestEpoch: state.bestEpoch, history: try run.metrics.read())
    }

    /// One optimisation step on `batch`: forward pass and loss under autocast (when `precision` has
    /// one), backward outside it, then the optimizer step — through the loss scaler for float16,
    /// which skips the step when a gradient overflowed. Returns the loss terms (float32, unscaled).
    func step(_ batch: TrainingBatch) throws -> LossTerms {
        let n = batch.count, s = batch.size
        let x = try Tensor(batch.inputs, shape: [n, batch.channels, s, s], device: device)
        let y = try Tensor(batch.labels, shape: [n, 3, s, s], device: device)
        optimizer.zeroGrad()
        let terms = try precision.run(on: device) { try loss(network.outputs(x), labels: y) }
        if let scaler {
            try scaler.scale(terms.total).backward()
            if try !scaler.step(optimizer) { skippedInEpoch += 1 }
            scaler.update()
        } else {
            try terms.total.backward()
            try optimizer.step()
        }
        return terms
    }
}
