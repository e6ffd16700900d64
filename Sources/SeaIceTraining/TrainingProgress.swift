/// Progress of a run, reported after every iteration and after each validation (for the CLI's
/// progress bar; the library never prints).
public struct TrainingProgress: Sendable {
    /// Current epoch, 1-based, and the number of epochs.
    public var epoch: Int, epochs: Int
    /// Iteration within the epoch, 1-based, and iterations per epoch.
    public var iteration: Int, iterationsPerEpoch: Int
    /// Mean training loss of the epoch so far.
    public var meanLoss: Double
    /// Learning rate of the last step.
    public var learningRate: Double
    /// Seconds this session has trained.
    public var elapsed: Double
    /// Estimated seconds left for the whole run (from this session's pace).
    public var remaining: Double
    /// Metrics of the epoch just finished (set once per epoch, after validation).
    public var finishedEpoch: EpochMetrics?
}
