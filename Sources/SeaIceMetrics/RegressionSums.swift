/// Streaming sums for continuous metrics (R², MAE, RMSE, bias) of a prediction ŷ against a
/// reference y, in the variable's own unit (e.g. SIC in %, or class-index units).
///
/// The sums are kept so that scenes are pooled by `merge` without holding pixels: the weighted
/// reference mean and spread Σw(y − ȳ)² are combined with Chan et al.'s parallel update (1979), the
/// error sums are added. All metrics follow scikit-learn (`r2_score`, `mean_absolute_error`,
/// `mean_squared_error` with `sample_weight`). Undefined values are nil: every metric of empty sums,
/// and R² with fewer than 2 samples.
public struct RegressionSums: Equatable, Sendable, Codable {
    /// Number of pixels counted.
    public var samples: Int64
    /// Σw (equals `samples` without weights).
    public var weight: Double
    /// Weighted mean of the reference ȳ (0 when empty).
    public var referenceMean: Double
    /// Σw(y − ȳ)², the total sum of squares of R².
    public var referenceSpread: Double
    /// Σw(ŷ − y).
    public var sumError: Double
    /// Σw|ŷ − y|.
    public var sumAbsoluteError: Double
    /// Σw(ŷ − y)², the residual sum of squares of R².
    public var sumSquaredError: Double

    /// Sums with the given values (all 0: empty).
    public init(samples: Int64 = 0, weight: Double = 0, referenceMean: Double = 0, referenceSpread: Double = 0,
                sumError: Double = 0, sumAbsoluteError: Double = 0, sumSquaredError: Double = 0) {
        self.samples = samples
        self.weight = weight
        self.referenceMean = referenceMean
        self.referenceSpread = referenceSpread
        self.sumError = sumError
        self.sumAbsoluteError = sumAbsoluteError
        self.sumSquaredError = sumSquaredError
    }

    /// Pools `other` into these sums (Chan et al.'s update for the mean and spread).
    public mutating func merge(_ other: RegressionSums) {
        guard other.weight > 0 else { samples += other.samples; return }
        guard weight > 0 else { let s = samples; self = other; samples += s; return }
        let w = weight + other.weight, delta = other.referenceMean - referenceMean
        referenceMean += delta * other.weight / w
        referenceSpread += other.referenceSpread + delta * delta * weight * other.weight / w
        weight = w
        samples += other.samples
        sumError += other.sumError
        sumAbsoluteError += other.sumAbsoluteError
        sumSquaredError += other.sumSquaredError
    }

    /// Mean error Σw(ŷ − y) / Σw (positive: the prediction is too high); nil when empty.
    public var bias: Double? { weight > 0 ? sumError / weight : nil }
    /// Mean absolute error; nil when empty.
    public var meanAbsoluteError: Double? { weight > 0 ? sumAbsoluteError / weight : nil }
    /// Mean squared error; nil when empty.
    public var meanSquaredError: Double? { weight > 0 ? sumSquaredError / weight : nil }
    /// Root-mean-square error; nil when empty.
    public var rootMeanSquaredError: Double? { meanSquaredError.map { $0.squareRoot() } }
    /// The coefficient of determination 1 − SS_res / SS_tot (`coefficientOfDetermination`).
    public var r2: Double? {
        Self.coefficientOfDetermination(samples: samples, residual: sumSquaredError, total: referenceSpread)
    }

    /// R² = 1 − residual / total with scikit-learn's edge cases (`force_finite=True`): nil with fewer
    /// than 2 samples (scikit-learn warns and returns NaN); 1 when residual = 0; 0 when the reference is
    /// constant (total = 0) and residual ≠ 0.
    public static func coefficientOfDetermination(samples: Int64, residual: Double, total: Double) -> Double? {
        guard samples >= 2 else { return nil }
        if residual == 0 { return 1 }
        if total == 0 { return 0 }
        return 1 - residual / total
    }
}
