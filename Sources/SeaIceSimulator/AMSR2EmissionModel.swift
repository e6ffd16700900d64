import Foundation

/// Which half of the real RRDP points a fit or a check uses: points are taken in blocks of 25 consecutive
/// rows (about a day of a file), even blocks for fitting, odd blocks for checking, so a check never sees a
/// point (or its same-day neighbours) that the fit used.
public enum RRDPHalf: String, Sendable, CaseIterable {
    case fit, check
    /// Whether row `index` of an RRDP file belongs to this half.
    public func contains(_ index: Int) -> Bool { (index / 25) % 2 == (self == .fit ? 0 : 1) }
    /// The points of this half.
    public func select(_ points: [MicrowavePoint]) -> [MicrowavePoint] {
        points.indices.filter(contains).map { points[$0] }
    }
}

/// AMSR2 brightness temperatures (14 channels, `AMSR2Channel` order, K) of water, first-year and multi-year
/// ice and land, calibrated on real RRDP points (`cimr-rrdp`).
///
/// - Open water: per channel, TB = β₀ + β₁·tcwv + β₂·tclw + β₃·wind + β₄·(skt − 273.15), a least-squares fit
///   on the SIC = 0 points of `half` with their co-located ERA-Interim weather; water vapour, cloud liquid
///   water and wind all raise the TBs, more at 36.5/89 GHz than at 18.7 GHz, which is what raises
///   GR(36.5V/18.7V) and GR(23.8V/18.7V) and lowers the 89 GHz polarisation difference over water in real
///   weather (skt floored at 271.35 K as `WeatherSample.skinTemperature` does). The fit's residuals (SST, foam, the rest of the atmosphere) are kept as a 14 × 14 covariance.
/// - Ice: SIC = 1 points split by GR(36.5V/18.7V) at −0.045 into first-year-like and multi-year-like; per
///   class the monthly mean vector and the covariance of the residuals about it; the multi-year proportion
///   of each month. The ice's own weather is left in its monthly means (no atmospheric term over ice).
/// - Land: a grey body, emissivity 0.90 (H) / 0.95 (V) at the skin temperature.
public struct AMSR2EmissionModel: Sendable {
    /// GR(36.5V, 18.7V) below which an RRDP ice point counts as multi-year-like.
    public static let multiYearThreshold = -0.045
    /// Names of the open-water regression terms, in coefficient order.
    public static let waterTerms = ["1", "tcwv", "tclw", "wind", "skt-273.15"]

    /// Open-water coefficients, [channel][term] (units K per term unit).
    public let waterCoefficients: [[Double]]
    /// Lower Cholesky factors of the residual covariances (K): open water, first-year, multi-year.
    public let waterResidual: [[Double]], firstYearResidual: [[Double]], multiYearResidual: [[Double]]
    /// Monthly mean TBs of the two ice classes, [month − 1][channel], K.
    public let firstYearMean: [[Double]], multiYearMean: [[Double]]
    /// Multi-year-like share of the RRDP ice points of each month (index 0 = January).
    public let multiYearProportion: [Double]
    /// The half of the points the model was fitted on.
    public let half: RRDPHalf

    /// Fits the model on the `half` of the real points in `signatures`.
    public init(fitting signatures: MicrowaveSignatures, half: RRDPHalf = .fit) {
        self.half = half
        let water = half.select(signatures.water)
        let ice = half.select(signatures.ice)
        let design = water.map(Self.terms)
        waterCoefficients = AMSR2Channel.allCases.map { c in
            LinearAlgebra.leastSquares(design, water.map { $0.tb[c.rawValue] })
        }
        let coefficients = waterCoefficients
        waterResidual = LinearAlgebra.cholesky(
            LinearAlgebra.covariance(
                water.map { p in
                    (0..<14).map { c in p.tb[c] - zip(coefficients[c], Self.terms(p)).reduce(0) { $0 + $1.0 * $1.1 } }
                }))
        let fy = ice.filter { $0.gr3719 >= Self.multiYearThreshold }
        let my = ice.filter { $0.gr3719 < Self.multiYearThreshold }
        func means(_ points: [MicrowavePoint]) -> [[Double]] {
            (1...12).map { m in
                let s = MicrowaveSignatures.seasonal(points, month: m)
                return (0..<14).map { c in s.reduce(0) { $0 + $1.tb[c] } / Double(s.count) }
            }
        }
        firstYearMean = means(fy)
        multiYearMean = means(my)
        let fyMean = firstYearMean
        let myMean = multiYearMean
        firstYearResidual = LinearAlgebra.cholesky(
            LinearAlgebra.covariance(
                fy.map { p in
                    (0..<14).map { p.tb[$0] - fyMean[p.month - 1][$0] }
                }))
        multiYearResidual = LinearAlgebra.cholesky(
            LinearAlgebra.covariance(
                my.map { p in
                    (0..<14).map { p.tb[$0] - myMean[p.month - 1][$0] }
                }))
        multiYearProportion = (1...12).map { m in
            let s = MicrowaveSignatures.seasonal(ice, month: m)
            return Double(s.filter { $0.gr3719 < Self.multiYearThreshold }.count) / Double(max(s.count, 1))
        }
    }

    /// The regression terms of an RRDP point's weather.
    static func terms(_ p: MicrowavePoint) -> [Double] {
        [1, p.tcwv, p.tclw, hypot(p.u10, p.v10), max(271.35, p.skt) - 273.15]
    }

    /// Mean open-water TBs (K) for water vapour and cloud liquid water (kg/m²), 10 m wind (m/s) and the water's
    /// skin temperature (K).
    public func openWater(tcwv: Double, tclw: Double, wind: Double, skt: Double) -> [Double] {
        let x = [1, tcwv, tclw, wind, skt - 273.15]
        return waterCoefficients.map { zip($0, x).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// L·z: a correlated 14-channel anomaly (K) from 14 independent N(0, 1) values.
    public static func correlate(_ factor: [[Double]], _ z: [Double]) -> [Double] {
        (0..<factor.count).map { i in (0...i).reduce(0) { $0 + factor[i][$1] * z[$1] } }
    }

    /// The 14 TBs (K) of each pure surface at one place: water under `weather`, first-year and multi-year ice of
    /// month `month` (1…12), land; `zWater`, `zFirstYear`, `zMultiYear` are 14 N(0, 1) values each that draw the
    /// residual spread of each surface (zeros for the means).
    public func surfaces(
        weather: WeatherSample, month: Int, zWater: [Double], zFirstYear: [Double],
        zMultiYear: [Double]
    ) -> SurfaceBrightness {
        let sktWater = weather.skinTemperature(waterFraction: 1)
        let w = openWater(tcwv: weather.tcwv, tclw: weather.tclw, wind: weather.windSpeed, skt: sktWater)
        let dw = Self.correlate(waterResidual, zWater)
        let dfy = Self.correlate(firstYearResidual, zFirstYear)
        let dmy = Self.correlate(multiYearResidual, zMultiYear)
        let fyMean = firstYearMean[month - 1]
        let myMean = multiYearMean[month - 1]
        return SurfaceBrightness(
            water: (0..<14).map { w[$0] + dw[$0] }, firstYear: (0..<14).map { fyMean[$0] + dfy[$0] },
            multiYear: (0..<14).map { myMean[$0] + dmy[$0] },
            land: (0..<14).map { ($0 % 2 == 0 ? 0.90 : 0.95) * weather.skt })
    }

    /// The 14 TBs (K) of a footprint: `surfaces(…)` mixed by the fractions `f`.
    public func brightness(
        _ f: SurfaceFractions, weather: WeatherSample, month: Int,
        zWater: [Double], zFirstYear: [Double], zMultiYear: [Double]
    ) -> [Double] {
        surfaces(weather: weather, month: month, zWater: zWater, zFirstYear: zFirstYear, zMultiYear: zMultiYear).mix(f)
    }
}

/// The 14 TBs (K, `AMSR2Channel` order) of each pure surface at one place and time.
public struct SurfaceBrightness: Sendable {
    public var water: [Double], firstYear: [Double], multiYear: [Double], land: [Double]

    /// Linear mixing by area fractions (the model behind NASA Team and Bristol).
    public func mix(_ f: SurfaceFractions) -> [Double] {
        (0..<14).map { c in
            f.water * water[c] + f.firstYear * firstYear[c] + f.multiYear * multiYear[c] + f.land * land[c]
        }
    }

    /// One channel of the mixture.
    @inline(__always)
    public func mix(_ f: SurfaceFractions, channel c: Int) -> Double {
        f.water * water[c] + f.firstYear * firstYear[c] + f.multiYear * multiYear[c] + f.land * land[c]
    }
}
