@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// Slope fitting and correction on a field with a known angular trend.
final class IncidenceAngleCorrectionTests: XCTestCase {
    func testFitRecoversSlopeAndFlattens() {
        let angles: [Float] = (0..<2000).map { 19 + 28 * Float($0) / 1999 }
        // −0.2 dB/° trend, a ±0.5 dB deterministic texture, and "land" pixels at +10 dB that must be left out.
        var db: [Float] = angles.enumerated().map { i, a in -15 - 0.2 * (a - 34.5) + 0.5 * sinf(Float(i) * 0.7) }
        let land = Set(stride(from: 0, to: 2000, by: 10))
        for i in land { db[i] += 10 }
        let slope = IncidenceAngleCorrection.fitSlope(db: db, incidence: angles) { !land.contains($0) }!
        XCTAssertEqual(slope, -0.2, accuracy: 0.005)
        IncidenceAngleCorrection.apply(db: &db, incidence: angles, slope: slope, reference: 34.5)
        let sea = db.indices.filter { !land.contains($0) }.map { db[$0] }
        XCTAssertEqual(sea.reduce(0, +) / Float(sea.count), -15, accuracy: 0.05)
        XCTAssertLessThan(sea.max()! - sea.min()!, 1.1)
    }

    func testTooFewPixelsGivesNil() {
        XCTAssertNil(IncidenceAngleCorrection.fitSlope(db: [1, 2, 3], incidence: [20, 30, 40]) { _ in true })
        XCTAssertNil(IncidenceAngleCorrection.fitSlope(db: [Float](repeating: 1, count: 500), incidence: [Float](repeating: 30, count: 500)) { _ in true })
    }

    func testNERSCSlopes() {
        XCTAssertEqual(IncidenceAngleCorrection.nerscSlope(.hh), -0.2)
        XCTAssertEqual(IncidenceAngleCorrection.nerscSlope(.vv), -0.2)
        XCTAssertEqual(IncidenceAngleCorrection.nerscSlope(.hv), -0.025)
        XCTAssertEqual(IncidenceAngleCorrection.nerscSlope(.vh), -0.025)
    }
}

#if canImport(Glibc)
import Glibc
#endif
