/// The spread of an algorithm's concentration at its two tie points and the per-pixel uncertainty it implies.
///
/// How the uncertainty is propagated (the ESA CCI / OSI SAF "algorithm uncertainty", Lavergne et al. 2019,
/// The Cryosphere 13, eq. 4): the brightness temperatures of pure open water and of 100 % ice scatter around
/// their tie points (surface emissivity, temperature, weather); mapped through the algorithm that scatter is
/// a standard deviation σ_ow of the retrieved concentration at SIC = 0 and σ_ice at SIC = 1. A mixture of
/// fraction C mixes the two independent spreads linearly: σ(C) = √((1 − C)² σ_ow² + C² σ_ice²).
/// σ_ow and σ_ice are in concentration units (fraction); for the NASA Team and ASI defaults they are the
/// standard deviations of the unclamped concentration over the training half of the real RRDP points
/// (`RRDPSplit.training`), as `TiePointSpread.measure` computes them; for the CCI algorithms they are the
/// files' `ow_sdev`/`cice_sdev` (K along the algorithm's projection) divided by its ice–water contrast.
public struct TiePointSpread: Sendable, Equatable, Codable {
    /// σ at SIC = 0, fraction.
    public var openWater: Double
    /// σ at SIC = 1, fraction.
    public var ice: Double

    /// A spread, fractions.
    public init(openWater: Double, ice: Double) {
        self.openWater = openWater
        self.ice = ice
    }

    /// σ(C) = √((1 − C)² σ_ow² + C² σ_ice²), fraction, for a concentration `c` in 0…1.
    public func uncertainty(at c: Double) -> Double {
        let w = (1 - c) * openWater, i = c * ice
        return (w * w + i * i).squareRoot()
    }

    /// The spread of `algorithm` measured on real points: the population standard deviations of its unclamped
    /// concentration over `water` (SIC = 0) and `ice` (SIC = 1) points; points with invalid input are left out.
    public static func measure(_ algorithm: some ConcentrationAlgorithm, water: [RRDPPoint],
                               ice: [RRDPPoint]) -> TiePointSpread {
        func sd(_ points: [RRDPPoint]) -> Double {
            let v = points.map { algorithm.estimate($0.brightnessTemperatures).unclamped }.filter(\.isFinite)
            return SampleStatistics(v).standardDeviation
        }
        return TiePointSpread(openWater: sd(water), ice: sd(ice))
    }
}

/// Mean, standard deviation and root-mean-square error of values against a reference, in exact summation order.
public struct SampleStatistics: Sendable, Equatable, Codable {
    /// Number of values.
    public var count: Int
    /// Mean.
    public var mean: Double
    /// Population standard deviation (divides by n).
    public var standardDeviation: Double

    /// The statistics of `values` (NaN for none).
    public init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else {
            mean = .nan
            standardDeviation = .nan
            return
        }
        let m = values.reduce(0, +) / Double(values.count)
        mean = m
        standardDeviation = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)).squareRoot()
    }

    /// Root-mean-square difference from `reference`: √(bias² + σ²).
    public func rmse(reference: Double) -> Double {
        let b = mean - reference
        return (b * b + standardDeviation * standardDeviation).squareRoot()
    }
}
