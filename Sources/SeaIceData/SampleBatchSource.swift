import SeaIceCore

/// The generic batch source: per batch, `batchSize` indices from an `IndexSampler`, each sample read
/// from the dataset and augmented, collated into a `DataBatch`; prepared ahead by a `Prefetcher`.
///
/// Draw order per sample from the stream's generator: the index, then the augmentation's draws.
/// The same generator state gives the same batches (exact resume).
public struct SampleBatchSource<Dataset: SampleDataset>: BatchSource, Sendable {
    /// The samples.
    public let dataset: Dataset
    /// Samples per batch.
    public let batchSize: Int
    /// How indices are drawn (uniform or weighted).
    public var sampler: IndexSampler
    /// Augmentation of each drawn sample.
    public let augmentation: PlaneAugmentation
    /// Batches prepared ahead (≥ 1).
    public let prefetchDepth: Int

    /// A source over `dataset`.
    /// - Throws: `SeaIceError.configuration` when the dataset is empty, the batch size or depth is < 1,
    ///   or the augmentation is invalid.
    public init(dataset: Dataset, batchSize: Int, sampler: IndexSampler? = nil,
                augmentation: PlaneAugmentation = .init(), prefetchDepth: Int = 2) throws {
        guard dataset.count > 0 else { throw SeaIceError.configuration("the dataset has no samples") }
        guard batchSize > 0 else { throw SeaIceError.configuration("batchSize must be > 0, is \(batchSize)") }
        guard prefetchDepth > 0 else { throw SeaIceError.configuration("prefetchDepth must be > 0, is \(prefetchDepth)") }
        try augmentation.validate()
        if let s = sampler, s.count != dataset.count {
            throw SeaIceError.configuration("the index sampler covers \(s.count) samples, the dataset has \(dataset.count)")
        }
        self.dataset = dataset
        self.batchSize = batchSize
        self.sampler = sampler ?? .uniform(count: dataset.count)
        self.augmentation = augmentation
        self.prefetchDepth = prefetchDepth
    }

    /// One batch drawn with `g`.
    public func nextBatch(using g: inout SeededGenerator) throws -> DataBatch {
        var samples: [DataSample] = [], indices: [Int] = []
        for _ in 0..<batchSize {
            let i = sampler.next(using: &g)
            var s = try dataset.sample(at: i)
            augmentation.augment(&s, using: &g)
            samples.append(s)
            indices.append(i)
        }
        return try DataBatch(samples: samples, indices: indices)
    }

    /// `count` batches prepared ahead on a background thread.
    public func stream(count: Int, generator: SeededGenerator) -> any BatchStream<DataBatch> {
        let source = self
        return Prefetcher(generator: generator, depth: prefetchDepth, limit: count) { try source.nextBatch(using: &$0) }
    }
}
