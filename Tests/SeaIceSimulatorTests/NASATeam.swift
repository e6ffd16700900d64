/// NASA Team sea-ice concentration from AMSR2 18.7 H/V and 36.5 V (Cavalieri et al. 1984), with the
/// AMSR2 Northern-Hemisphere tie points of NSIDC-0802 (`specs/concentration-fusion.md`).
///
/// The linear mixing model TB = C_OW·TB_OW + C_FY·TB_FY + C_MY·TB_MY inserted into the
/// polarisation ratio PR(19) and gradient ratio GR(37V/19V) gives two equations linear in
/// (C_FY, C_MY); solving them by Cramer's rule is the closed form a/b/d-coefficient formula.
/// Used by the tests to check that simulated AMSR2 carries the chart's concentration.
enum NASATeam {
    struct TiePoints { var h19: (Double, Double, Double), v19: (Double, Double, Double), v37: (Double, Double, Double) }

    /// NSIDC-0802 AMSR2 NH tie points (OW, FY, MY), K.
    static let amsr2North = TiePoints(h19: (120.50, 235.50, 200.70), v19: (185.90, 250.90, 222.20), v37: (210.50, 241.30, 188.60))

    /// Total concentration (0…1, clamped) from 18.7H, 18.7V and 36.5V brightness temperatures (K).
    static func concentration(h19: Double, v19: Double, v37: Double, tie t: TiePoints = amsr2North) -> Double {
        let pr = (v19 - h19) / (v19 + h19), gr = (v37 - v19) / (v37 + v19)
        // Equation rows: f(TB) = (V19 − H19) − PR·(V19 + H19) = 0 and g(TB) = (V37 − V19) − GR·(V37 + V19) = 0.
        func f(_ h: Double, _ v: Double) -> Double { (v - h) - pr * (v + h) }
        func g(_ v19: Double, _ v37: Double) -> Double { (v37 - v19) - gr * (v37 + v19) }
        let f0 = f(t.h19.0, t.v19.0), fF = f(t.h19.1, t.v19.1) - f0, fM = f(t.h19.2, t.v19.2) - f0
        let g0 = g(t.v19.0, t.v37.0), gF = g(t.v19.1, t.v37.1) - g0, gM = g(t.v19.2, t.v37.2) - g0
        let det = fF * gM - fM * gF
        guard abs(det) > 1e-12 else { return .nan }
        let cF = (-f0 * gM + fM * g0) / det
        let cM = (-fF * g0 + f0 * gF) / det
        return min(max(cF + cM, 0), 1)
    }
}
