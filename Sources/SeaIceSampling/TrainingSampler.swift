import SeaIceCore

/// Draws training patches: random scene → random patch → rejection → augmentation (MMSeaIce practice).
///
/// Per patch, in this order from the injected generator: scene index uniform in 0 ..< count, top-left
/// row uniform in 0 ... max(rows − P, 0), column likewise; the patch is rejected (and redrawn) when it has
/// at most `rejectAtOrBelowValidSIC` valid SIC pixels; then `Augmenter` draws (a CutMix partner is a
/// further accepted, un-augmented patch). The same generator state gives the same batch.
public struct TrainingSampler: Sendable {
    /// The configuration.
    public let configuration: SamplerConfiguration
    /// The scenes.
    public let source: any SceneSource
    private let extractor: PatchExtractor
    private let augmenter: Augmenter

    /// A sampler over `source`; throws if the configuration is inconsistent or there are no scenes.
    public init(configuration: SamplerConfiguration, source: any SceneSource) throws {
        try configuration.validate()
        guard source.count > 0 else { throw SeaIceError.configuration("sampler: no scenes to sample from") }
        self.configuration = configuration
        self.source = source
        extractor = PatchExtractor(configuration: configuration)
        augmenter = Augmenter(configuration: configuration.augmentation)
    }

    /// An accepted, un-augmented patch.
    public func nextRawSample(using g: inout SeededGenerator) throws -> Sample {
        let p = configuration.patchSize
        for _ in 0..<configuration.maxAttemptsPerPatch {
            let scene = try source.scene(at: Int(g.next() % UInt64(source.count)))
            let r0 = Int(g.next() % UInt64(max(scene.rows - p, 0) + 1))
            let c0 = Int(g.next() % UInt64(max(scene.cols - p, 0) + 1))
            guard scene.validSICCount(row: r0, col: c0, size: p) > configuration.rejectAtOrBelowValidSIC else { continue }
            return try extractor.extract(from: scene, row: r0, col: c0)
        }
        throw SeaIceError.configuration(
            "sampler: no patch with more than \(configuration.rejectAtOrBelowValidSIC) valid SIC pixels in \(configuration.maxAttemptsPerPatch) draws")
    }

    /// An accepted, augmented patch.
    public func nextSample(using g: inout SeededGenerator) throws -> Sample {
        var s = try nextRawSample(using: &g)
        try augmenter.augment(&s, using: &g) { try nextRawSample(using: &$0) }
        return s
    }

    /// A batch of `configuration.batchSize` augmented patches.
    public func nextBatch(using g: inout SeededGenerator) throws -> TrainingBatch {
        var samples: [Sample] = []
        samples.reserveCapacity(configuration.batchSize)
        for _ in 0..<configuration.batchSize { samples.append(try nextSample(using: &g)) }
        return TrainingBatch(samples: samples)
    }
}
