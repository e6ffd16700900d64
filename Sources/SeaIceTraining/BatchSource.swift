import SeaIceCore
import SeaIceSampling

/// A source of training batches: `count` batches drawn in order from `generator`, so the same
/// generator state always yields the same batches (the basis of exact resume).
public protocol BatchSource {
    /// A stream of `count` batches drawn with `generator`.
    func stream(count: Int, generator: SeededGenerator) -> any BatchStream
}

/// Batches in order; nil after the last.
public protocol BatchStream: AnyObject {
    /// The next batch, or nil when the stream is exhausted.
    func next() throws -> TrainingBatch?
}

extension BatchPrefetcher: BatchStream {}

extension TrainingSampler: BatchSource {
    /// Batches prepared ahead on a background thread (`BatchPrefetcher`, depth from the configuration).
    public func stream(count: Int, generator: SeededGenerator) -> any BatchStream {
        BatchPrefetcher(sampler: self, generator: generator, depth: configuration.prefetchDepth, limit: count)
    }
}
