import SeaIceMetrics

/// Pixel counts of (reference class, predicted class) pairs of one AutoICE chart, accumulated in
/// streaming form: the metrics core's `ClassConfusionMatrix<Int64>` with one extra class.
///
/// Rows are reference classes, columns predicted classes. Valid labels are 0 ..< `classCount`;
/// one extra index, `classCount`, stands for the label value 255 when it appears in a
/// *prediction* at a pixel whose reference is valid (scikit-learn would treat it as one more
/// label, so it is kept, not dropped). Reference pixels equal to 255 are masked: they are not
/// counted, as in the challenge (only pixels with reference ≠ 255 are pooled).
///
/// Counts are `Int64`, so every valid pixel of every scene can be pooled without holding the
/// pixel arrays; all metrics (R², class-wise and weighted F1) are exact functions of the matrix.
public struct ConfusionMatrix: Equatable, Sendable, Codable {
    /// Number of valid classes.
    public let classCount: Int
    /// The core matrix, `(classCount + 1)²`; class `classCount` is the predicted mask value 255.
    public private(set) var core: CountConfusionMatrix

    /// An empty matrix for labels 0 ..< `classCount` (plus the mask label 255).
    public init(classCount: Int) {
        precondition(classCount > 0 && classCount < 255, "classCount must be in 1...254, got \(classCount)")
        self.classCount = classCount
        core = CountConfusionMatrix(classCount: classCount + 1)
    }

    /// An empty matrix for `chart`'s classes.
    public init(chart: Chart) { self.init(classCount: chart.classCount) }

    /// Row-major counts, `(classCount + 1) × (classCount + 1)`; row = reference, column = prediction.
    public var counts: [Int64] { core.counts }

    /// Side length of the square matrix (`classCount + 1`).
    public var size: Int { classCount + 1 }

    /// The matrix index of label value `value` (255 → `classCount`).
    public func index(of value: UInt8) -> Int {
        value == Chart.maskValue ? classCount : Int(value)
    }

    /// The label value at matrix index `index` (`classCount` → 255).
    public func value(at index: Int) -> Int {
        index == classCount ? Int(Chart.maskValue) : index
    }

    /// The count of pixels with reference index `reference` and predicted index `prediction`.
    public subscript(reference: Int, prediction: Int) -> Int64 { core[reference, prediction] }

    /// Adds every pixel pair whose reference is not 255.
    ///
    /// Both buffers hold the same pixels in the same order. Every value must be a valid class or
    /// 255 (callers check with `LabelCheck.firstInvalid`); a violation is a programmer error.
    public mutating func accumulate(reference: UnsafeBufferPointer<UInt8>, prediction: UnsafeBufferPointer<UInt8>) {
        precondition(reference.firstIndex { $0 != Chart.maskValue && Int($0) >= classCount } == nil,
                     "reference label out of range for classCount \(classCount)")
        core.accumulate(reference: reference, prediction: prediction, ignore: Chart.maskValue,
                        maskedPrediction: .countAs(classCount))
    }

    /// Array form of `accumulate(reference:prediction:)`.
    public mutating func accumulate(reference: [UInt8], prediction: [UInt8]) {
        reference.withUnsafeBufferPointer { r in
            prediction.withUnsafeBufferPointer { p in accumulate(reference: r, prediction: p) }
        }
    }

    /// Adds the counts of `other` (same class count) — pooling scenes.
    public mutating func merge(_ other: ConfusionMatrix) {
        precondition(other.classCount == classCount,
                     "cannot merge \(other.classCount)-class and \(classCount)-class matrices")
        core.merge(other.core)
    }

    /// Number of pooled (valid-reference) pixels.
    public var total: Int64 { core.total }

    /// Reference count per index (the support of each class).
    public var rowSums: [Int64] { core.rowSums }

    /// Prediction count per index.
    public var columnSums: [Int64] { core.columnSums }

    /// Indices of labels present in the reference or the prediction, ascending by label value —
    /// the label set scikit-learn's `unique_labels(y_true, y_pred)` would use.
    public var presentIndices: [Int] { core.presentClasses }

    private enum CodingKeys: String, CodingKey { case classCount, counts }

    /// Decodes `classCount` and the `(classCount + 1)²` `counts`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let k = try c.decode(Int.self, forKey: .classCount)
        let counts = try c.decode([Int64].self, forKey: .counts)
        guard k > 0, k < 255, counts.count == (k + 1) * (k + 1) else {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: c,
                debugDescription: "expected (\(k) + 1)² counts for classCount \(k) in 1...254, found \(counts.count)")
        }
        classCount = k
        core = CountConfusionMatrix(classCount: k + 1, counts: counts)
    }

    /// Encodes `classCount` and `counts` (the layout before the metrics core).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(classCount, forKey: .classCount)
        try c.encode(core.counts, forKey: .counts)
    }
}

/// Checks label arrays before they are accumulated.
public enum LabelCheck {
    /// The position and value of the first element that is neither 255 nor below `classCount`.
    public static func firstInvalid(_ values: UnsafeBufferPointer<UInt8>,
                                    classCount: Int) -> (index: Int, value: UInt8)? {
        ClassLabels.firstInvalid(values, classCount: classCount, ignore: Chart.maskValue)
    }

    /// Array form of `firstInvalid(_:classCount:)`.
    public static func firstInvalid(_ values: [UInt8], classCount: Int) -> (index: Int, value: UInt8)? {
        values.withUnsafeBufferPointer { firstInvalid($0, classCount: classCount) }
    }
}
