/// The AutoICE challenge's score arithmetic: percentages rounded to 3 decimals and the
/// weighted combination of the chart scores.
///
/// Reproduces the starter pack (astokholm/AI4ArcticSeaIceChallenge `functions.py`):
/// `compute_metrics` stores `np.round(metric * 100, 3)` per chart and
/// `compute_combined_score` returns `np.round(Σ score·weight / Σ weight, 3)` over the *rounded*
/// chart scores, summing in chart order SIC, SOD, FLOE. `np.round(x, 3)` is
/// `rint(x · 1000) / 1000` with ties to even, which `round3` matches bit for bit.
public enum ChallengeScore {
    /// `np.round(x, 3)`: x·1000 rounded half to even, divided by 1000. NaN stays NaN.
    public static func round3(_ x: Double) -> Double {
        (x * 1000).rounded(.toNearestOrEven) / 1000
    }

    /// The challenge's chart score: `np.round(metric * 100, 3)` (percent).
    public static func percent(_ metric: Double) -> Double {
        round3(metric * 100)
    }

    /// The combined score from rounded chart scores (percent), weighted by `Chart.weight`.
    ///
    /// With all three charts this is (2·SIC + 2·SOD + 1·FLOE) / 5. Charts missing from `scores`
    /// are left out of both sums, as the reference does for a reduced `charts` list.
    /// - Returns: nil when `scores` is empty or any score is NaN (an all-masked chart).
    public static func combined(_ scores: [Chart: Double]) -> Double? {
        var weighted = 0.0, weights = 0.0
        for chart in Chart.allCases {
            guard let score = scores[chart] else { continue }
            if score.isNaN { return nil }
            weighted += score * chart.weight
            weights += chart.weight
        }
        return weights == 0 ? nil : round3(weighted / weights)
    }
}

/// Conversion of a SIC value (regression output, or a percentage) to the AutoICE class index in
/// tenths (named apart from SeaIceCharts' `SICClass`, the chart's concentration class).
public enum SICClassIndex {
    /// The class index of a regression output in tenths: rounded half to even (as `torch.round`),
    /// then clamped to [0, 10]. NaN becomes the mask value 255.
    ///
    /// The reference code (echonax07/MMSeaIce `class_decider`) clamps to 12, a bug noted in
    /// ../shared/specs/mmseaice.md: SIC has 11 classes, so 11 and 12 are not valid classes.
    public static func fromRegression(_ value: Float) -> UInt8 {
        if value.isNaN { return Chart.maskValue }
        let r = value.rounded(.toNearestOrEven)
        return UInt8(min(max(r, 0), 10))
    }

    /// The class index (tenths) of a concentration in percent 0…100, rounded half to even;
    /// nil when the value is outside 0…100.
    public static func fromPercent(_ value: UInt8) -> UInt8? {
        guard value <= 100 else { return nil }
        return UInt8((Double(value) / 10).rounded(.toNearestOrEven))
    }
}
