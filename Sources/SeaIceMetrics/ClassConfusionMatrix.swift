/// A pixel count or a summed pixel weight in a confusion matrix: `Int64` (exact counts) or `Double`
/// (weighted counts).
public protocol ConfusionCount: Numeric, Comparable, Hashable, Codable, Sendable {
    /// The count as a floating-point number (exact for `Int64` counts below 2⁵³).
    var doubleValue: Double { get }
}

extension Int64: ConfusionCount {
    /// The count as a `Double`.
    @inlinable public var doubleValue: Double { Double(self) }
}

extension Double: ConfusionCount {
    /// The weight itself.
    @inlinable public var doubleValue: Double { self }
}

/// What a prediction equal to the ignore value does at a pixel whose reference is valid.
public enum MaskedPrediction: Equatable, Sendable {
    /// The pixel is not counted.
    case skip
    /// The pixel is counted with this predicted class index (e.g. an extra "masked" class, as
    /// scikit-learn would see the value 255 as one more label).
    case countAs(Int)
}

/// A K × K confusion matrix of class indices 0 ..< K, accumulated in streaming form (any number of
/// scenes pooled without holding their pixels); rows are reference classes, columns predicted classes.
///
/// `Count` is `Int64` for pixel counts or `Double` for weighted counts. Every metric in this module
/// (`ClassConfusionMatrix+Scores.swift`, `BinaryCounts`, `RegressionSums.init(_:values:)`) is an exact
/// function of the matrix.
public struct ClassConfusionMatrix<Count: ConfusionCount>: Equatable, Sendable, Codable {
    /// Number of classes K.
    public let classCount: Int
    /// Row-major counts, K × K; element `r · K + c` counts reference class r predicted as c.
    public var counts: [Count] { storage }
    @usableFromInline var storage: [Count]

    /// An empty matrix for class indices 0 ..< `classCount` (K ≥ 1).
    public init(classCount: Int) {
        precondition(classCount >= 1, "classCount must be at least 1, got \(classCount)")
        self.classCount = classCount
        storage = [Count](repeating: .zero, count: classCount * classCount)
    }

    /// A matrix with the given row-major K × K `counts` (reference rows, predicted columns).
    public init(classCount: Int, counts: [Count]) {
        precondition(classCount >= 1 && counts.count == classCount * classCount,
                     "a \(classCount)-class matrix needs \(classCount * classCount) counts, got \(counts.count)")
        self.classCount = classCount
        storage = counts
    }

    /// The count of reference class `reference` predicted as `prediction`.
    @inlinable
    public subscript(reference: Int, prediction: Int) -> Count {
        storage[reference * classCount + prediction]
    }

    /// Adds `weight` to the cell (reference, prediction); both must be in 0 ..< K.
    @inlinable
    public mutating func add(reference: Int, prediction: Int, weight: Count = 1) {
        precondition(reference >= 0 && reference < classCount && prediction >= 0 && prediction < classCount,
                     "class out of range: reference \(reference), prediction \(prediction), classCount \(classCount)")
        storage[reference * classCount + prediction] += weight
    }

    /// Adds the counts of `other` (same class count): pooling scenes.
    public mutating func merge(_ other: ClassConfusionMatrix) {
        precondition(other.classCount == classCount,
                     "cannot merge a \(other.classCount)-class matrix into a \(classCount)-class one")
        for i in storage.indices { storage[i] += other.storage[i] }
    }

    /// Sum of all cells (pooled pixels or weight).
    public var total: Count { storage.reduce(.zero, +) }

    /// Reference count per class (the support of each class).
    public var rowSums: [Count] {
        (0..<classCount).map { r in (0..<classCount).reduce(Count.zero) { $0 + self[r, $1] } }
    }

    /// Prediction count per class.
    public var columnSums: [Count] {
        (0..<classCount).map { c in (0..<classCount).reduce(Count.zero) { $0 + self[$1, c] } }
    }

    /// Classes present in the reference or the prediction, ascending: the label set scikit-learn's
    /// `unique_labels(y_true, y_pred)` would use.
    public var presentClasses: [Int] {
        let rows = rowSums, cols = columnSums
        return (0..<classCount).filter { rows[$0] != .zero || cols[$0] != .zero }
    }

    private enum CodingKeys: String, CodingKey { case classCount, counts }

    /// Decodes `classCount` and `counts`, checking that there are K² counts.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let k = try c.decode(Int.self, forKey: .classCount)
        let counts = try c.decode([Count].self, forKey: .counts)
        guard k >= 1, counts.count == k * k else {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: c,
                debugDescription: "expected \(k)² counts for classCount \(k) ≥ 1, found \(counts.count)")
        }
        self.init(classCount: k, counts: counts)
    }

    /// Encodes `classCount` and `counts`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(classCount, forKey: .classCount)
        try c.encode(storage, forKey: .counts)
    }
}

/// Pixel-count and weighted matrices.
public typealias CountConfusionMatrix = ClassConfusionMatrix<Int64>
/// A confusion matrix of summed pixel weights.
public typealias WeightedConfusionMatrix = ClassConfusionMatrix<Double>
