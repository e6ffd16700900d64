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
    /// The tuning of the new mask's linear-discriminant design on the training half.
    public var discriminantTuning: WeatherMaskTuning.DiscriminantResult
    /// Bias at SIC = 1 (fraction) of NASA Team with the NSIDC-0802 tie points and its filter on the held-out
    /// points of each month, January first (NaN for a month without points).
    public var nasaTeamIceBiasByMonth: [Double]
    /// Held-out points: ice, water, contaminated water.
    public var heldOutIce: Int, heldOutWater: Int, heldOutContaminated: Int

    /// Runs every algorithm with no filter and with each of `filters` on the held-out half of `data`.
    public init(data: RRDPData, algorithms: [any ConcentrationAlgorithm], filters: [WeatherFilter]) {
        let train = data.split(.training), test = data.split(.heldOut)
        tuning = WeatherMaskTuning.tune(training: train)
        discriminantTuning = WeatherMaskTuning.tuneDiscriminant(training: train)
        nasaTeamIceBiasByMonth = (1...12).map { month in
            let c = test.ice.filter { $0.month == month }.map { NASATeam().estimate($0.brightnessTemperatures, filter: .nasaTeam) }
                .filter { !$0.flags.contains(.invalidInput) }.map(\.concentration)
            return c.isEmpty ? .nan : SampleStatistics(c).mean - 1
        }
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
            Second design, a linear discriminant over GR(89V/18.7V), GR(89H/18.7H), PR(18.7), PR(89) with weights \
            \(discriminantTuning.weights.map { String(format: "%.6f", $0) }.joined(separator: ", ")) > \
            \(String(format: "%.6f", discriminantTuning.threshold)) (lda89-19-mask), tuned on the training half: ice \
            loss \(pct(discriminantTuning.iceLoss)) %, contaminated water removed \
            \(pct(discriminantTuning.contaminatedRemoved)) %.

            | algorithm | filter | bias SIC=1 | sd SIC=1 | RMSE SIC=1 | bias SIC=0 | sd SIC=0 | RMSE SIC=0 \
            | water as ice | ice removed | contaminated removed |
            |---|---|---|---|---|---|---|---|---|---|---|

            """
        for r in rows {
            s += "| \(r.algorithm) | \(r.filter) | \(pct(r.iceBias)) | \(pct(r.iceStandardDeviation)) | "
                + "\(pct(r.iceRMSE)) | \(pct(r.waterBias)) | \(pct(r.waterStandardDeviation)) | \(pct(r.waterRMSE)) | "
                + "\(pct(r.waterAsIce)) | \(pct(r.iceRemoved)) | \(pct(r.contaminatedRemoved)) |\n"
        }
        return s + notes
    }

    /// What the table says about the issue's bounds, in words (part of `markdown`).
    var notes: String {
        func pct(_ v: Double) -> String { String(format: "%.2f", v * 100) }
        let n = heldOutContaminated
        func count(_ share: Double) -> Int { Int((share * Double(n)).rounded()) }
        var s = "\n## Notes\n\n"
        if let nt = row("nasa-team", "nt-filter") {
            for mask in ["gr89-19-mask", "lda89-19-mask"] {
                guard let m = row("nasa-team", mask) else { continue }
                let beats = m.contaminatedRemoved > nt.contaminatedRemoved && m.iceRemoved <= nt.iceRemoved
                s += "- \(mask): removes \(count(m.contaminatedRemoved))/\(n) (\(pct(m.contaminatedRemoved)) %) of the "
                    + "contaminated held-out water against the NT filter's \(count(nt.contaminatedRemoved))/\(n) "
                    + "(\(pct(nt.contaminatedRemoved)) %), removing \(pct(m.iceRemoved)) % of the ice points against "
                    + "\(pct(nt.iceRemoved)) %: it \(beats ? "beats" : "does not beat") the NT filter.\n"
            }
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let monthly = zip(months, nasaTeamIceBiasByMonth).filter { !$0.1.isNaN }
                .map { "\($0.0) \(String(format: "%+.1f", $0.1 * 100))" }.joined(separator: ", ")
            s += "- nasa-team uses the NSIDC-0802 AMSR2 tie points (checked against NSIDC's pm_icecon set \"nsidc0802\"): "
                + "fixed, year-round tie points made for NSIDC's daily 25 km gridded brightness temperatures. The "
                + "SIC = 1 points are single L1R footprints from every month of 2017, melt and freeze-up included, "
                + "where fixed winter-like ice tie points read low; bias at SIC = 1 by month (%, NT filter): "
                + "\(monthly). Tie points fitted to the data (nasa-team-rrdp, the dynamic tie points of the CCI/OSI SAF "
                + "practice) or NSIDC's tie points for the Unified L1R brightness temperatures (nasa-team-au-si) "
                + "remove most of it.\n"
        }
        let within = rows.filter { abs($0.iceBias) <= 0.05 && abs($0.waterBias) <= 0.05 }
            .map { "\($0.algorithm) + \($0.filter)" }
        s += "- Within 5 % at both SIC = 1 and SIC = 0: " + (within.isEmpty ? "none" : within.joined(separator: ", ")) + ".\n"
        return s
    }
}

extension PMValidation {
    /// The CCI tie-point files `seaice pm validate` reads from an RRDP folder's `aux/`, by channel set.
    public static let cciFiles = ["KKA", "KA", "CKA"].map { ($0, "\($0)_sic_CCI-RRDP.json") }

    /// The algorithms validated by default: NASA Team with the NSIDC-0802 tie points ("nasa-team"), with tie
    /// points fitted to the training half of `data` ("nasa-team-rrdp", `NASATeamTiePoints.fitted`, its spread
    /// measured there too) and with NSIDC's Unified-L1R tie points ("nasa-team-au-si",
    /// `NASATeamTiePoints.amsr2UnifiedNorthernHemisphere`, its spread measured on the training half), ASI, and the
    /// CCI hybrid of every tie-point file of `cciFiles` present in `aux`
    /// (named "cci-hybrid-KKA" …).
    /// - Throws: the `CCITiePoints.read` error of a file that is present but bad.
    public static func standardAlgorithms(data: RRDPData, aux: URL) throws -> [any ConcentrationAlgorithm] {
        let train = data.split(.training)
        var fitted = NASATeam(tiePoints: .fitted(water: train.water, ice: train.ice), name: "nasa-team-rrdp")
        fitted.spread = TiePointSpread.measure(fitted, water: train.water, ice: train.ice)
        var unified = NASATeam(tiePoints: .amsr2UnifiedNorthernHemisphere, name: "nasa-team-au-si")
        unified.spread = TiePointSpread.measure(unified, water: train.water, ice: train.ice)
        var out: [any ConcentrationAlgorithm] = [NASATeam(), fitted, unified, ASI()]
        for (set, file) in cciFiles {
            let url = aux.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            out.append(CCIHybrid(tiePoints: try CCITiePoints.read(url), name: "cci-hybrid-\(set)"))
        }
        return out
    }

    /// The filters validated by default: NASA Team's, ASI's and both designs of the new 18.7/89 GHz mask.
    public static let standardFilters: [WeatherFilter] = [.nasaTeam, .asi, .gr8919(), .lda8919()]
}
