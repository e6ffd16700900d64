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
}
