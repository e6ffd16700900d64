/// Precision, recall, F1 and support of one label (scikit-learn `precision_recall_fscore_support`).
public struct ClassScores: Equatable, Sendable, Codable {
    /// The label value (0 … classCount − 1, or 255 when a prediction holds the mask value).
    public var label: Int
    /// Fraction of pixels predicted as `label` that are `label` in the reference; 0 when none were predicted.
    public var precision: Double
    /// Fraction of reference pixels of `label` predicted as `label`; 0 when the reference has none.
    public var recall: Double
    /// 2·TP / (2·TP + FP + FN); 0 when the denominator is 0.
    public var f1: Double
    /// Number of reference pixels of `label`.
    public var support: Int64
    /// Number of pixels of `label` in both reference and prediction.
    public var truePositives: Int64

    /// Scores of one label.
    public init(label: Int, precision: Double, recall: Double, f1: Double, support: Int64, truePositives: Int64) {
        self.label = label
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.support = support
        self.truePositives = truePositives
    }
}

/// Classification metrics derived from a `ConfusionMatrix`, with scikit-learn's semantics.
///
/// The label set is the union of labels present in the reference and the prediction (as
/// `sklearn.utils.multiclass.unique_labels`), sorted ascending. Undefined ratios (0/0) are 0,
/// which is what scikit-learn returns for `zero_division="warn"` (the default) and `0`.
/// A label present only in the prediction gets F1 0 and support 0, hence weight 0 in the
/// weighted F1; the pixels predicted as it still lower the recall of their reference classes.
public struct ClassificationMetrics: Equatable, Sendable, Codable {
    /// Per-label scores, ascending by label value, for every label present.
    public var classes: [ClassScores]

    /// Computes per-label scores from `matrix`.
    public init(_ matrix: ConfusionMatrix) {
        let rows = matrix.rowSums, cols = matrix.columnSums
        classes = matrix.presentIndices.map { i in
            let tp = matrix[i, i]
            let fp = cols[i] - tp
            let fn = rows[i] - tp
            let precision = cols[i] == 0 ? 0 : Double(tp) / Double(cols[i])
            let recall = rows[i] == 0 ? 0 : Double(tp) / Double(rows[i])
            // scikit-learn ≥ 1.3: F = (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP), β = 1.
            let denominator = 2 * tp + fn + fp
            let f1 = denominator == 0 ? 0 : Double(2 * tp) / Double(denominator)
            return ClassScores(label: matrix.value(at: i), precision: precision, recall: recall, f1: f1,
                               support: rows[i], truePositives: tp)
        }
    }

    /// Total support (number of pooled pixels).
    public var support: Int64 { classes.reduce(0) { $0 + $1.support } }

    /// F1 averaged over labels weighted by support (`f1_score(average='weighted')`); nil when no pixel was pooled.
    public var weightedF1: Double? {
        let total = support
        guard total > 0 else { return nil }
        let sum = classes.reduce(0.0) { $0 + $1.f1 * Double($1.support) }
        return sum / Double(total)
    }

    /// Unweighted mean of the F1 of every present label (`f1_score(average='macro')`); nil when empty.
    public var macroF1: Double? {
        guard !classes.isEmpty else { return nil }
        return classes.reduce(0.0) { $0 + $1.f1 } / Double(classes.count)
    }

    /// Fraction of pooled pixels predicted correctly; nil when none were pooled.
    public var accuracy: Double? {
        let total = support
        guard total > 0 else { return nil }
        let tp = classes.reduce(Int64(0)) { $0 + $1.truePositives }
        return Double(tp) / Double(total)
    }
}
