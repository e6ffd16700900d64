import SeaIceMetrics

/// R² of class indices, computed exactly from a `ConfusionMatrix` with scikit-learn's semantics.
///
/// The challenge scores SIC with `sklearn.metrics.r2_score(y_true, y_pred)` on the pooled class
/// indices (AutoICE starter pack `functions.r2_metric`). Because both arrays hold small integers,
/// the sums it needs — n, Σy per class, Σ(y − ŷ)² — follow exactly from the pair counts (the metrics
/// core's `RegressionSums(_:values:)` with each index standing for its label value):
///
///     SS_res = Σ_{r,c} count[r, c] · (r − c)²          (exact below 2⁵³)
///     SS_tot = Σ_r support[r] · (r − ȳ)²,   ȳ = Σ_r support[r] · r / n
///     R²     = 1 − SS_res / SS_tot
///
/// Edge cases as scikit-learn (`force_finite=True`, `RegressionSums.coefficientOfDetermination`):
/// fewer than 2 samples → NaN (undefined); SS_res = 0 → 1; SS_tot = 0 (constant reference) with
/// SS_res ≠ 0 → 0. A predicted value of 255 (mask) at a valid reference pixel counts as the number
/// 255, as it would in scikit-learn.
public struct RegressionMetrics: Equatable, Sendable, Codable {
    /// Number of pooled pixels.
    public var count: Int64
    /// Residual sum of squares Σ(y − ŷ)² (class-index units²).
    public var residualSumOfSquares: Double
    /// Total sum of squares Σ(y − ȳ)² (class-index units²).
    public var totalSumOfSquares: Double
    /// Mean of the reference class index.
    public var referenceMean: Double

    /// Derives the sums from `matrix`.
    public init(_ matrix: ConfusionMatrix) {
        let sums = RegressionSums(matrix.core, values: (0..<matrix.size).map { Double(matrix.value(at: $0)) })
        count = sums.samples
        residualSumOfSquares = sums.sumSquaredError
        totalSumOfSquares = sums.referenceSpread
        referenceMean = sums.samples == 0 ? .nan : sums.referenceMean
    }

    /// The coefficient of determination; NaN with fewer than 2 pixels (scikit-learn warns and returns NaN).
    public var r2: Double {
        RegressionSums.coefficientOfDetermination(samples: count, residual: residualSumOfSquares,
                                                  total: totalSumOfSquares) ?? .nan
    }

    /// Mean squared error in class-index units² (NaN when empty).
    public var meanSquaredError: Double {
        count == 0 ? .nan : residualSumOfSquares / Double(count)
    }
}
