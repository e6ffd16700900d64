import SeaIceAuxiliary

/// NASA Team sea-ice concentration from passive-microwave brightness temperatures (Cavalieri, Gloersen and
/// Campbell 1984, "Determination of sea ice parameters with the Nimbus 7 SMMR", JGR 89(D4); the formulation of
/// `../shared/specs/concentration-fusion.md`, seed 003, whose coarse reference it is).
///
/// The linear mixing model TB = C_OW·TB_OW + C_FY·TB_FY + C_MY·TB_MY (C_OW + C_FY + C_MY = 1) inserted into the
/// polarisation ratio PR(19) = (19V − 19H)/(19V + 19H) and the gradient ratio GR(37V/19V) = (37V − 19V)/(37V + 19V)
/// gives two equations linear in (C_FY, C_MY), solved in the closed form of `NASATeamCoefficients`.
/// The total C = C_FY + C_MY is clamped to [0, 1]. The weather filter is `WeatherFilter.nasaTeam`, applied by
/// `estimate(_:filter:)`.
///
/// Concentrations are fractions (0–1), not percent; brightness temperatures are in K.
public struct NASATeam: ConcentrationAlgorithm, Equatable {
    /// The tie points the coefficients come from.
    public var tiePoints: NASATeamTiePoints
    /// The closed-form coefficients of `tiePoints`.
    public let coefficients: NASATeamCoefficients
    /// Concentration spread at the tie points (default: measured on the RRDP training half).
    public var spread: TiePointSpread

    /// The name for tables and files.
    public var name: String

    /// NASA Team with `tiePoints` (by default AMSR2's Northern-Hemisphere ones, NSIDC-0802).
    public init(tiePoints: NASATeamTiePoints = .amsr2NorthernHemisphere, spread: TiePointSpread = NASATeam.rrdpSpread,
                name: String = "nasa-team") {
        self.tiePoints = tiePoints
        self.spread = spread
        self.name = name
        coefficients = NASATeamCoefficients(tiePoints: tiePoints)
    }

    /// The spread of NASA Team (NSIDC-0802 tie points) over the training half of the real RRDP points
    /// (`TiePointSpread.measure`, 2012 SIC = 0 and 2017 SIC = 1 files, odd days of year).
    public static let rrdpSpread = TiePointSpread(openWater: 0.1094, ice: 0.0989)

    /// 18.7H, 18.7V, 36.5V.
    public var requiredChannels: [AMSR2Reader.Channel] { [.h18_7, .v18_7, .v36_5] }

    /// First-year, multi-year and total ice concentration as fractions.
    public struct Concentrations: Sendable, Equatable {
        /// First-year ice fraction C_FY, unclamped (slightly below 0 or above 1 where the mixing model is off).
        public var firstYear: Double
        /// Multi-year ice fraction C_MY, unclamped.
        public var multiYear: Double
        /// Total ice fraction C_FY + C_MY clamped to [0, 1] (NaN when a brightness temperature is NaN).
        public var total: Double { min(max(firstYear + multiYear, 0), 1) }
        /// The total in percent (0–100).
        public var totalPercent: Double { total * 100 }
    }

    /// The concentrations of one observation; nil when the tie points are degenerate (the two equations do not
    /// determine C_FY and C_MY, e.g. first-year and multi-year tie points with the same PR and GR).
    /// NaN brightness temperatures give NaN concentrations.
    public func concentrations(_ tb: NASATeamChannels) -> Concentrations? {
        coefficients.concentrations(pr: tb.polarisationRatio, gr: tb.gradientRatio).map {
            Concentrations(firstYear: $0.firstYear, multiYear: $0.multiYear)
        }
    }

    /// C_FY + C_MY unclamped; NaN for degenerate tie points.
    public func unclampedConcentration(_ tb: BrightnessTemperatures) -> Double {
        let c = NASATeamChannels(h19: tb[.h18_7] ?? .nan, v19: tb[.v18_7] ?? .nan, v37: tb[.v36_5] ?? .nan)
        return concentrations(c).map { $0.firstYear + $0.multiYear } ?? .nan
    }

    /// Total ice concentration as a fraction (0–1, clamped) from 18.7H, 18.7V and 36.5V brightness temperatures
    /// in K; NaN when the tie points are degenerate or an input is NaN.
    public static func concentration(h19: Double, v19: Double, v37: Double,
                                     tiePoints: NASATeamTiePoints = .amsr2NorthernHemisphere) -> Double {
        NASATeam(tiePoints: tiePoints).concentrations(NASATeamChannels(h19: h19, v19: v19, v37: v37))?.total ?? .nan
    }
}
