import SeaIceCore
import SeaIceOptim

/// The system-independent part of a training configuration: optimizer, learning-rate schedule
/// (stepped once per iteration), epochs, iterations per epoch, seed, threads and mixed precision.
/// Each system's typed configuration (e.g. the multi-task U-Net's `TrainingConfiguration`) provides one.
public struct TrainingLoop: Codable, Sendable, Equatable {
    /// Optimizer and its hyper-parameters (its learning rate is the schedule's base).
    public var optimizer: OptimizerConfiguration
    /// Learning-rate schedule, stepped every iteration.
    public var schedule: LearningRateSchedule
    /// Number of epochs.
    public var epochs: Int
    /// Iterations (batches) per epoch.
    public var iterationsPerEpoch: Int
    /// Seed of every random draw of the run.
    public var seed: UInt64
    /// Torch intra-op threads (nil: libtorch's default).
    public var threads: Int?
    /// Mixed-precision training.
    public var mixedPrecision: MixedPrecision
    /// Write an `iterations.jsonl` line every this many iterations (nil: only the per-epoch metrics).
    public var logEveryIterations: Int?

    /// A loop.
    public init(optimizer: OptimizerConfiguration, schedule: LearningRateSchedule, epochs: Int, iterationsPerEpoch: Int,
                seed: UInt64, threads: Int? = nil, mixedPrecision: MixedPrecision = .auto, logEveryIterations: Int? = nil) {
        self.optimizer = optimizer
        self.schedule = schedule
        self.epochs = epochs
        self.iterationsPerEpoch = iterationsPerEpoch
        self.seed = seed
        self.threads = threads
        self.mixedPrecision = mixedPrecision
        self.logEveryIterations = logEveryIterations
    }

    /// Throws a configuration error naming the first inconsistent field.
    public func validate() throws {
        guard epochs > 0, iterationsPerEpoch > 0 else {
            throw SeaIceError.configuration("epochs and iterationsPerEpoch must be > 0, are \(epochs), \(iterationsPerEpoch)")
        }
        if let t = threads, t <= 0 { throw SeaIceError.configuration("threads must be > 0, is \(t)") }
        if let n = logEveryIterations, n <= 0 { throw SeaIceError.configuration("logEveryIterations must be > 0, is \(n)") }
        try optimizer.validate()
        try schedule.validate()
    }
}
