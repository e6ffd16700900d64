/// A closed interval of values in dB (or dB per degree for slopes).
public struct DecibelRange: Codable, Sendable, Equatable {
    /// Lower end.
    public var low: Double
    /// Upper end.
    public var high: Double

    /// A range from `low` to `high` (either order).
    public init(_ low: Double, _ high: Double) {
        self.low = Swift.min(low, high)
        self.high = Swift.max(low, high)
    }

    /// The value at fraction `u` (0…1) of the way from `low` to `high`.
    public func at(_ u: Double) -> Double { low + (high - low) * u }

    /// Whether `x` lies in the range widened by `tolerance` on both sides.
    public func contains(_ x: Double, tolerance: Double = 0) -> Bool {
        x >= low - tolerance && x <= high + tolerance
    }
}

/// C-band backscatter of one ice surface at the reference incidence angle (winter, dry snow).
public struct IceSignature: Codable, Sendable, Equatable {
    /// HH σ⁰ at the reference angle, dB.
    public var hh: DecibelRange
    /// HV σ⁰ at the reference angle, dB (noise-free).
    public var hv: DecibelRange
    /// HH slope against incidence angle, dB/°.
    public var hhSlope: DecibelRange
}

/// Backscatter by surface type: the table of `../shared/specs/simulator.md`, made configurable.
///
/// Source of the default values: the table of `../shared/specs/simulator.md` ("approximate
/// literature values", winter, near 35°). The first-year HH slopes (≈ −0.2 dB/°) agree with
/// Mäkynen & Karvonen (2017, Kara Sea, Sentinel-1 EW); the HV slope is the NERSC practice of
/// `../shared/specs/sentinel1.md`. The land row is an assumption for display realism only.
/// Every value is configurable (the table is `Codable`).
public struct BackscatterTable: Codable, Sendable, Equatable {
    /// Incidence angle the ranges refer to, degrees.
    public var referenceAngle: Double = 35
    /// Calm open water (wind < `calmWind`): HH range, dB.
    public var calmWaterHH = DecibelRange(-30, -26)
    /// Calm open water HV, dB (below the EW noise floor).
    public var calmWaterHV = DecibelRange(-36, -32)
    /// Wind-roughened open water (wind in `roughWind`): HH range, dB.
    public var roughWaterHH = DecibelRange(-16, -9)
    /// Wind-roughened open water HV, dB.
    public var roughWaterHV = DecibelRange(-28, -24)
    /// Wind below which water is calm, m/s.
    public var calmWind: Double = 3
    /// Wind range of roughened water, m/s; σ⁰ rises linearly in dB between `calmWind` and its upper end.
    public var roughWind = DecibelRange(8, 15)
    /// Calm-water HH slope, dB/°.
    public var calmWaterSlope: Double = -0.8
    /// Rough-water HH slope range, dB/°.
    public var roughWaterSlope = DecibelRange(-1.0, -0.6)
    /// HV slope of every surface, dB/° (NERSC practice).
    public var hvSlope: Double = -0.025
    /// Ice surfaces.
    public var newIce = IceSignature(hh: DecibelRange(-25, -20), hv: DecibelRange(-32, -29), hhSlope: DecibelRange(-0.3, -0.3))
    /// Young (grey, grey-white) ice.
    public var youngIce = IceSignature(hh: DecibelRange(-18, -12), hv: DecibelRange(-27, -23), hhSlope: DecibelRange(-0.25, -0.25))
    /// Thin and medium first-year ice.
    public var thinMediumFirstYear = IceSignature(hh: DecibelRange(-19, -16), hv: DecibelRange(-28, -25), hhSlope: DecibelRange(-0.22, -0.22))
    /// Thick and deformed first-year ice.
    public var thickFirstYear = IceSignature(hh: DecibelRange(-16, -11), hv: DecibelRange(-26, -22), hhSlope: DecibelRange(-0.2, -0.2))
    /// Old and multi-year ice.
    public var oldIce = IceSignature(hh: DecibelRange(-12, -7), hv: DecibelRange(-19, -15), hhSlope: DecibelRange(-0.12, -0.12))
    /// Land (tundra, rock, glacier under snow), an assumption for display realism only.
    public var land = IceSignature(hh: DecibelRange(-12, -4), hv: DecibelRange(-22, -16), hhSlope: DecibelRange(-0.15, -0.15))

    /// The default (literature) table.
    public init() {}

    /// The signature of an ice or land surface; `nil` for water (see `water(windSpeed:)`).
    public func signature(_ kind: SurfaceKind) -> IceSignature? {
        switch kind {
        case .water: return nil
        case .newIce: return newIce
        case .youngIce: return youngIce
        case .thinMediumFirstYear: return thinMediumFirstYear
        case .thickFirstYear: return thickFirstYear
        case .oldIce: return oldIce
        case .land: return land
        }
    }

    /// Open-water HH/HV ranges and HH slope at `windSpeed` (m/s): calm values below `calmWind`,
    /// rough values above the upper wind, linear in dB between (and beyond 15 m/s, capped).
    public func water(windSpeed: Double) -> IceSignature {
        let t = Swift.min(Swift.max((windSpeed - calmWind) / (roughWind.high - calmWind), 0), 1)
        func mix(_ a: Double, _ b: Double) -> Double { a + (b - a) * t }
        return IceSignature(
            hh: DecibelRange(mix(calmWaterHH.low, roughWaterHH.low), mix(calmWaterHH.high, roughWaterHH.high)),
            hv: DecibelRange(mix(calmWaterHV.low, roughWaterHV.low), mix(calmWaterHV.high, roughWaterHV.high)),
            hhSlope: DecibelRange(mix(calmWaterSlope, roughWaterSlope.low), mix(calmWaterSlope, roughWaterSlope.high))
        )
    }
}
