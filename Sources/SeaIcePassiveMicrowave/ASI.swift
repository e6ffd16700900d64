import SeaIceAuxiliary

/// The ARTIST Sea Ice (ASI) algorithm (Spreen, Kaleschke and Heygster 2008, "Sea ice remote sensing using
/// AMSR-E 89-GHz channels", JGR 113, C02S03, eqs. 4–6) on AMSR2: the 89 GHz polarisation difference
/// P = 89V − 89H (K) falls from P0 over open water to P1 over ice; between them
/// C = d3·P³ + d2·P² + d1·P + d0, C = 1 for P ≤ P1 and 0 for P ≥ P0 (before clamping the cubic is returned
/// unclamped outside, so the clamped flag marks those points).
///
/// The four conditions: C(P0) = 0, C(P1) = 1 and two slope conditions with right-hand sides −1.14 (at P0) and
/// −0.14 (at P1). We read the slope rows as P·dC/dP, i.e. rows (3P³, 2P², P, 0), the form of the open
/// implementation the issue names, and not as dC/dP with rows (3P², 2P, 1, 0): (1) with P0 = 47 K,
/// P1 = 11.7 K only the P·dC/dP reading reproduces the coefficients Spreen et al. (2008) publish,
/// d3 = 1.64·10⁻⁵, d2 = −1.6·10⁻³, d1 = 1.92·10⁻², d0 = 0.971; (2) read as dC/dP the slopes −1.14 K⁻¹ and
/// −0.14 K⁻¹ are far steeper than the mean slope 1/(P0 − P1) ≈ 0.028 K⁻¹ and the cubic overshoots to C ≈ 5.8
/// between the tie points — not a concentration. (P·dC/dP = dC/d ln P is the slope in the logarithmic
/// variable of the exponential atmospheric model of Svendsen et al. 1987 that ASI approximates.)
public struct ASI: ConcentrationAlgorithm, Equatable {
    /// Open-water tie point P0, K.
    public var p0: Double
    /// Ice tie point P1, K.
    public var p1: Double
    /// d0, d1, d2, d3.
    public let coefficients: [Double]
    /// Concentration spread at the tie points (default: measured on the RRDP training half).
    public var spread: TiePointSpread

    /// ASI with tie points P0 = 47 K and P1 = 11.7 K (Spreen et al. 2008, their AMSR-E values, also used for
    /// AMSR2 by the University of Bremen product).
    public init(p0: Double = 47, p1: Double = 11.7, spread: TiePointSpread = ASI.rrdpSpread) {
        self.p0 = p0
        self.p1 = p1
        self.spread = spread
        coefficients = Self.solve(p0: p0, p1: p1)
    }

    /// The spread of ASI (P0 = 47 K, P1 = 11.7 K) over the training half of the real RRDP points.
    public static let rrdpSpread = TiePointSpread(openWater: 0.4227, ice: 0.0617)

    /// "asi".
    public var name: String { "asi" }
    /// 89.0H and 89.0V.
    public var requiredChannels: [AMSR2Reader.Channel] { [.h89_0, .v89_0] }

    /// d0…d3 from C(P0) = 0, C(P1) = 1, P·dC/dP = −1.14 at P0 and −0.14 at P1 (Gaussian elimination with
    /// partial pivoting on the 4 × 4 system).
    static func solve(p0: Double, p1: Double) -> [Double] {
        // Unknowns ordered (d3, d2, d1, d0).
        var m: [[Double]] = [
            [p0 * p0 * p0, p0 * p0, p0, 1, 0],
            [p1 * p1 * p1, p1 * p1, p1, 1, 1],
            [3 * p0 * p0 * p0, 2 * p0 * p0, p0, 0, -1.14],
            [3 * p1 * p1 * p1, 2 * p1 * p1, p1, 0, -0.14],
        ]
        for col in 0..<4 {
            let pivot = (col..<4).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            m.swapAt(col, pivot)
            precondition(abs(m[col][col]) > 1e-12, "ASI tie points P0 = \(p0), P1 = \(p1) give a singular system")
            for r in 0..<4 where r != col {
                let k = m[r][col] / m[col][col]
                for c in col..<5 { m[r][c] -= k * m[col][c] }
            }
        }
        let d3 = m[0][4] / m[0][0], d2 = m[1][4] / m[1][1], d1 = m[2][4] / m[2][2], d0 = m[3][4] / m[3][3]
        return [d0, d1, d2, d3]
    }

    /// The concentration at polarisation difference `p` (K), unclamped inside (P1, P0); 1 at or below P1's
    /// side and 0 beyond P0 are returned as the cubic's value there, clamped by `estimate`.
    public func concentration(polarisationDifference p: Double) -> Double {
        let d = coefficients
        return ((d[3] * p + d[2]) * p + d[1]) * p + d[0]
    }

    /// The cubic at P = 89V − 89H; outside [P1, P0] the cubic is replaced by its end value continued linearly
    /// beyond so the clamp flags those points: > 1 below P1, < 0 above P0.
    public func unclampedConcentration(_ tb: BrightnessTemperatures) -> Double {
        let p = (tb[.v89_0] ?? .nan) - (tb[.h89_0] ?? .nan)
        guard p.isFinite else { return .nan }
        let (lo, hi) = (min(p0, p1), max(p0, p1))
        if p <= lo { return 1 + (lo - p) / (hi - lo) }
        if p >= hi { return -(p - hi) / (hi - lo) }
        return concentration(polarisationDifference: p)
    }
}
