/// True/false positives and negatives of one positive class, and the ratios built from them.
///
/// Undefined values follow one rule: a ratio whose denominator is 0 is nil (precision with nothing
/// predicted positive, recall with no positive reference, F1 and IoU when the class is absent from
/// both). scikit-learn returns 0 there (`zero_division=0`); callers that need that write `?? 0`.
public struct BinaryCounts<Count: ConfusionCount>: Equatable, Sendable, Codable {
    /// Positive in the reference and the prediction.
    public var truePositives: Count
    /// Negative in the reference, positive in the prediction.
    public var falsePositives: Count
    /// Negative in both.
    public var trueNegatives: Count
    /// Positive in the reference, negative in the prediction.
    public var falseNegatives: Count

    /// The four counts.
    public init(truePositives: Count, falsePositives: Count, trueNegatives: Count, falseNegatives: Count) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Pixels (or weight) of the positive class in the reference: TP + FN.
    public var support: Count { truePositives + falseNegatives }
    /// Pixels (or weight) predicted positive: TP + FP.
    public var predictedPositives: Count { truePositives + falsePositives }
    /// Everything counted.
    public var total: Count { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// TP / (TP + FP); nil when nothing was predicted positive.
    public var precision: Double? { Self.ratio(truePositives, predictedPositives) }
    /// TP / (TP + FN) (sensitivity); nil when the reference has no positive.
    public var recall: Double? { Self.ratio(truePositives, support) }
    /// 2·TP / (2·TP + FP + FN) (scikit-learn ≥ 1.3's form with β = 1); nil when TP + FP + FN = 0.
    public var f1: Double? {
        Self.ratio(truePositives + truePositives, truePositives + truePositives + falsePositives + falseNegatives)
    }
    /// Intersection over union TP / (TP + FP + FN) (Jaccard index); nil when TP + FP + FN = 0.
    public var intersectionOverUnion: Double? {
        Self.ratio(truePositives, truePositives + falsePositives + falseNegatives)
    }
    /// (TP + TN) / total; nil when nothing was counted.
    public var accuracy: Double? { Self.ratio(truePositives + trueNegatives, total) }

    /// `numerator / denominator` in `Double`; nil when the denominator is 0.
    static func ratio(_ numerator: Count, _ denominator: Count) -> Double? {
        denominator == .zero ? nil : numerator.doubleValue / denominator.doubleValue
    }
}

extension ClassConfusionMatrix {
    /// The one-vs-rest counts of class `positive`: TP = m[k, k], FP = column k − TP,
    /// FN = row k − TP, TN = total − TP − FP − FN.
    public func binary(positive k: Int) -> BinaryCounts<Count> {
        precondition(k >= 0 && k < classCount, "positive class \(k) outside 0..<\(classCount)")
        var row = Count.zero, column = Count.zero
        for j in 0..<classCount {
            row += self[k, j]
            column += self[j, k]
        }
        let tp = self[k, k], fp = column - tp, fn = row - tp
        return BinaryCounts(truePositives: tp, falsePositives: fp, trueNegatives: total - tp - fp - fn,
                            falseNegatives: fn)
    }
}
