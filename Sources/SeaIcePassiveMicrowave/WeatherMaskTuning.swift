import SeaIceAuxiliary

/// Tunes the threshold of the new 18.7/89 GHz weather mask (`WeatherFilter.gr8919`) on the training half of the
/// real RRDP points only (`RRDPSplit.training`), deterministically.
///
/// Weather-contaminated open water: SIC = 0 points where NASA Team without a filter reports ≥ 15 % ice (the
/// extent threshold). Candidates: thresholds k/1000, k = 0…200. Constraint: the share of training ice points
/// the mask removes is at most the NASA Team filter's share on the same points. Objective: the largest share
/// of contaminated training water removed; among the thresholds that tie, the middle one (widest margin to
/// both classes, rounded down to the grid).
public enum WeatherMaskTuning {
    /// The threshold `tune` finds on the real RRDP training half (a test re-runs the tuning and checks it).
    public static let rrdpThreshold = 0.059

    /// The concentration above which an open-water point counts as ice ("let through as ice"), fraction.
    public static let iceThreshold = 0.15

    /// The result of a tuning run.
    public struct Result: Sendable, Equatable, Codable {
        /// The chosen threshold on GR(89V/18.7V).
        public var threshold: Double
        /// Share of training ice points the mask removes, and the NASA Team filter's.
        public var iceLoss: Double, nasaTeamIceLoss: Double
        /// Share of contaminated training water the mask removes, and the NASA Team filter's.
        public var contaminatedRemoved: Double, nasaTeamContaminatedRemoved: Double
        /// Number of contaminated training water points and of training ice points.
        public var contaminatedCount: Int, iceCount: Int
    }

    /// The water points NASA Team (no filter) reports as ≥ 15 % ice.
    public static func contaminated(_ water: [RRDPPoint], algorithm: NASATeam = NASATeam()) -> [RRDPPoint] {
        water.filter { algorithm.estimate($0.brightnessTemperatures).concentration >= iceThreshold }
    }

    /// Share of `points` that `filter` flags (0 for none).
    public static func flaggedShare(_ filter: WeatherFilter, _ points: [RRDPPoint]) -> Double {
        points.isEmpty ? 0 : Double(points.count { filter.isWeather($0.brightnessTemperatures) }) / Double(points.count)
    }

    /// Tunes on `training` (the training half).
    public static func tune(training: (ice: [RRDPPoint], water: [RRDPPoint])) -> Result {
        let dirty = contaminated(training.water)
        let ntLoss = flaggedShare(.nasaTeam, training.ice)
        var best: (removed: Double, ks: [Int]) = (-1, [])
        for k in 0...200 {
            let mask = WeatherFilter.gr8919(threshold: Double(k) / 1000)
            guard flaggedShare(mask, training.ice) <= ntLoss else { continue }
            let removed = flaggedShare(mask, dirty)
            if removed > best.removed { best = (removed, [k]) } else if removed == best.removed { best.ks.append(k) }
        }
        precondition(!best.ks.isEmpty, "no GR(89V/18.7V) threshold up to 0.2 keeps the ice loss at the NT filter's")
        let k = best.ks[(best.ks.count - 1) / 2]
        let mask = WeatherFilter.gr8919(threshold: Double(k) / 1000)
        return Result(threshold: Double(k) / 1000, iceLoss: flaggedShare(mask, training.ice), nasaTeamIceLoss: ntLoss,
                      contaminatedRemoved: flaggedShare(mask, dirty),
                      nasaTeamContaminatedRemoved: flaggedShare(.nasaTeam, dirty), contaminatedCount: dirty.count,
                      iceCount: training.ice.count)
    }

    // MARK: The linear-discriminant design (`WeatherFilter.lda8919`)

    /// The four ratios of the discriminant, as (high, low) channel pairs: GR(89V/18.7V), GR(89H/18.7H),
    /// PR(18.7) = (18.7V − 18.7H)/(18.7V + 18.7H), PR(89).
    public static let discriminantFeatures: [(high: AMSR2Reader.Channel, low: AMSR2Reader.Channel)] = [
        (.v89_0, .v18_7), (.h89_0, .h18_7), (.v18_7, .h18_7), (.v89_0, .h89_0),
    ]

    /// The discriminant `tuneDiscriminant` finds on the real RRDP training half, rounded to 6 decimals (a test
    /// re-runs the tuning and checks it). Weights in the order of `discriminantFeatures`.
    public static let rrdpDiscriminant = discriminant(weights: [0.984704, -0.947885, 1, -0.934977], threshold: 0.009403)

    /// The discriminant with `weights` (in the order of `discriminantFeatures`) and `threshold`.
    public static func discriminant(weights: [Double], threshold: Double) -> WeatherFilter.Discriminant {
        precondition(weights.count == discriminantFeatures.count, "\(weights.count) weights for \(discriminantFeatures.count) features")
        return WeatherFilter.Discriminant(
            terms: zip(discriminantFeatures, weights).map { .init(high: $0.0.high, low: $0.0.low, weight: $0.1) },
            threshold: threshold)
    }

    /// The result of tuning the discriminant.
    public struct DiscriminantResult: Sendable, Equatable, Codable {
        /// Weights in the order of `discriminantFeatures` (largest |weight| = 1), and the threshold.
        public var weights: [Double], threshold: Double
        /// Share of training ice points it removes, and the NASA Team filter's.
        public var iceLoss: Double, nasaTeamIceLoss: Double
        /// Share of contaminated training water it removes, and the NASA Team filter's.
        public var contaminatedRemoved: Double, nasaTeamContaminatedRemoved: Double
    }

    /// Tunes the discriminant on `training` (the training half), deterministically and in closed form.
    ///
    /// Direction: Fisher's linear discriminant of the training open-water points against the training ice
    /// points (those with all four ratios finite), w = (S_water + S_ice)⁻¹ (μ_water − μ_ice) with S the
    /// scatter matrices (sums over the points in file order), scaled so that the largest |wᵢ| is 1. Threshold:
    /// the contaminated-water removal falls as the threshold rises, so the best threshold allowed is the lowest
    /// one at which the share of training ice points scoring above it is at most the NASA Team filter's share;
    /// of the thresholds that remove the same contaminated points, the middle one is taken (as `tune` does).
    public static func tuneDiscriminant(training: (ice: [RRDPPoint], water: [RRDPPoint])) -> DiscriminantResult {
        func features(_ p: RRDPPoint) -> [Double]? {
            let f = discriminantFeatures.map { gradientRatio(p[$0.high], p[$0.low]) }
            return f.allSatisfy(\.isFinite) ? f : nil
        }
        let ice = training.ice.compactMap(features), water = training.water.compactMap(features)
        let n = discriminantFeatures.count
        func mean(_ xs: [[Double]]) -> [Double] {
            var m = [Double](repeating: 0, count: n)
            for x in xs { for i in 0..<n { m[i] += x[i] } }
            return m.map { $0 / Double(max(xs.count, 1)) }
        }
        let mi = mean(ice), mw = mean(water)
        var scatter = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for (xs, m) in [(water, mw), (ice, mi)] {
            for x in xs {
                for i in 0..<n { for j in 0..<n { scatter[i][j] += (x[i] - m[i]) * (x[j] - m[j]) } }
            }
        }
        var w = solve(scatter, zip(mw, mi).map { $0 - $1 })
        let largest = w.map(abs).max() ?? 1
        w = w.map { $0 / largest }
        let ntLoss = flaggedShare(.nasaTeam, training.ice)
        let dirty = contaminated(training.water)
        let probe = discriminant(weights: w, threshold: 0)
        // Ice scores, highest first: up to `allowed` of them may lie above the threshold.
        let iceScores = training.ice.map { probe.score($0.brightnessTemperatures) }.filter(\.isFinite).sorted(by: >)
        let allowed = Int((ntLoss * Double(training.ice.count)).rounded(.down))
        let floor = iceScores.isEmpty ? -Double.infinity : iceScores[min(allowed, iceScores.count - 1)]
        let next = dirty.map { probe.score($0.brightnessTemperatures) }.filter { $0 > floor }.min()
        let threshold = next.map { (floor + $0) / 2 } ?? floor
        let mask = WeatherFilter.lda8919(discriminant(weights: w, threshold: threshold))
        return DiscriminantResult(weights: w, threshold: threshold, iceLoss: flaggedShare(mask, training.ice),
                                  nasaTeamIceLoss: ntLoss, contaminatedRemoved: flaggedShare(mask, dirty),
                                  nasaTeamContaminatedRemoved: flaggedShare(.nasaTeam, dirty))
    }

    /// Solves `a` x = `b` by Gaussian elimination with partial pivoting (a small dense system).
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var m = a, x = b
        let n = b.count
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            m.swapAt(col, pivot)
            x.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let f = m[row][col] / m[col][col]
                for k in col..<n { m[row][k] -= f * m[col][k] }
                x[row] -= f * x[col]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}

