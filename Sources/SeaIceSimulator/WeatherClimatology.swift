import Foundation

/// Monthly distributions of Arctic weather taken from the real ERA5 / ERA-Interim values that the ESA CCI
/// round-robin data package carries at each of its points (`cimr-rrdp`: 4617 sea-ice points of 2017 with
/// ERA5, 3408 open-water points north of 60° N of July–December 2012 with ERA-Interim; Lavergne et al.,
/// CIMR SIC ATBD v2 RRDP).
///
/// Each variable of each month is kept as its sorted real values (its empirical quantile function), so the
/// simulated weather has the real marginal distributions — skewness and the many cloud-free zeros of
/// `tclw` included. A month with fewer than 20 points borrows its neighbours (`MicrowaveSignatures.seasonal`).
/// Both point sets are pooled (the sea-ice points alone for the skin temperature over ice); open-water
/// weather of January–June is therefore that of the ice points. The rank correlation of water vapour and
/// cloud liquid water over all points couples their fields.
public struct WeatherClimatology: Sendable {
    /// One month's sorted real values: wind speed (m/s), 2 m and ice skin temperature (K), water vapour and
    /// cloud liquid water (kg/m²).
    public struct Month: Sendable {
        public var windSpeed: [Double], t2m: [Double], skt: [Double], tcwv: [Double], tclw: [Double]
    }
    /// Months 1…12 (index 0 = January).
    public let months: [Month]
    /// Spearman rank correlation of tcwv and tclw over all points.
    public let vapourCloudCorrelation: Double

    /// The climatology of the real RRDP points in `signatures`.
    public init(signatures: MicrowaveSignatures) {
        let all = signatures.ice + signatures.water
        months = (1...12).map { m in
            let pooled = MicrowaveSignatures.seasonal(all, month: m)
            let ice = MicrowaveSignatures.seasonal(signatures.ice, month: m)
            return Month(
                windSpeed: pooled.map { hypot($0.u10, $0.v10) }.sorted(), t2m: pooled.map(\.t2m).sorted(),
                skt: ice.map(\.skt).sorted(), tcwv: pooled.map(\.tcwv).sorted(), tclw: pooled.map(\.tclw).sorted())
        }
        vapourCloudCorrelation = Self.spearman(all.map(\.tcwv), all.map(\.tclw))
    }

    /// The empirical quantile of sorted `values` at probability `p` (linear between order statistics).
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        precondition(!values.isEmpty, "quantile of no values")
        let h = min(max(p, 0), 1) * Double(values.count - 1)
        let k = Int(h.rounded(.down))
        let f = h - Double(k)
        return k + 1 < values.count ? values[k] * (1 - f) + values[k + 1] * f : values[k]
    }

    /// The quantile at `p` of variable `key` for day-of-year position `month` (fractional: 1.5 = mid-January),
    /// blended linearly between the two nearest months' mid-points so the weather has no jump at month ends.
    public func quantile(_ key: KeyPath<Month, [Double]>, p: Double, month: Double) -> Double {
        let m = month - 0.5  // 0 at mid-January
        let lower = Int(m.rounded(.down))
        let f = m - Double(lower)
        let a = months[((lower % 12) + 12) % 12][keyPath: key]
        let b = months[(((lower + 1) % 12) + 12) % 12][keyPath: key]
        return (1 - f) * Self.quantile(a, p) + f * Self.quantile(b, p)
    }

    /// Spearman rank correlation of two equal-length samples.
    static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        func ranks(_ v: [Double]) -> [Double] {
            var r = [Double](repeating: 0, count: v.count)
            for (rank, i) in v.indices.sorted(by: { v[$0] < v[$1] }).enumerated() { r[i] = Double(rank) }
            return r
        }
        let ra = ranks(a)
        let rb = ranks(b)
        let n = Double(a.count)
        let mean = (n - 1) / 2
        var sab = 0.0
        var saa = 0.0
        var sbb = 0.0
        for k in ra.indices {
            sab += (ra[k] - mean) * (rb[k] - mean)
            saa += (ra[k] - mean) * (ra[k] - mean)
            sbb += (rb[k] - mean) * (rb[k] - mean)
        }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }
}
