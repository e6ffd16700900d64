import SeaIceCore

/// A source of training batches: `count` batches drawn in order from `generator`, so the same
/// generator state always yields the same batches (the basis of exact resume).
///
/// `Batch` is whatever the system's training task consumes: `DataBatch` for the generic layer,
/// SeaIceSampling's `TrainingBatch` for the AI4Arctic multi-task U-Net.
public protocol BatchSource<Batch> {
    /// The batch type.
    associatedtype Batch
    /// A stream of `count` batches drawn with `generator`.
    func stream(count: Int, generator: SeededGenerator) -> any BatchStream<Batch>
}

/// Batches in order; nil after the last.
public protocol BatchStream<Batch>: AnyObject {
    /// The batch type.
    associatedtype Batch
    /// The next batch, or nil when the stream is exhausted.
    func next() throws -> Batch?
}
