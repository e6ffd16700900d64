import Foundation
import SeaIceCore

/// Prepares batches ahead on one background thread into a bounded queue.
///
/// The producer owns the generator and draws batches strictly in order, so the sequence of batches is the
/// same as calling `TrainingSampler.nextBatch` repeatedly with that generator, whatever the timing. At most
/// `depth` batches wait in the queue (memory bound). An error ends production and is rethrown by `next()`.
/// Dropping the prefetcher stops its thread after the batch in progress.
public final class BatchPrefetcher: Sendable {
    private let state: PrefetchState

    /// Starts producing `limit` batches (nil = until `stop()`) from `sampler` with `generator`.
    public init(sampler: TrainingSampler, generator: SeededGenerator, depth: Int, limit: Int? = nil) {
        precondition(depth > 0, "prefetch depth \(depth)")
        let state = PrefetchState(depth: depth)
        self.state = state
        let t = Thread { state.produce(sampler: sampler, generator: generator, limit: limit) }
        t.name = "seaice.sampling.prefetch"
        t.start()
    }

    deinit { state.stop() }

    /// The next batch in order; nil when the limit is reached or after `stop()`. Blocks until one is ready.
    public func next() throws -> TrainingBatch? { try state.next() }

    /// Stops the producer after the batch it is making; later `next()` calls return nil.
    public func stop() { state.stop() }
}

/// The queue shared by the producer thread and the consumer (the thread holds this, not the prefetcher).
private final class PrefetchState: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Result<TrainingBatch, Error>] = []
    private var stopped = false
    private var finished = false
    private let depth: Int

    init(depth: Int) { self.depth = depth }

    func produce(sampler: TrainingSampler, generator: SeededGenerator, limit: Int?) {
        var g = generator
        var made = 0
        while limit.map({ made < $0 }) ?? true {
            condition.lock()
            while queue.count >= depth && !stopped { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { break }
            let result = Result { try sampler.nextBatch(using: &g) }
            made += 1
            condition.lock()
            queue.append(result)
            condition.broadcast()
            condition.unlock()
            if case .failure = result { break }
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func next() throws -> TrainingBatch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished && !stopped { condition.wait() }
        guard !queue.isEmpty, !stopped else { return nil }
        let result = queue.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    func stop() {
        condition.lock()
        stopped = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
