/// Pixel counts of (reference class, predicted class) pairs, accumulated in streaming form.
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
    /// Row-major counts, `(classCount + 1) × (classCount + 1)`; row = reference, column = prediction.
    public private(set) var counts: [Int64]

    /// An empty matrix for labels 0 ..< `classCount` (plus the mask label 255).
    public init(classCount: Int) {
        precondition(classCount > 0 && classCount < 255, "classCount must be in 1...254, got \(classCount)")
        self.classCount = classCount
        self.counts = [Int64](repeating: 0, count: (classCount + 1) * (classCount + 1))
    }

    /// An empty matrix for `chart`'s classes.
    public init(chart: Chart) { self.init(classCount: chart.classCount) }

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
    public subscript(reference: Int, prediction: Int) -> Int64 {
        counts[reference * size + prediction]
    }

    /// Adds every pixel pair whose reference is not 255.
    ///
    /// Both buffers hold the same pixels in the same order. Every value must be a valid class or
    /// 255 (callers check with `LabelCheck.firstInvalid`); a violation is a programmer error.
    public mutating func accumulate(reference: UnsafeBufferPointer<UInt8>, prediction: UnsafeBufferPointer<UInt8>) {
        precondition(reference.count == prediction.count, "reference has \(reference.count) pixels, prediction \(prediction.count)")
        let k = classCount, n = size
        counts.withUnsafeMutableBufferPointer { c in
            for i in 0..<reference.count {
                let r = reference[i]
                if r == Chart.maskValue { continue }
                let p = prediction[i]
                let pi = p == Chart.maskValue ? k : Int(p)
                precondition(Int(r) < k && pi <= k, "label out of range: reference \(r), prediction \(p), classCount \(k)")
                c[Int(r) * n + pi] += 1
            }
        }
    }

    /// Array form of `accumulate(reference:prediction:)`.
    public mutating func accumulate(reference: [UInt8], prediction: [UInt8]) {
        reference.withUnsafeBufferPointer { r in
            prediction.withUnsafeBufferPointer { p in accumulate(reference: r, prediction: p) }
        }
    }

    /// Adds the counts of `other` (same class count) — pooling scenes.
    public mutating func merge(_ other: ConfusionMatrix) {
        precondition(other.classCount == classCount, "cannot merge \(other.classCount)-class and \(classCount)-class matrices")
        for i in counts.indices { counts[i] += other.counts[i] }
    }

    /// Number of pooled (valid-reference) pixels.
    public var total: Int64 { counts.reduce(0, +) }

    /// Reference count per index (the support of each class).
    public var rowSums: [Int64] {
        (0..<size).map { r in (0..<size).reduce(Int64(0)) { $0 + self[r, $1] } }
    }

    /// Prediction count per index.
    public var columnSums: [Int64] {
        (0..<size).map { c in (0..<size).reduce(Int64(0)) { $0 + self[$1, c] } }
    }

    /// Indices of labels present in the reference or the prediction, ascending by label value —
    /// the label set scikit-learn's `unique_labels(y_true, y_pred)` would use.
    public var presentIndices: [Int] {
        let rows = rowSums, cols = columnSums
        return (0..<size).filter { rows[$0] != 0 || cols[$0] != 0 }
    }
}

/// Checks label arrays before they are accumulated.
public enum LabelCheck {
    /// The position and value of the first element that is neither 255 nor below `classCount`.
    public static func firstInvalid(_ values: UnsafeBufferPointer<UInt8>, classCount: Int) -> (index: Int, value: UInt8)? {
        let limit = UInt8(classCount)
        for i in 0..<values.count {
            let v = values[i]
            if v >= limit && v != Chart.maskValue { return (i, v) }
        }
        return nil
    }

    /// Array form of `firstInvalid(_:classCount:)`.
    public static func firstInvalid(_ values: [UInt8], classCount: Int) -> (index: Int, value: UInt8)? {
        values.withUnsafeBufferPointer { firstInvalid($0, classCount: classCount) }
    }
}
