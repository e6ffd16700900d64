/// Accumulation of class-index arrays (reference and prediction of the same pixels, same order).
///
/// A pixel is skipped when its reference equals `ignore`, when `mask` is false there, or when its
/// weight is 0. A prediction equal to `ignore` at a valid reference follows `maskedPrediction`.
/// Any other label outside 0 ..< K is a programmer error (check data first with
/// `ClassLabels.firstInvalid`) and stops at a precondition naming the values.
extension ClassConfusionMatrix {
    /// The shared loop: `weight(i)` is the pixel's weight, nil to skip it.
    @inlinable
    mutating func accumulate<Label: BinaryInteger>(
        reference: UnsafeBufferPointer<Label>, prediction: UnsafeBufferPointer<Label>, ignore: Label?,
        maskedPrediction: MaskedPrediction, weight: (Int) -> Count?
    ) {
        precondition(reference.count == prediction.count,
                     "reference has \(reference.count) pixels, prediction \(prediction.count)")
        let k = classCount
        var maskedIndex = -1
        if case let .countAs(index) = maskedPrediction {
            precondition(index >= 0 && index < k, "maskedPrediction index \(index) outside 0..<\(k)")
            maskedIndex = index
        }
        storage.withUnsafeMutableBufferPointer { cells in
            for i in 0..<reference.count {
                let r = reference[i], p = prediction[i]
                if let ignore, r == ignore { continue }
                guard let w = weight(i), w != .zero else { continue }
                var pi = Int(truncatingIfNeeded: p)
                if let ignore, p == ignore {
                    if maskedIndex < 0 { continue }
                    pi = maskedIndex
                }
                let ri = Int(truncatingIfNeeded: r)
                precondition(ri >= 0 && ri < k && pi >= 0 && pi < k,
                             "label out of range at pixel \(i): reference \(r), prediction \(p), classCount \(k)")
                cells[ri * k + pi] += w
            }
        }
    }

    /// Counts every pixel pair (optionally only where `mask` is true) with weight 1.
    @inlinable
    public mutating func accumulate<Label: BinaryInteger>(
        reference: UnsafeBufferPointer<Label>, prediction: UnsafeBufferPointer<Label>, ignore: Label? = nil,
        maskedPrediction: MaskedPrediction = .skip, mask: UnsafeBufferPointer<Bool>? = nil
    ) {
        if let mask {
            precondition(mask.count == reference.count, "mask has \(mask.count) pixels, reference \(reference.count)")
            accumulate(reference: reference, prediction: prediction, ignore: ignore,
                       maskedPrediction: maskedPrediction) { mask[$0] ? 1 : nil }
        } else {
            accumulate(reference: reference, prediction: prediction, ignore: ignore,
                       maskedPrediction: maskedPrediction) { _ in 1 }
        }
    }

    /// Array form of `accumulate(reference:prediction:ignore:maskedPrediction:mask:)`.
    @inlinable
    public mutating func accumulate<Label: BinaryInteger>(
        reference: [Label], prediction: [Label], ignore: Label? = nil,
        maskedPrediction: MaskedPrediction = .skip, mask: [Bool]? = nil
    ) {
        reference.withUnsafeBufferPointer { r in
            prediction.withUnsafeBufferPointer { p in
                if let mask {
                    mask.withUnsafeBufferPointer { m in
                        accumulate(reference: r, prediction: p, ignore: ignore, maskedPrediction: maskedPrediction,
                                   mask: m)
                    }
                } else {
                    accumulate(reference: r, prediction: p, ignore: ignore, maskedPrediction: maskedPrediction)
                }
            }
        }
    }
}

extension ClassConfusionMatrix where Count == Double {
    /// Adds every pixel pair with its weight (`weights[i]` ≥ 0, same pixels; 0 skips the pixel).
    @inlinable
    public mutating func accumulate<Label: BinaryInteger>(
        reference: [Label], prediction: [Label], weights: [Float], ignore: Label? = nil,
        maskedPrediction: MaskedPrediction = .skip
    ) {
        precondition(weights.count == reference.count,
                     "weights have \(weights.count) pixels, reference \(reference.count)")
        reference.withUnsafeBufferPointer { r in
            prediction.withUnsafeBufferPointer { p in
                weights.withUnsafeBufferPointer { w in
                    accumulate(reference: r, prediction: p, ignore: ignore, maskedPrediction: maskedPrediction) { i in
                        precondition(w[i] >= 0, "weight \(w[i]) at pixel \(i) is negative")
                        return Double(w[i])
                    }
                }
            }
        }
    }
}

/// Checks class-label arrays before they are accumulated.
public enum ClassLabels {
    /// The position and value of the first element that is neither `ignore` nor in 0 ..< `classCount`.
    public static func firstInvalid<Label: BinaryInteger>(
        _ values: UnsafeBufferPointer<Label>, classCount: Int, ignore: Label? = nil
    ) -> (index: Int, value: Label)? {
        for i in 0..<values.count {
            let v = values[i]
            if let ignore, v == ignore { continue }
            if v < 0 || v >= classCount { return (i, v) }
        }
        return nil
    }

    /// Array form of `firstInvalid(_:classCount:ignore:)`.
    public static func firstInvalid<Label: BinaryInteger>(
        _ values: [Label], classCount: Int, ignore: Label? = nil
    ) -> (index: Int, value: Label)? {
        values.withUnsafeBufferPointer { firstInvalid($0, classCount: classCount, ignore: ignore) }
    }
}
