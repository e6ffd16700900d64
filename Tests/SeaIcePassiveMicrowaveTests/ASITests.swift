import SeaIceAuxiliary
import SeaIcePassiveMicrowave
import XCTest

/// ASI (Spreen et al. 2008): the coefficients the paper publishes, exact 0 and 1 at the tie points, clamping.
final class ASITests: XCTestCase {
    private let asi = ASI()

    private func tb(_ p: Double) -> BrightnessTemperatures { [.v89_0: 230 + p, .h89_0: 230] }

    func testCoefficientsAreSpreensPublishedOnes() {
        // Spreen et al. 2008: d3 = 1.64e-5, d2 = -0.0016, d1 = 0.0192, d0 = 0.971 (P0 = 47 K, P1 = 11.7 K).
        let d = asi.coefficients
        XCTAssertEqual(d[3], 1.64e-5, accuracy: 0.005e-5)
        XCTAssertEqual(d[2], -0.0016, accuracy: 0.00005)
        XCTAssertEqual(d[1], 0.0192, accuracy: 0.00005)
        XCTAssertEqual(d[0], 0.971, accuracy: 0.0005)
    }

    func testConditionsHold() {
        let d = asi.coefficients
        func c(_ p: Double) -> Double { asi.concentration(polarisationDifference: p) }
        func pSlope(_ p: Double) -> Double { p * (3 * d[3] * p * p + 2 * d[2] * p + d[1]) }
        XCTAssertEqual(c(47), 0, accuracy: 1e-12)
        XCTAssertEqual(c(11.7), 1, accuracy: 1e-12)
        XCTAssertEqual(pSlope(47), -1.14, accuracy: 1e-10)
        XCTAssertEqual(pSlope(11.7), -0.14, accuracy: 1e-10)
        // Monotone decreasing between the tie points (the dC/dP reading of the rows would overshoot to ~5.8).
        var last = c(11.7)
        for k in 1...353 {
            let next = c(11.7 + Double(k) * 0.1)
            XCTAssertLessThan(next, last)
            last = next
        }
    }

    func testTiePointsGiveExactlyZeroAndOneAndOutsideIsClamped() {
        XCTAssertEqual(asi.estimate(tb(47)).concentration, 0)
        XCTAssertEqual(asi.estimate(tb(11.7)).concentration, 1)
        XCTAssertEqual(asi.estimate(tb(11.7)).flags, [])
        let above = asi.estimate(tb(60)), below = asi.estimate(tb(3))
        XCTAssertEqual(above.concentration, 0)
        XCTAssertEqual(below.concentration, 1)
        XCTAssertEqual(above.flags, .clamped)
        XCTAssertEqual(below.flags, .clamped)
        XCTAssertEqual(asi.estimate(tb(29)).concentration, asi.concentration(polarisationDifference: 29),
                       accuracy: 1e-12)
    }
}
