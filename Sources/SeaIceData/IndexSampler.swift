import SeaIceCore

/// How a batch source picks dataset indices: uniformly, or with probability ∝ a weight per sample.
///
/// Weights are the hook for class-balanced sampling (`classBalanced(labels:)`) and for Dynamic
/// Curriculum Learning (spec ice-types.md), which re-weights samples between epochs with
/// `setWeights(_:)`. Draws come from the injected generator only: the same generator state and
/// weights give the same indices.
public struct IndexSampler: Sendable, Equatable {
    /// Per-sample weights (nil: uniform).
    public private(set) var weights: [Double]?
    /// Number of samples.
    public let count: Int
    private var cumulative: [Double] = []

    /// Uniform sampling over `count` samples (count > 0).
    public static func uniform(count: Int) -> IndexSampler {
        precondition(count > 0, "an index sampler needs at least one sample")
        return IndexSampler(count: count, weights: nil)
    }

    /// Sampling with probability ∝ `weights` (finite, ≥ 0, not all 0).
    /// - Throws: `SeaIceError.invalidInput` naming the first bad weight.
    public static func weighted(_ weights: [Double]) throws -> IndexSampler {
        var s = IndexSampler(count: weights.count, weights: nil)
        try s.setWeights(weights)
        return s
    }

    /// Weights 1 / (frequency of the sample's class), so every class is drawn equally often.
    /// - Throws: when `labels` is empty.
    public static func classBalanced(labels: [Int]) throws -> IndexSampler {
        var frequency: [Int: Int] = [:]
        for l in labels { frequency[l, default: 0] += 1 }
        return try weighted(labels.map { 1 / Double(frequency[$0]!) })
    }

    private init(count: Int, weights: [Double]?) {
        self.count = count
        self.weights = weights
    }

    /// Replaces the weights (same count).
    /// - Throws: `SeaIceError.invalidInput` naming the first negative or non-finite weight, or an all-zero list.
    public mutating func setWeights(_ w: [Double]) throws {
        guard w.count == count else {
            throw SeaIceError.invalidInput(file: "sample weights", item: "count", expected: "\(count) weights, got \(w.count)")
        }
        if let bad = w.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw SeaIceError.invalidInput(file: "sample weights", item: "weight \(bad)",
                                           expected: "a finite value ≥ 0, got \(w[bad])")
        }
        var running = 0.0
        let c = w.map { running += $0; return running }
        guard running > 0, !w.isEmpty else {
            throw SeaIceError.invalidInput(file: "sample weights", item: "weights", expected: "at least one weight > 0")
        }
        weights = w
        cumulative = c
    }

    /// The next index: uniform `next() % count`, or the first index whose cumulative weight exceeds
    /// u · Σw with u uniform in [0, 1).
    public func next(using g: inout SeededGenerator) -> Int {
        guard weights != nil else { return Int(g.next() % UInt64(count)) }
        let u = g.nextUnitDouble() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
