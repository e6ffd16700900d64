/// Accumulation of continuous values and of class matrices.
extension RegressionSums {
    /// Adds the pixels of one array pair (same pixels, same order), in two passes over the batch
    /// (mean, then deviations) merged into the running sums.
    ///
    /// A pixel is skipped when its reference is NaN or equals `ignore`, when `mask` is false there,
    /// or when its weight is 0. A NaN prediction at a valid reference is counted and makes the error
    /// sums NaN (a broken prediction is not hidden). `weights` must be ≥ 0.
    public mutating func accumulate(reference: [Float], prediction: [Float], ignore: Float? = nil,
                                    mask: [Bool]? = nil, weights: [Float]? = nil) {
        let n = reference.count
        precondition(prediction.count == n, "reference has \(n) pixels, prediction \(prediction.count)")
        precondition(mask.map { $0.count == n } ?? true, "mask has \(mask?.count ?? 0) pixels, reference \(n)")
        precondition(weights.map { $0.count == n } ?? true,
                     "weights have \(weights?.count ?? 0) pixels, reference \(n)")
        func weight(_ i: Int) -> Double? {
            let y = reference[i]
            if y.isNaN || y == ignore { return nil }
            if let mask, !mask[i] { return nil }
            guard let weights else { return 1 }
            precondition(weights[i] >= 0, "weight \(weights[i]) at pixel \(i) is negative")
            return weights[i] > 0 ? Double(weights[i]) : nil
        }
        var batch = RegressionSums()
        var sumY = 0.0
        for i in 0..<n {
            guard let w = weight(i) else { continue }
            batch.samples += 1
            batch.weight += w
            sumY += w * Double(reference[i])
        }
        guard batch.weight > 0 else { return }
        batch.referenceMean = sumY / batch.weight
        for i in 0..<n {
            guard let w = weight(i) else { continue }
            let y = Double(reference[i]), e = Double(prediction[i]) - y, d = y - batch.referenceMean
            batch.referenceSpread += w * d * d
            batch.sumError += w * e
            batch.sumAbsoluteError += w * abs(e)
            batch.sumSquaredError += w * e * e
        }
        merge(batch)
    }

    /// The exact sums of a confusion matrix whose class k stands for the number `values[k]` (e.g. the
    /// class index itself, or SIC in %): every cell (r, c) counts `m[r, c]` pixels with y = values[r]
    /// and ŷ = values[c]. With `Int64` counts and integer values the sums are exact below 2⁵³.
    /// `samples` is the pixel count for `Int64` counts; a weighted matrix keeps no pixel count, so
    /// each cell's weight rounded up stands in for it.
    public init<Count: ConfusionCount>(_ matrix: ClassConfusionMatrix<Count>, values: [Double]) {
        let k = matrix.classCount
        precondition(values.count == k, "\(k) classes but \(values.count) values")
        var n = 0.0, pixels: Int64 = 0, sumY = 0.0
        var sumE = 0.0, sumAbs = 0.0, sumSq = 0.0
        for r in 0..<k {
            for c in 0..<k {
                let count = matrix[r, c]
                if count == .zero { continue }
                let w = count.doubleValue, e = values[c] - values[r]
                n += w
                pixels += Int64(exactly: w.rounded(.up)) ?? 0
                sumY += w * values[r]
                sumE += w * e
                sumAbs += w * abs(e)
                sumSq += w * e * e
            }
        }
        let mean = n > 0 ? sumY / n : 0
        var spread = 0.0
        for (r, support) in matrix.rowSums.enumerated() where support != .zero {
            let d = values[r] - mean
            spread += support.doubleValue * d * d
        }
        self.init(samples: pixels, weight: n, referenceMean: mean, referenceSpread: spread,
                  sumError: sumE, sumAbsoluteError: sumAbs, sumSquaredError: sumSq)
    }
}
