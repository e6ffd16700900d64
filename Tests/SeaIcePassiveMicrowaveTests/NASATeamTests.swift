import SeaIcePassiveMicrowave
import XCTest

/// NASA Team against hand-computed values: the ratios of the NSIDC-0802 tie points, pure surfaces, and linear
/// mixtures of the tie points (which the method must invert exactly: its two equations are linear in TB).
final class NASATeamTests: XCTestCase {
    private let nt = NASATeam()

    func testRatiosOfTheOpenWaterTiePoint() {
        let ow = NASATeamTiePoints.amsr2NorthernHemisphere.openWater
        // (185.90 − 120.50) / (185.90 + 120.50) and (210.50 − 185.90) / (210.50 + 185.90).
        XCTAssertEqual(ow.polarisationRatio, 65.4 / 306.4, accuracy: 1e-12)
        XCTAssertEqual(ow.polarisationRatio, 0.213446, accuracy: 1e-6)
        XCTAssertEqual(ow.gradientRatio, 0.062059, accuracy: 1e-6)
    }

    func testPureSurfacesGiveTheirOwnConcentration() throws {
        let t = NASATeamTiePoints.amsr2NorthernHemisphere
        let water = try XCTUnwrap(nt.concentrations(t.openWater))
        XCTAssertEqual(water.firstYear, 0, accuracy: 1e-9)
        XCTAssertEqual(water.multiYear, 0, accuracy: 1e-9)
        let fy = try XCTUnwrap(nt.concentrations(t.firstYear))
        XCTAssertEqual(fy.firstYear, 1, accuracy: 1e-9)
        XCTAssertEqual(fy.multiYear, 0, accuracy: 1e-9)
        let my = try XCTUnwrap(nt.concentrations(t.multiYear))
        XCTAssertEqual(my.firstYear, 0, accuracy: 1e-9)
        XCTAssertEqual(my.multiYear, 1, accuracy: 1e-9)
        XCTAssertEqual(my.totalPercent, 100, accuracy: 1e-7)
    }

    func testMixtureOfTiePointsIsInverted() throws {
        // 0.3 OW + 0.5 FY + 0.2 MY, by hand: 19H 36.15 + 117.75 + 40.14, 19V 55.77 + 125.45 + 44.44,
        // 37V 63.15 + 120.65 + 37.72 K.
        let tb = NASATeamChannels(h19: 194.04, v19: 225.66, v37: 221.52)
        let c = try XCTUnwrap(nt.concentrations(tb))
        XCTAssertEqual(c.firstYear, 0.5, accuracy: 1e-9)
        XCTAssertEqual(c.multiYear, 0.2, accuracy: 1e-9)
        XCTAssertEqual(c.total, 0.7, accuracy: 1e-9)
        XCTAssertEqual(c.totalPercent, 70, accuracy: 1e-7)
        XCTAssertEqual(NASATeam.concentration(h19: 194.04, v19: 225.66, v37: 221.52), 0.7, accuracy: 1e-9)
    }

    func testTotalIsClampedToZeroAndOne() throws {
        // Warmer and less polarised than first-year ice: the unclamped total exceeds 1.
        let hot = try XCTUnwrap(nt.concentrations(NASATeamChannels(h19: 250, v19: 255, v37: 250)))
        XCTAssertGreaterThan(hot.firstYear + hot.multiYear, 1)
        XCTAssertEqual(hot.total, 1)
        // More polarised than open water: below 0.
        let calm = try XCTUnwrap(nt.concentrations(NASATeamChannels(h19: 100, v19: 185, v37: 215)))
        XCTAssertLessThan(calm.firstYear + calm.multiYear, 0)
        XCTAssertEqual(calm.total, 0)
    }

    func testNaNAndDegenerateTiePoints() {
        XCTAssert(NASATeam.concentration(h19: .nan, v19: 225, v37: 220).isNaN)
        let same = NASATeamChannels(h19: 200, v19: 230, v37: 220)
        let degenerate = NASATeamTiePoints(openWater: NASATeamTiePoints.amsr2NorthernHemisphere.openWater,
                                           firstYear: same, multiYear: same)
        XCTAssertNil(NASATeam(tiePoints: degenerate).concentrations(same))
        XCTAssert(NASATeam.concentration(h19: 200, v19: 230, v37: 220, tiePoints: degenerate).isNaN)
    }
}
