import Foundation
import SeaIceCore

/// Simulated AMSR2 at true concentration 1 and 0 against the real RRDP points (simulated vs real RRDP).
///
/// The emission model is fitted on the `.fit` half of the points (`RRDPHalf`) and checked on the `.check`
/// half, so the comparison is not circular. Each check point is simulated as the simulator simulates a
/// footprint (`AMSR2EmissionModel.brightness` plus radiometer noise): at SIC = 0 under the point's own real
/// weather (ERA-Interim tcwv, tclw, wind, skt), at SIC = 1 as first-year or multi-year ice of the point's month
/// (multi-year with the month's multi-year proportion of the fit half). Reported: per-channel mean and
/// standard deviation, real and simulated; the open-water response of GR(36.5V/18.7V) to cloud liquid water
/// (least-squares slope with the real slope's block-jackknife standard error, and binned means).
public struct AMSR2RRDPComparison: Sendable {
    /// Per-channel statistics, K.
    public struct Row: Sendable {
        public var channel: AMSR2Channel, realMean: Double, realStd: Double, simulatedMean: Double, simulatedStd: Double
        /// Simulated − real mean, K; simulated / real standard deviation − 1.
        public var meanDifference: Double { simulatedMean - realMean }
        public var stdRatioError: Double { simulatedStd / realStd - 1 }
    }
    /// One tclw bin of the gradient-ratio response.
    public struct Bin: Sendable {
        public var lower: Double, upper: Double, count: Int, realMean: Double, realStd: Double, simulatedMean: Double
    }
    /// Rows at SIC = 1 and SIC = 0; numbers of check points.
    public let ice: [Row], water: [Row]
    public let iceCount: Int, waterCount: Int
    /// Slope of GR(36.5V/18.7V) against tclw (per kg/m²) over open water: real on the check half, its standard
    /// error, simulated; and the real slope on the fit half with its standard error (the simulated slope
    /// inherits the fit half's sampling error, so the bound combines both errors).
    public let realSlope: Double, realSlopeError: Double, simulatedSlope: Double
    public let fitHalfSlope: Double, fitHalfSlopeError: Double
    /// The standard error of simulated − real slope: √(SE_check² + SE_fit²).
    public var slopeDifferenceError: Double {
        (realSlopeError * realSlopeError + fitHalfSlopeError * fitHalfSlopeError).squareRoot()
    }
    /// Binned GR(36.5V/18.7V) response over open water.
    public let bins: [Bin]

    /// Compares on the real points of `signatures` with radiometer noise and residual draws from `seed`.
    public init(signatures: MicrowaveSignatures, seed: UInt64) {
        let model = AMSR2EmissionModel(fitting: signatures, half: .fit)
        var g = SeededGenerator(seed: seed)
        func normals() -> [Double] { (0..<14).map { _ in g.nextGaussian() } }
        func noisy(_ tb: [Double]) -> [Double] { tb.enumerated().map { $1 + amsr2NoiseK[$0] * g.nextGaussian() } }
        let iceCheck = RRDPHalf.check.select(signatures.ice)
        let waterCheck = RRDPHalf.check.select(signatures.water)
        let simulatedIce = iceCheck.map { p -> [Double] in
            let multiYear = g.nextUnitDouble() < model.multiYearProportion[p.month - 1]
            let f = SurfaceFractions(water: 0, firstYear: multiYear ? 0 : 1, multiYear: multiYear ? 1 : 0, land: 0)
            return noisy(
                model.brightness(
                    f, weather: Self.weather(p), month: p.month, zWater: normals(), zFirstYear: normals(),
                    zMultiYear: normals()))
        }
        let simulatedWater = waterCheck.map { p -> [Double] in
            let f = SurfaceFractions(water: 1, firstYear: 0, multiYear: 0, land: 0)
            return noisy(
                model.brightness(
                    f, weather: Self.weather(p), month: p.month, zWater: normals(), zFirstYear: normals(),
                    zMultiYear: normals()))
        }
        func rows(_ real: [MicrowavePoint], _ sim: [[Double]]) -> [Row] {
            AMSR2Channel.allCases.map { c in
                let r = Self.meanStd(real.map { $0.tb[c.rawValue] })
                let s = Self.meanStd(sim.map { $0[c.rawValue] })
                return Row(channel: c, realMean: r.mean, realStd: r.std, simulatedMean: s.mean, simulatedStd: s.std)
            }
        }
        ice = rows(iceCheck, simulatedIce)
        water = rows(waterCheck, simulatedWater)
        iceCount = iceCheck.count
        waterCount = waterCheck.count
        let clw = waterCheck.map(\.tclw)
        let realGR = waterCheck.map(\.gr3719)
        let simGR = simulatedWater.map { ($0[11] - $0[7]) / ($0[11] + $0[7]) }
        realSlope = Self.slope(clw, realGR).slope
        realSlopeError = Self.blockJackknifeError(clw, realGR, block: 25)
        simulatedSlope = Self.slope(clw, simGR).slope
        let waterFit = RRDPHalf.fit.select(signatures.water)
        fitHalfSlope = Self.slope(waterFit.map(\.tclw), waterFit.map(\.gr3719)).slope
        fitHalfSlopeError = Self.blockJackknifeError(waterFit.map(\.tclw), waterFit.map(\.gr3719), block: 25)
        bins = zip([0, 0.05, 0.1, 0.2, 0.4], [0.05, 0.1, 0.2, 0.4, 10.0]).map { lo, hi in
            let k = clw.indices.filter { clw[$0] >= lo && clw[$0] < hi }
            let r = Self.meanStd(k.map { realGR[$0] })
            let s = Self.meanStd(k.map { simGR[$0] })
            return Bin(lower: lo, upper: hi, count: k.count, realMean: r.mean, realStd: r.std, simulatedMean: s.mean)
        }
    }

    /// The real weather of an RRDP point as a `WeatherSample`.
    static func weather(_ p: MicrowavePoint) -> WeatherSample {
        WeatherSample(u10: p.u10, v10: p.v10, t2m: p.t2m, skt: p.skt, tcwv: p.tcwv, tclw: p.tclw)
    }

    static func meanStd(_ v: [Double]) -> (mean: Double, std: Double) {
        guard v.count > 1 else { return (v.first ?? .nan, .nan) }
        let m = v.reduce(0, +) / Double(v.count)
        return (m, (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot())
    }

    /// Least-squares slope of y on x and its standard error.
    static func slope(_ x: [Double], _ y: [Double]) -> (slope: Double, error: Double) {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let b = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
        let rss = zip(x, y).reduce(0) {
            let e = $1.1 - my - b * ($1.0 - mx)
            return $0 + e * e
        }
        return (b, (rss / (n - 2) / sxx).squareRoot())
    }

    /// Standard error of the slope by the delete-one-block jackknife over consecutive blocks of `block` points:
    /// points of one block (about a day) share their weather, so the plain least-squares error understates the
    /// spread (the two halves' real slopes differ by several plain errors).
    static func blockJackknifeError(_ x: [Double], _ y: [Double], block: Int) -> Double {
        let blocks = (x.count + block - 1) / block
        let slopes = (0..<blocks).map { b -> Double in
            let keep = x.indices.filter { $0 / block != b }
            return slope(keep.map { x[$0] }, keep.map { y[$0] }).slope
        }
        let mean = slopes.reduce(0, +) / Double(blocks)
        return (Double(blocks - 1) / Double(blocks) * slopes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }).squareRoot()
    }

    /// Whether every bound of issue 10 holds: per-channel mean within `meanK` K and standard deviation within
    /// `stdFraction` at SIC 1 and 0; the simulated GR slope within 2 `slopeDifferenceError` of the real one; every
    /// simulated bin mean within one real standard deviation of the real bin mean.
    public func passes(meanK: Double = 2, stdFraction: Double = 0.3) -> Bool {
        (ice + water).allSatisfy { abs($0.meanDifference) <= meanK && abs($0.stdRatioError) <= stdFraction }
            && abs(simulatedSlope - realSlope) <= 2 * slopeDifferenceError
            && bins.filter { $0.count >= 10 }.allSatisfy { abs($0.simulatedMean - $0.realMean) <= $0.realStd }
    }

    /// The comparison as Markdown tables (labelled "simulated vs real RRDP").
    public var markdown: String {
        func f(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }
        var s =
            "Simulated vs real RRDP (fit on the even 25-point blocks, checked on the odd ones; \(iceCount) SIC=1 and \(waterCount) SIC=0 check points)\n\n"
        s +=
            "| channel | SIC=1 real mean ± std (K) | SIC=1 simulated | SIC=0 real mean ± std (K) | SIC=0 simulated |\n|---|---|---|---|---|\n"
        for (i, w) in zip(ice, water) {
            s +=
                "| \(i.channel.variableName) | \(f(i.realMean)) ± \(f(i.realStd)) | \(f(i.simulatedMean)) ± \(f(i.simulatedStd)) | \(f(w.realMean)) ± \(f(w.realStd)) | \(f(w.simulatedMean)) ± \(f(w.simulatedStd)) |\n"
        }
        s +=
            "\nOpen-water GR(36.5V/18.7V) vs tclw: real slope \(f(realSlope, 4)) ± \(f(realSlopeError, 4)) (block-jackknife SE) per kg/m², simulated \(f(simulatedSlope, 4)); real on the fit half \(f(fitHalfSlope, 4)) ± \(f(fitHalfSlopeError, 4)); bound 2·√(SE²+SE²) = \(f(2 * slopeDifferenceError, 4))\n\n"
        s += "| tclw (kg/m²) | points | real GR mean ± std | simulated GR mean |\n|---|---|---|---|\n"
        for b in bins {
            s +=
                "| \(f(b.lower, 2))–\(b.upper > 5 ? "" : f(b.upper, 2)) | \(b.count) | \(f(b.realMean, 4)) ± \(f(b.realStd, 4)) | \(f(b.simulatedMean, 4)) |\n"
        }
        return s
            + "\nAll bounds (mean ≤ 2 K, std within 30 %, slope within 2 combined SE, bins within 1 std): \(passes() ? "pass" : "FAIL")\n"
    }
}
