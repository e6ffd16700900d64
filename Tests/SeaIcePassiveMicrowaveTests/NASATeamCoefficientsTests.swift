import SeaIceAuxiliary
import SeaIcePassiveMicrowave
import XCTest

/// The closed-form NASA Team coefficients against NSIDC's published form (pm_icecon `compute_nt_coefficients`,
/// coefficients A…L written from the tie points' differences and sums), and exact 0 and 1 at the tie points.
final class NASATeamCoefficientsTests: XCTestCase {
    private let t = NASATeamTiePoints.amsr2NorthernHemisphere

    /// NSIDC's A…D (first-year numerator), E…H (denominator), I…L (multi-year numerator).
    private func nsidc() -> (fy: [Double], d: [Double], my: [Double]) {
        func dif(_ s: NASATeamChannels) -> (pr: Double, gr: Double) { (s.v19 - s.h19, s.v37 - s.v19) }
        func sum(_ s: NASATeamChannels) -> (pr: Double, gr: Double) { (s.v19 + s.h19, s.v37 + s.v19) }
        let (dw, df, dm) = (dif(t.openWater), dif(t.firstYear), dif(t.multiYear))
        let (sw, sf, sm) = (sum(t.openWater), sum(t.firstYear), sum(t.multiYear))
        let a = dm.pr * dw.gr - dm.gr * dw.pr, b = dm.gr * sw.pr - dw.gr * sm.pr
        let c = dw.pr * sm.gr - dm.pr * sw.gr, d = sm.pr * sw.gr - sm.gr * sw.pr
        let e = df.pr * (dm.gr - dw.gr) + dw.pr * (df.gr - dm.gr) + dm.pr * (dw.gr - df.gr)
        let f = df.gr * (sm.pr - sw.pr) + dw.gr * (sf.pr - sm.pr) + dm.gr * (sw.pr - sf.pr)
        let g = df.pr * (sw.gr - sm.gr) + dw.pr * (sm.gr - sf.gr) + dm.pr * (sf.gr - sw.gr)
        let h = sf.gr * (sw.pr - sm.pr) + sw.gr * (sm.pr - sf.pr) + sm.gr * (sf.pr - sw.pr)
        let i = df.gr * dw.pr - df.pr * dw.gr, j = dw.gr * sf.pr - df.gr * sw.pr
        let k = sw.gr * df.pr - dw.pr * sf.gr, l = sf.gr * sw.pr - sf.pr * sw.gr
        return ([a, b, c, d], [e, f, g, h], [i, j, k, l])
    }

    func testCoefficientsEqualTheClosedFormUpToOneFactor() {
        let mine = NASATeamCoefficients(tiePoints: t), ref = nsidc()
        let scale = mine.d[0] / ref.d[0]
        for k in 0..<4 {
            XCTAssertEqual(mine.a[k], scale * ref.fy[k], accuracy: 1e-9 * abs(mine.d[0]), "a\(k)")
            XCTAssertEqual(mine.b[k], scale * ref.my[k], accuracy: 1e-9 * abs(mine.d[0]), "b\(k)")
            XCTAssertEqual(mine.d[k], scale * ref.d[k], accuracy: 1e-9 * abs(mine.d[0]), "d\(k)")
        }
    }

    func testTiePointsGiveExactlyZeroAndOneAndOutsideIsClamped() {
        func tb(_ s: NASATeamChannels) -> BrightnessTemperatures { [.h18_7: s.h19, .v18_7: s.v19, .v36_5: s.v37] }
        let nt = NASATeam()
        XCTAssertEqual(nt.estimate(tb(t.openWater)).concentration, 0)
        XCTAssertEqual(nt.estimate(tb(t.firstYear)).concentration, 1)
        XCTAssertEqual(nt.estimate(tb(t.multiYear)).concentration, 1)
        XCTAssertEqual(nt.estimate(tb(t.firstYear)).flags, [])
        let hot = nt.estimate(tb(NASATeamChannels(h19: 250, v19: 255, v37: 250)))
        XCTAssertEqual(hot.concentration, 1)
        XCTAssertEqual(hot.flags, .clamped)
        XCTAssertGreaterThan(hot.unclamped, 1)
        let calm = nt.estimate(tb(NASATeamChannels(h19: 100, v19: 185, v37: 215)))
        XCTAssertEqual(calm.concentration, 0)
        XCTAssertEqual(calm.flags, .clamped)
    }
}
