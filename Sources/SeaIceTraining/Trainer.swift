import Foundation
import Logging
import SeaIceCore
import SeaIceData
import SeaIceNN
import SeaIceOptim
import SeaIceTensor

/// What a finished (or stopped) run reports.
public struct TrainingSummary: Sendable {
    /// Epochs completed.
    public var epochs: Int
    /// Best value of the selection score and its epoch (nil without validation).
    public var bestScore: Double?, bestEpoch: Int?
    /// Metrics of every epoch of the run (all sessions).
    public var history: [EpochMetrics]
}

/// The one training loop of every system, generic over a `TrainingTask`: the optimizer of
/// `loop.optimizer` (SGD, Adam, AdamW) with the learning rate of `loop.schedule` stepped every
/// iteration, the task's named loss terms, validation every epoch by a `TaskValidator` whose
/// selection score keeps the best checkpoint (the latest epoch while no epoch has a defined score),
/// the metrics log, and exact resume.
///
/// Determinism: the network is initialised from the seed's first `split()` and the run generator
/// is its second; epoch e draws its batches from the run generator's e-th `split()`. Checkpoints
/// are made at epoch ends with the run generator, so a resumed run draws exactly the batches the
/// uninterrupted run would have drawn (weights bit-identical; `TrainerTests`, `EngineTrainerTests`).
///
/// Mixed precision (`loop.mixedPrecision`, resolved for the device into `precision`): the forward
/// pass and the loss run under `Autocast`, the backward pass outside it; with float16 a
/// `GradientScaler` scales the loss, unscales the gradients and skips steps whose gradients
/// overflowed. Its state is part of the checkpoint, so resume stays exact.
///
/// Divergence: without loss scaling, a non-finite loss term stops the run with the epoch, the
/// iteration and every term (nothing of the diverged epoch is saved).
public final class Trainer<Task: TrainingTask> {
    /// The loop settings.
    public let loop: TrainingLoop
    /// The task (loss terms, checkpoint specification).
    public let task: Task
    /// The network being trained.
    public let network: Task.Network
    /// Where batches come from.
    public let batches: any BatchSource<Task.Batch>
    /// Validation after each epoch (nil: none; then the last epoch counts as best).
    public let validator: (any TaskValidator<Task.Network>)?
    /// The run folder (checkpoints, metrics).
    public let run: RunDirectory
    /// Device of the network and the batches.
    public let device: Device
    /// Whether the training data are simulated (recorded in the metrics).
    public var simulatedData = false
    /// The arithmetic of the training steps on `device`.
    public let precision: PrecisionPlan
    /// The configuration written to `configuration.json` when training starts (the system's own
    /// typed configuration; nil: the loop alone). `resume()` refuses a run whose saved configuration
    /// differs from it in any key but `epochs` (a run may be extended) and `threads`.
    public var configurationJSON: Data?
    /// Called after each epoch's metrics and checkpoint are written (e.g. a system's training-curve plot
    /// into the run folder). An observer's error is logged as a warning and does not stop training.
    public var epochObservers: [(EpochMetrics, RunDirectory) throws -> Void] = []
    /// What the run reads (data folder, file lists), written to `inputs.json` when training starts and
    /// compared by `resume()` like the configuration (nil: not recorded).
    public var inputsJSON: Data?
    private let optimizer: any Optimizer
    private let scaler: GradientScaler?
    private var skippedInEpoch = 0
    private let logger: Logger
    private var state: RunState
    /// The run folder's lock, taken by `resume()` or `train()` and held until `train()` returns or throws.
    private var lock: FileLock?

    /// A trainer; `lock` is the run folder's lock when the caller took it already (`RunDirectory.lock()`,
    /// before loading data), else the trainer takes it on first use. `network` must have been built by the caller with `TrainingRun.initialGenerators(seed:)`'s first
    /// generator so that the same seed gives the same run.
    public init(loop: TrainingLoop, task: Task, network: Task.Network, batches: any BatchSource<Task.Batch>,
                validator: (any TaskValidator<Task.Network>)?, run: RunDirectory, device: Device = .cpu,
                lock: FileLock? = nil, logger: Logger) throws {
        try loop.validate()
        self.lock = lock
        if let t = loop.threads { try TorchRuntime.setThreads(t) }
        self.loop = loop
        self.task = task
        self.network = network
        self.batches = batches
        self.validator = validator
        self.run = run
        self.device = device
        self.logger = logger
        try network.to(device)
        optimizer = loop.optimizer.make(parameters: network.namedParameters())
        precision = loop.mixedPrecision.plan(for: device)
        scaler = precision.scalesLoss ? GradientScaler() : nil
        let scheduler = LearningRateScheduler(schedule: loop.schedule, base: loop.optimizer.learningRate)
        state = RunState(scheduler: scheduler, generator: TrainingRun.initialGenerators(seed: loop.seed).run)
    }

    /// Continues from the latest checkpoint in the run folder; returns the epoch reached.
    /// - Throws: `SeaIceError.missing` naming the run folder when it holds no checkpoint (a resume
    ///   never silently starts over), or the checkpoint's error when it is of another model.
    @discardableResult
    public func resume() throws -> Int {
        try holdLock()
        guard let dir = run.latestCheckpoint() else {
            throw SeaIceError.missing(file: run.url.path, item: "a checkpoint to resume from (last/checkpoint.json)")
        }
        let records = [(run.configurationURL, try configurationJSON ?? RunDirectory.encode(loop), Set(["epochs", "threads"])),
                       (run.inputsURL, inputsJSON, Set<String>())]
        for (url, current, free) in records {
            guard let current, let saved = try? Data(contentsOf: url) else { continue }
            if let key = ConfigurationFile.firstDifference(saved, current, ignoring: free) {
                throw SeaIceError.invalidInput(
                    file: url.path, item: key,
                    expected: "the value this run was started with (resume continues the same run; train into another --out "
                        + "for a changed configuration, seed or data)")
            }
        }
        state = try run.restore(from: dir, network: network, optimizer: optimizer, scaler: scaler,
                                specification: task.specification, device: device)
        try run.metrics.truncate(after: state.epoch)
        logger.info("resumed from \(dir.path) after epoch \(state.epoch) (iteration \(state.iteration))")
        return state.epoch
    }

    /// The state reached so far.
    public var currentState: RunState { state }

    /// Trains until `loop.epochs` (or `stopAfterEpochs` more epochs), calling `progress` after every
    /// iteration and every epoch.
    public func train(stopAfterEpochs: Int? = nil, progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingSummary {
        try holdLock()
        defer { lock?.release(); lock = nil }  // held from resume() or here until training returns or throws
        try AtomicOutput.write(try configurationJSON ?? RunDirectory.encode(loop), to: run.configurationURL)
        if let inputsJSON { try AtomicOutput.write(inputsJSON, to: run.inputsURL) }
        let runID = try run.record().runID
        try run.iterations.truncate(after: state.iteration)
        let c = loop, names = task.lossNames
        let lastEpoch = min(c.epochs, stopAfterEpochs.map { state.epoch + $0 } ?? c.epochs)
        let sessionStart = Date(), sessionStartIteration = state.iteration
        func remaining(_ elapsed: Double) -> Double {
            let done = Double(state.iteration - sessionStartIteration)
            return done > 0 ? elapsed / done * Double(lastEpoch * c.iterationsPerEpoch - state.iteration) : 0
        }
        while state.epoch < lastEpoch {
            let epochStart = Date()
            let epoch = state.epoch + 1
            network.train()
            let stream = batches.stream(count: c.iterationsPerEpoch, generator: state.generator.split())
            var sums = [Double](repeating: 0, count: names.count + 1)
            var lr = 0.0
            skippedInEpoch = 0
            for k in 1...c.iterationsPerEpoch {
                guard let batch = try stream.next() else {
                    throw SeaIceError.configuration("batch source ended after \(k - 1) of \(c.iterationsPerEpoch) batches")
                }
                lr = state.scheduler.apply(to: optimizer)
                let terms = try step(batch)
                let values = try [Double(terms.total.item())] + names.map { name in
                    guard let term = terms[name] else {
                        preconditionFailure("\(Task.self) declares loss term `\(name)` but returned \(terms.terms.map(\.name))")
                    }
                    return Double(try term.item())
                }
                if scaler == nil, values.contains(where: { !$0.isFinite }) {
                    throw Self.divergence(epoch: epoch, iteration: k, total: values[0], names: names, values: values, lr: lr)
                }
                for i in sums.indices { sums[i] += values[i] }
                state.scheduler.advance()
                state.iteration += 1
                if let every = c.logEveryIterations, state.iteration % every == 0 {
                    try run.iterations.append(IterationMetrics(
                        runID: runID, epoch: epoch, iterationInEpoch: k, iteration: state.iteration, loss: values[0],
                        losses: Dictionary(uniqueKeysWithValues: zip(names, values.dropFirst()).map { ($0, $1) }),
                        learningRate: lr, time: EpochMetrics.timestamp(Date())))
                }
                let elapsed = Date().timeIntervalSince(sessionStart)
                progress(TrainingProgress(epoch: epoch, epochs: lastEpoch, iteration: k, iterationsPerEpoch: c.iterationsPerEpoch,
                                          meanLoss: sums[0] / Double(k), learningRate: lr, elapsed: elapsed,
                                          remaining: remaining(elapsed), finishedEpoch: nil))
            }
            let result = try validator?.score(network)
            HostMemory.releaseCache()  // whole-scene validation sizes are not training's
            network.train()
            let selected = validator.flatMap { v in result?.scores[v.selection.score] }
            // Until some epoch has a defined selection score, the latest epoch stands as best (so a run whose
            // validation labels cannot score yet still leaves a `best/` to predict with).
            let isBest = validator.map { $0.selection.improves(selected, on: state.bestScore) || state.bestScore == nil } ?? true
            if isBest { state.bestScore = selected; state.bestEpoch = epoch }
            state.epoch = epoch
            let seconds = Date().timeIntervalSince(epochStart)
            state.elapsedSeconds += seconds
            let n = Double(c.iterationsPerEpoch)
            let metrics = EpochMetrics(
                epoch: epoch, iteration: state.iteration, learningRate: lr, trainLoss: sums[0] / n,
                trainLosses: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, sums[$0 + 1] / n) }),
                validation: result?.scores, undefinedScores: result.flatMap { $0.undefined.isEmpty ? nil : $0.undefined },
                best: isBest, seconds: seconds, simulatedData: simulatedData || (validator?.simulated ?? false),
                precision: precision, lossScale: scaler.map { Double($0.scale) }, skippedSteps: scaler.map { _ in skippedInEpoch },
                time: EpochMetrics.timestamp(Date()), runID: runID)
            state.optimizer = optimizer.record
            state.scaler = scaler?.state
            try run.metrics.append(metrics)
            try run.save(network: network, optimizer: optimizer, scaler: scaler, state: state,
                         specification: task.specification, best: isBest)
            for observe in epochObservers {
                do { try observe(metrics, run) } catch {
                    logger.warning("after epoch \(epoch): \(error)")
                }
            }
            let scoreText = "\(validator?.selection.score ?? "score") \(selected.map { String(format: "%.3f", $0) } ?? "–")"
            logger.info("epoch \(epoch): loss \(String(format: "%.4f", metrics.trainLoss)), \(scoreText)")
            let elapsed = Date().timeIntervalSince(sessionStart)
            progress(TrainingProgress(epoch: epoch, epochs: lastEpoch, iteration: c.iterationsPerEpoch,
                                      iterationsPerEpoch: c.iterationsPerEpoch, meanLoss: metrics.trainLoss, learningRate: lr,
                                      elapsed: elapsed, remaining: remaining(elapsed), finishedEpoch: metrics))
        }
        return TrainingSummary(epochs: state.epoch, bestScore: state.bestScore, bestEpoch: state.bestEpoch, history: try run.metrics.read())
    }

    /// One optimisation step on `batch`: forward pass and loss under autocast (when `precision` has
    /// one), backward outside it, then the optimizer step — through the loss scaler for float16,
    /// which skips the step when a gradient overflowed. Returns the loss terms (float32, unscaled).
    func step(_ batch: Task.Batch) throws -> LossTerms {
        optimizer.zeroGrad()
        let terms = try precision.run(on: device) { try task.losses(network, batch: batch, device: device) }
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

    private func holdLock() throws {
        if lock == nil { lock = try run.lock() }
    }

    private static func divergence(epoch: Int, iteration: Int, total: Double, names: [String], values: [Double],
                                   lr: Double) -> SeaIceError {
        let terms = zip(names, values.dropFirst()).map { "\($0) \($1)" }.joined(separator: ", ")
        return .configuration("training diverged at epoch \(epoch), iteration \(iteration): loss \(total) (\(terms)), "
                              + "learning rate \(lr); lower the learning rate or check the inputs for NaN/Inf values")
    }
}

/// The random streams of a run, shared by every system's training.
public enum TrainingRun {
    /// The generators of a run with `seed`: `initialisation` builds the network, `run` draws batches.
    public static func initialGenerators(seed: UInt64) -> (initialisation: SeededGenerator, run: SeededGenerator) {
        var root = SeededGenerator(seed: seed)
        let initialisation = root.split()
        return (initialisation, root.split())
    }
}
