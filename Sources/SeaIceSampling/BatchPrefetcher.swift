import SeaIceCore
import SeaIceData

/// AI4Arctic training batches prepared ahead on a background thread: SeaIceData's `Prefetcher`
/// over `TrainingSampler.nextBatch`, so the batches are exactly those of calling `nextBatch`
/// repeatedly with the same generator.
public typealias BatchPrefetcher = Prefetcher<TrainingBatch>

extension Prefetcher where Batch == TrainingBatch {
    /// Starts producing `limit` batches (nil = until `stop()`) from `sampler` with `generator`.
    public convenience init(sampler: TrainingSampler, generator: SeededGenerator, depth: Int, limit: Int? = nil) {
        self.init(generator: generator, depth: depth, limit: limit) { try sampler.nextBatch(using: &$0) }
    }
}

extension TrainingSampler: BatchSource {
    /// Batches prepared ahead on a background thread (`BatchPrefetcher`, depth from the configuration).
    public func stream(count: Int, generator: SeededGenerator) -> any BatchStream<TrainingBatch> {
        BatchPrefetcher(sampler: self, generator: generator, depth: configuration.prefetchDepth, limit: count)
    }
}
