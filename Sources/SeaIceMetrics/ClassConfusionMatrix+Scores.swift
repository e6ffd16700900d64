/// Multi-class scores of a confusion matrix, with scikit-learn's definitions.
///
/// The label set of the averages is the classes present in the reference or the prediction
/// (`presentClasses`, as `sklearn.utils.multiclass.unique_labels`); a class absent from both has no
/// F1 and is left out. Undefined values are nil: every score of an empty matrix, and any ratio whose
/// denominator is 0 (see `BinaryCounts`).
extension ClassConfusionMatrix {
    /// Fraction of the counted pixels (or weight) on the diagonal; nil when the matrix is empty.
    public var accuracy: Double? {
        let diagonal = (0..<classCount).reduce(Count.zero) { $0 + self[$1, $1] }
        return BinaryCounts<Count>.ratio(diagonal, total)
    }

    /// Precision, recall and F1 of every class 0 ..< K, one-vs-rest (`BinaryCounts`).
    public var perClass: [BinaryCounts<Count>] { (0..<classCount).map { binary(positive: $0) } }

    /// Unweighted mean of the F1 of the present classes (`f1_score(average='macro')`); nil when empty.
    public var macroF1: Double? {
        let scores = presentClasses.map { binary(positive: $0) }
        return ClassAverage.mean(scores.map { $0.f1 ?? 0 })
    }

    /// F1 averaged over classes weighted by their support (`f1_score(average='weighted')`);
    /// nil when the matrix is empty. A class seen only in the prediction has support 0, hence weight 0.
    public var weightedF1: Double? {
        let scores = presentClasses.map { binary(positive: $0) }
        return ClassAverage.weighted(scores.map { $0.f1 ?? 0 }, weights: scores.map(\.support.doubleValue))
    }

    /// Cohen's kappa κ = (p_o − p_e) / (1 − p_e), p_o the accuracy and p_e = Σ_k row_k · column_k / n²
    /// (`sklearn.metrics.cohen_kappa_score`, unweighted); nil when the matrix is empty or p_e = 1
    /// (reference and prediction both a single, identical class: 0/0, where scikit-learn returns NaN).
    public var cohensKappa: Double? {
        let n = total.doubleValue
        guard n > 0, let observed = accuracy else { return nil }
        let rows = rowSums, cols = columnSums
        var chance = 0.0
        for k in 0..<classCount { chance += rows[k].doubleValue * cols[k].doubleValue }
        chance /= n * n
        guard chance != 1 else { return nil }
        return (observed - chance) / (1 - chance)
    }
}

/// Averages of per-class scores (one definition for every metric that averages over classes).
public enum ClassAverage {
    /// The plain mean; nil for no values.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Σ value·weight / Σ weight, summed in order; nil when the weights sum to 0.
    public static func weighted(_ values: [Double], weights: [Double]) -> Double? {
        precondition(values.count == weights.count, "\(values.count) values but \(weights.count) weights")
        var sum = 0.0, total = 0.0
        for (v, w) in zip(values, weights) {
            sum += v * w
            total += w
        }
        return total == 0 ? nil : sum / total
    }
}
