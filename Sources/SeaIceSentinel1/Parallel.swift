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

/// `values` mapped element-wise on all cores.
func parallelMap(_ values: [Float], _ f: @Sendable @escaping (Float) -> Float) -> [Float] {
    var out = [Float](repeating: 0, count: values.count)
    values.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            nonisolated(unsafe) let s = src, d = dst
            parallelChunks(values.count) { r in for i in r { d[i] = f(s[i]) } }
        }
    }
    return out
}
