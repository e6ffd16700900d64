/// The closed-form NASA Team coefficients (Cavalieri, Gloersen and Campbell 1984; the a/b/d form of NSIDC's
/// open implementation, `pm_icecon` `compute_nt_coefficients`):
/// C_FY = (a0 + a1·PR + a2·GR + a3·PR·GR)/D, C_MY = (b0 + b1·PR + b2·GR + b3·PR·GR)/D,
/// D = d0 + d1·PR + d2·GR + d3·PR·GR, with PR = PR(19), GR = GR(37V/19V).
///
/// Derivation: with δ = 19V − 19H, σ = 19V + 19H, γ = 37V − 19V, ς = 37V + 19V of each tie point (W open water,
/// F first-year, M multi-year), the mixing model makes δ − PR·σ and γ − GR·ς vanish; Cramer's rule on the two
/// equations in (C_FY, C_MY) gives, with Δx_F = x_F − x_W and Δx_M = x_M − x_W,
/// a0 = Δδ_M γ_W − δ_W Δγ_M, a1 = σ_W Δγ_M − Δσ_M γ_W, a2 = δ_W Δς_M − Δδ_M ς_W, a3 = Δσ_M ς_W − σ_W Δς_M;
/// b0 = δ_W Δγ_F − Δδ_F γ_W, b1 = Δσ_F γ_W − σ_W Δγ_F, b2 = Δδ_F ς_W − δ_W Δς_F, b3 = σ_W Δς_F − Δσ_F ς_W;
/// d0 = Δδ_F Δγ_M − Δδ_M Δγ_F, d1 = Δσ_M Δγ_F − Δσ_F Δγ_M, d2 = Δδ_M Δς_F − Δδ_F Δς_M,
/// d3 = Δσ_F Δς_M − Δσ_M Δς_F. These equal NSIDC's A…L up to one common factor (a test checks it).
public struct NASATeamCoefficients: Sendable, Equatable, Codable {
    /// a0…a3 (first-year numerator).
    public var a: [Double]
    /// b0…b3 (multi-year numerator).
    public var b: [Double]
    /// d0…d3 (denominator).
    public var d: [Double]

    /// The coefficients of `t`.
    public init(tiePoints t: NASATeamTiePoints) {
        func parts(_ s: NASATeamChannels) -> (δ: Double, σ: Double, γ: Double, ς: Double) {
            (s.v19 - s.h19, s.v19 + s.h19, s.v37 - s.v19, s.v37 + s.v19)
        }
        let w = parts(t.openWater), f0 = parts(t.firstYear), m0 = parts(t.multiYear)
        let f = (δ: f0.δ - w.δ, σ: f0.σ - w.σ, γ: f0.γ - w.γ, ς: f0.ς - w.ς)
        let m = (δ: m0.δ - w.δ, σ: m0.σ - w.σ, γ: m0.γ - w.γ, ς: m0.ς - w.ς)
        a = [m.δ * w.γ - w.δ * m.γ, w.σ * m.γ - m.σ * w.γ, w.δ * m.ς - m.δ * w.ς, m.σ * w.ς - w.σ * m.ς]
        b = [w.δ * f.γ - f.δ * w.γ, f.σ * w.γ - w.σ * f.γ, f.δ * w.ς - w.δ * f.ς, w.σ * f.ς - f.σ * w.ς]
        d = [f.δ * m.γ - m.δ * f.γ, m.σ * f.γ - f.σ * m.γ, m.δ * f.ς - f.δ * m.ς, f.σ * m.ς - m.σ * f.ς]
    }

    /// c0 + c1·PR + c2·GR + c3·PR·GR.
    @inline(__always)
    static func bilinear(_ c: [Double], _ pr: Double, _ gr: Double) -> Double {
        c[0] + c[1] * pr + c[2] * gr + c[3] * pr * gr
    }

    /// (C_FY, C_MY) at (PR, GR); nil where D vanishes (degenerate tie points).
    public func concentrations(pr: Double, gr: Double) -> (firstYear: Double, multiYear: Double)? {
        let den = Self.bilinear(d, pr, gr)
        guard !(abs(den) <= 1e-12) else { return nil }
        return (Self.bilinear(a, pr, gr) / den, Self.bilinear(b, pr, gr) / den)
    }
}
