import Foundation
import SeaIceCore

/// Prepares batches ahead on one background thread into a bounded queue.
///
/// The producer owns the generator and calls `make` strictly in order, so the sequence of batches is
/// the same as calling `make` repeatedly with that generator, whatever the timing. At most `depth`
/// batches wait in the queue (memory bound). An error ends production and is rethrown by `next()`.
/// Dropping the prefetcher stops its thread after the batch in progress.
public final class Prefetcher<Batch: Sendable>: BatchStream, Sendable {
    private let state: PrefetchQueue<Batch>

    /// Starts producing `limit` batches (nil = until `stop()`) with `make`, from `generator`.
    public init(generator: SeededGenerator, depth: Int, limit: Int? = nil,
                make: @escaping @Sendable (inout SeededGenerator) throws -> Batch) {
        precondition(depth > 0, "prefetch depth \(depth)")
        let state = PrefetchQueue<Batch>(depth: depth)
        self.state = state
        let t = Thread { state.produce(generator: generator, limit: limit, make: make) }
        t.name = "seaice.data.prefetch"
        t.start()
    }

    deinit { state.stop() }

    /// The next batch in order; nil when the limit is reached or after `stop()`. Blocks until one is ready.
    public func next() throws -> Batch? { try state.next() }

    /// Stops the producer after the batch it is making; later `next()` calls return nil.
    public func stop() { state.stop() }
}

/// The queue shared by the producer thread and the consumer (the thread holds this, not the prefetcher).
private final class PrefetchQueue<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Result<Batch, Error>] = []
    private var stopped = false
    private var finished = false
    private let depth: Int

    init(depth: Int) { self.depth = depth }

    func produce(generator: SeededGenerator, limit: Int?, make: (inout SeededGenerator) throws -> Batch) {
        var g = generator
        var made = 0
        while limit.map({ made < $0 }) ?? true {
            condition.lock()
            while queue.count >= depth && !stopped { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { break }
            let result = Result { try make(&g) }
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

    func next() throws -> Batch? {
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
