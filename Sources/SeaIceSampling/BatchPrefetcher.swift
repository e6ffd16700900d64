import Foundation
import SeaIceCore

/// Prepares batches ahead on one background thread into a bounded queue.
///
/// The producer owns the generator and draws batches strictly in order, so the sequence of batches is the
/// same as calling `TrainingSampler.nextBatch` repeatedly with that generator, whatever the timing. At most
/// `depth` batches wait in the queue (memory bound). An error ends production and is rethrown by `next()`.
public final class BatchPrefetcher: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Result<TrainingBatch, Error>] = []
    private var stopped = false
    private var finished = false
    private let depth: Int
    private var thread: Thread?

    /// Starts producing `limit` batches (nil = until `stop()`) from `sampler` with `generator`.
    public init(sampler: TrainingSampler, generator: SeededGenerator, depth: Int, limit: Int? = nil) {
        precondition(depth > 0, "prefetch depth \(depth)")
        self.depth = depth
        let t = Thread { [self] in self.produce(sampler: sampler, generator: generator, limit: limit) }
        t.name = "seaice.sampling.prefetch"
        thread = t
        t.start()
    }

    deinit { stop() }

    private func produce(sampler: TrainingSampler, generator: SeededGenerator, limit: Int?) {
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

    /// The next batch in order; nil when the limit is reached or after `stop()`. Blocks until one is ready.
    public func next() throws -> TrainingBatch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished && !stopped { condition.wait() }
        guard !queue.isEmpty, !stopped else { return nil }
        let result = queue.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Stops the producer after the batch it is making; later `next()` calls return nil.
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
