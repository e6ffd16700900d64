/// NASA Team sea-ice concentration from passive-microwave brightness temperatures (Cavalieri, Gloersen and
/// Campbell 1984, "Determination of sea ice parameters with the Nimbus 7 SMMR", JGR 89(D4); the formulation of
/// `../shared/specs/concentration-fusion.md`, seed 003, whose coarse reference it is).
///
/// The linear mixing model TB = C_OW·TB_OW + C_FY·TB_FY + C_MY·TB_MY (C_OW + C_FY + C_MY = 1) inserted into the
/// polarisation ratio PR(19) = (19V − 19H)/(19V + 19H) and the gradient ratio GR(37V/19V) = (37V − 19V)/(37V + 19V)
/// gives two equations linear in (C_FY, C_MY): (V19 − H19) − PR·(V19 + H19) = 0 and
/// (V37 − V19) − GR·(V37 + V19) = 0.
/// Solving them by Cramer's rule is the closed-form a/b/d-coefficient formula of the paper,
/// C_FY = (a0 + a1·PR + a2·GR + a3·PR·GR)/D, C_MY = (b0 + …)/D, with the coefficients from the tie points.
/// The total C = C_FY + C_MY is clamped to [0, 1]. No weather filter is applied here.
///
/// Concentrations are fractions (0–1), not percent; brightness temperatures are in K.
public struct NASATeam: Sendable, Equatable {
    /// The tie points the coefficients come from.
    public var tiePoints: NASATeamTiePoints

    /// NASA Team with `tiePoints` (by default AMSR2's Northern-Hemisphere ones, NSIDC-0802).
    public init(tiePoints: NASATeamTiePoints = .amsr2NorthernHemisphere) {
        self.tiePoints = tiePoints
    }

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
        let pr = tb.polarisationRatio, gr = tb.gradientRatio
        // The two equations at a surface's tie point; linear in TB, so a mixture's is the mixture of these.
        func f(_ s: NASATeamChannels) -> Double { (s.v19 - s.h19) - pr * (s.v19 + s.h19) }
        func g(_ s: NASATeamChannels) -> Double { (s.v37 - s.v19) - gr * (s.v37 + s.v19) }
        let t = tiePoints
        let f0 = f(t.openWater), fF = f(t.firstYear) - f0, fM = f(t.multiYear) - f0
        let g0 = g(t.openWater), gF = g(t.firstYear) - g0, gM = g(t.multiYear) - g0
        // f0 + C_FY·fF + C_MY·fM = 0 and g0 + C_FY·gF + C_MY·gM = 0.
        let det = fF * gM - fM * gF
        guard !(abs(det) <= 1e-12) else { return nil }
        return Concentrations(firstYear: (-f0 * gM + fM * g0) / det, multiYear: (-fF * g0 + f0 * gF) / det)
    }

    /// Total ice concentration as a fraction (0–1, clamped) from 18.7H, 18.7V and 36.5V brightness temperatures
    /// in K; NaN when the tie points are degenerate or an input is NaN.
    public static func concentration(h19: Double, v19: Double, v37: Double,
                                     tiePoints: NASATeamTiePoints = .amsr2NorthernHemisphere) -> Double {
        NASATeam(tiePoints: tiePoints).concentrations(NASATeamChannels(h19: h19, v19: v19, v37: v37))?.total ?? .nan
    }
}
