import SeaIceCore
import SeaIceOptim

/// Everything besides tensors that an interrupted run needs to continue exactly: counters, the
/// schedule position, the optimizer record, the loss scaler, the best score so far and the run's
/// generator (its state at the start of the next epoch; each epoch draws from `generator.split()`).
public struct RunState: Codable, Sendable, Equatable {
    /// Epochs completed.
    public var epoch: Int
    /// Iterations completed over the whole run.
    public var iteration: Int
    /// Learning-rate schedule position.
    public var scheduler: LearningRateScheduler
    /// Optimizer hyper-parameters and counters (its tensors are in `optimizer.safetensors`).
    public var optimizer: OptimizerRecord?
    /// Loss scale and counters of the run's `GradientScaler` (nil when the run does not scale the loss,
    /// and in checkpoints written before mixed precision).
    public var scaler: GradientScalerState?
    /// Best value of the validation selection score so far (the multi-task U-Net: combined score, percent).
    public var bestScore: Double?
    /// Epoch (1-based) of `bestScore`.
    public var bestEpoch: Int?
    /// The run's generator at the start of epoch `epoch + 1`.
    public var generator: SeededGenerator
    /// Seconds of training so far (all sessions).
    public var elapsedSeconds: Double

    /// The state before the first iteration.
    public init(scheduler: LearningRateScheduler, generator: SeededGenerator) {
        epoch = 0
        iteration = 0
        self.scheduler = scheduler
        optimizer = nil
        scaler = nil
        bestScore = nil
        bestEpoch = nil
        self.generator = generator
        elapsedSeconds = 0
    }
}
