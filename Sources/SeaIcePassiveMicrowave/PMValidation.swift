import Foundation

/// Validation of concentration algorithms and weather filters on the held-out half of the real RRDP points
/// (`seaice pm validate`). Exact and reproducible: the points are read in file order, the split is by date
/// (`RRDPSplit`), every sum runs in that order, so the same files give the same numbers bit for bit.
public struct PMValidation: Sendable, Codable, Equatable {
    /// One algorithm with one filter (or none) on the held-out points.
    public struct Row: Sendable, Codable, Equatable {
        /// Algorithm and filter names ("none" without a filter).
        public var algorithm: String, filter: String
        /// SIC = 1 points: bias (mean − 1), standard deviation and RMSE of the retrieved concentration, fraction.
        public var iceBias: Double, iceStandardDeviation: Double, iceRMSE: Double
        /// SIC = 0 points: bias (mean − 0), standard deviation and RMSE, fraction.
        public var waterBias: Double, waterStandardDeviation: Double, waterRMSE: Double
        /// Share of open-water points reported as ice (≥ 15 %) after the filter.
        public var waterAsIce: Double
        /// Share of ice points the filter removes (sets to 0).
        public var iceRemoved: Double
        /// Share of the weather-contaminated open-water points (NASA Team without filter ≥ 15 %) the filter removes.
        public var contaminatedRemoved: Double
        /// Points used (valid input) at SIC = 1 and SIC = 0.
        public var iceCount: Int, waterCount: Int
    }

    /// The rows, algorithm by algorithm, filters in the order given.
    public var rows: [Row]
    /// The tuning of the new mask on the training half.
    public var tuning: WeatherMaskTuning.Result
    /// Held-out points: ice, water, contaminated water.
    public var heldOutIce: Int, heldOutWater: Int, heldOutContaminated: Int

    /// Runs every algorithm with no filter and with each of `filters` on the held-out half of `data`.
    public init(data: RRDPData, algorithms: [any ConcentrationAlgorithm], filters: [WeatherFilter]) {
        let train = data.split(.training), test = data.split(.heldOut)
        tuning = WeatherMaskTuning.tune(training: train)
        let dirty = WeatherMaskTuning.contaminated(test.water)
        heldOutIce = test.ice.count
        heldOutWater = test.water.count
        heldOutContaminated = dirty.count
        rows = []
        for algorithm in algorithms {
            for filter in [nil] + filters.map(Optional.some) {
                let ice = test.ice.map { algorithm.estimate($0.brightnessTemperatures, filter: filter) }
                    .filter { !$0.flags.contains(.invalidInput) }
                let water = test.water.map { algorithm.estimate($0.brightnessTemperatures, filter: filter) }
                    .filter { !$0.flags.contains(.invalidInput) }
                let si = SampleStatistics(ice.map(\.concentration)), sw = SampleStatistics(water.map(\.concentration))
                func share(_ xs: [ConcentrationEstimate], _ p: (ConcentrationEstimate) -> Bool) -> Double {
                    xs.isEmpty ? .nan : Double(xs.count(where: p)) / Double(xs.count)
                }
                rows.append(Row(
                    algorithm: algorithm.name, filter: filter?.name ?? "none",
                    iceBias: si.mean - 1, iceStandardDeviation: si.standardDeviation, iceRMSE: si.rmse(reference: 1),
                    waterBias: sw.mean, waterStandardDeviation: sw.standardDeviation, waterRMSE: sw.rmse(reference: 0),
                    waterAsIce: share(water) { $0.concentration >= WeatherMaskTuning.iceThreshold },
                    iceRemoved: share(ice) { $0.flags.contains(.weatherFiltered) },
                    contaminatedRemoved: filter.map { WeatherMaskTuning.flaggedShare($0, dirty) } ?? 0,
                    iceCount: ice.count, waterCount: water.count))
            }
        }
    }

    /// The row of `algorithm` with `filter` ("none" for no filter).
    public func row(_ algorithm: String, _ filter: String) -> Row? {
        rows.first { $0.algorithm == algorithm && $0.filter == filter }
    }

    /// The unfiltered, unclamped concentrations of `algorithm` on the held-out ice and water points (for
    /// histograms), invalid points left out.
    public static func heldOutConcentrations(_ algorithm: some ConcentrationAlgorithm,
                                             data: RRDPData) -> (ice: [Double], water: [Double]) {
        let test = data.split(.heldOut)
        func values(_ points: [RRDPPoint]) -> [Double] {
            points.map { algorithm.estimate($0.brightnessTemperatures) }.filter { !$0.flags.contains(.invalidInput) }
                .map(\.unclamped)
        }
        return (values(test.ice), values(test.water))
    }

    /// The table as Markdown (percentages with two decimals), saying that the figures are real.
    public var markdown: String {
        func pct(_ v: Double) -> String { String(format: "%.2f", v * 100) }
        var s = """
            # Passive-microwave concentration on the real RRDP points (held-out half)

            Real data: AMSR2 L1R brightness temperatures of the ESA CCI RRDP, \(heldOutIce) SIC = 1 points (Arctic \
            2017) and \(heldOutWater) SIC = 0 points (2012) on even days of year; \(heldOutContaminated) of the \
            SIC = 0 points are weather-contaminated (NASA Team without a filter ≥ 15 %). All figures in percent.
            New mask GR(89V/18.7V) > \(tuning.threshold), tuned on the training half (odd days): ice loss \
            \(pct(tuning.iceLoss)) % (NT filter \(pct(tuning.nasaTeamIceLoss)) %), contaminated water removed \
            \(pct(tuning.contaminatedRemoved)) % (NT filter \(pct(tuning.nasaTeamContaminatedRemoved)) %).

            | algorithm | filter | bias SIC=1 | sd SIC=1 | RMSE SIC=1 | bias SIC=0 | sd SIC=0 | RMSE SIC=0 \
            | water as ice | ice removed | contaminated removed |
            |---|---|---|---|---|---|---|---|---|---|---|

            """
        for r in rows {
            s += "| \(r.algorithm) | \(r.filter) | \(pct(r.iceBias)) | \(pct(r.iceStandardDeviation)) | "
                + "\(pct(r.iceRMSE)) | \(pct(r.waterBias)) | \(pct(r.waterStandardDeviation)) | \(pct(r.waterRMSE)) | "
                + "\(pct(r.waterAsIce)) | \(pct(r.iceRemoved)) | \(pct(r.contaminatedRemoved)) |\n"
        }
        return s
    }
}

extension PMValidation {
    /// The CCI tie-point files `seaice pm validate` reads from an RRDP folder's `aux/`, by channel set.
    public static let cciFiles = ["KKA", "KA", "CKA"].map { ($0, "\($0)_sic_CCI-RRDP.json") }

    /// The algorithms validated by default: NASA Team with the NSIDC-0802 tie points ("nasa-team") and with tie
    /// points fitted to the training half of `data` ("nasa-team-rrdp", `NASATeamTiePoints.fitted`, its spread
    /// measured there too), ASI, and the CCI hybrid of every tie-point file of `cciFiles` present in `aux`
    /// (named "cci-hybrid-KKA" …).
    /// - Throws: the `CCITiePoints.read` error of a file that is present but bad.
    public static func standardAlgorithms(data: RRDPData, aux: URL) throws -> [any ConcentrationAlgorithm] {
        let train = data.split(.training)
        var fitted = NASATeam(tiePoints: .fitted(water: train.water, ice: train.ice), name: "nasa-team-rrdp")
        fitted.spread = TiePointSpread.measure(fitted, water: train.water, ice: train.ice)
        var out: [any ConcentrationAlgorithm] = [NASATeam(), fitted, ASI()]
        for (set, file) in cciFiles {
            let url = aux.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            out.append(CCIHybrid(tiePoints: try CCITiePoints.read(url), name: "cci-hybrid-\(set)"))
        }
        return out
    }

    /// The filters validated by default: NASA Team's, ASI's and the new 18.7/89 GHz mask.
    public static let standardFilters: [WeatherFilter] = [.nasaTeam, .asi, .gr8919()]
}
