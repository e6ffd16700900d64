import SeaIceMetrics

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

    /// Computes per-label scores from `matrix` (the metrics core's `BinaryCounts`, 0/0 read as 0).
    public init(_ matrix: ConfusionMatrix) {
        classes = matrix.presentIndices.map { i in
            let b = matrix.core.binary(positive: i)
            return ClassScores(label: matrix.value(at: i), precision: b.precision ?? 0, recall: b.recall ?? 0,
                               f1: b.f1 ?? 0, support: b.support, truePositives: b.truePositives)
        }
    }

    /// Total support (number of pooled pixels).
    public var support: Int64 { classes.reduce(0) { $0 + $1.support } }

    /// F1 averaged over labels weighted by support (`f1_score(average='weighted')`); nil when no pixel was pooled.
    public var weightedF1: Double? {
        ClassAverage.weighted(classes.map(\.f1), weights: classes.map { Double($0.support) })
    }

    /// Unweighted mean of the F1 of every present label (`f1_score(average='macro')`); nil when empty.
    public var macroF1: Double? { ClassAverage.mean(classes.map(\.f1)) }

    /// Fraction of pooled pixels predicted correctly (Σ TP / support); nil when none were pooled.
    public var accuracy: Double? {
        let correct = classes.reduce(Int64(0)) { $0 + $1.truePositives }
        return support == 0 ? nil : Double(correct) / Double(support)
    }
}
