import Foundation

/// Splits `0..<count` into contiguous chunks run on all cores; `body(range)` must touch only its own range.
func parallelChunks(_ count: Int, minimumChunk: Int = 65_536, _ body: @Sendable (Range<Int>) -> Void) {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumChunk)))
    let chunk = (count + workers - 1) / max(1, workers)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        let lo = w * chunk, hi = min(count, lo + chunk)
        if lo < hi { body(lo..<hi) }
    }
}
