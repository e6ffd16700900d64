import Foundation
import SeaIceCore
import SeaIceCover
import XCTest

/// The composite formula on hand-made pixels (each clip and stretch edge) and the incidence correction on a
/// known slope.
final class CoverCompositeTests: XCTestCase {
    func db(_ v: Double) -> Float { Float(pow(10, v / 10)) }

    func testChannelsClipAndStretchAtEveryEdge() throws {
        // HV: 0.001 … 0.010 (10 values) with no tail → 0 and 255 at the ends, linear between.
        var hv = (1...10).map { Float($0) / 1000 }
        // HH so that the ratio is 1, 2, 7, 12 dB and the difference (ratio − 1 in dB) below, at and above the window.
        let ratiosDB: [Double] = [0, 2, 7, 12, 4.5, 3, 5, 6, 2.5, 6.5]
        var hh = zip(hv, ratiosDB).map { $0 * db($1) }
        hh.append(.nan); hv.append(0.005)                     // invalid: not finite
        hh.append(0.01); hv.append(0)                         // invalid: HV not positive
        var c = CoverCompositeConfiguration()
        c.hvTail = 0
        let out = try c.composite(hh: hh, hv: hv)
        XCTAssertEqual(out.valid, [Bool](repeating: true, count: 10) + [false, false])
        XCTAssertEqual(out.rgb[0], 0); XCTAssertEqual(out.rgb[27], 255)                  // R ends
        XCTAssertEqual(out.rgb[3 * 4], UInt8((4.0 / 9 * 255).rounded()))                  // R linear inside
        XCTAssertEqual(out.rgb[2], 0, "ratio 0 dB clips to 2 dB")
        XCTAssertEqual(out.rgb[5], 0, "ratio 2 dB is the low edge")
        XCTAssertEqual(out.rgb[8], 255, "ratio 7 dB is the high edge")
        XCTAssertEqual(out.rgb[11], 255, "ratio 12 dB clips")
        XCTAssertEqual(out.rgb[14], UInt8((2.5 / 5 * 255).rounded()), "ratio 4.5 dB half way")
        // Difference = 10·log10(ratio − 1): ratio 0 dB → −∞ → 0; ratio 12 dB → 11.7 dB → 255.
        XCTAssertEqual(out.rgb[1], 0)
        XCTAssertEqual(out.rgb[10], 255)
        let d = 10 * log10(pow(10, 0.3) - 1)  // ratio 3 dB
        XCTAssertEqual(out.rgb[3 * 5 + 1], UInt8(((d + 2) / 5.5 * 255).rounded()))
        XCTAssertEqual(Array(out.rgb[30...35]), [0, 0, 0, 0, 0, 0])
        // A 10 % tail on each side drops the smallest and largest HV from the stretch.
        c.hvTail = 0.1
        let tailed = try c.composite(hh: hh, hv: hv)
        XCTAssertEqual(tailed.hvLow, 0.002, accuracy: 1e-9)
        XCTAssertEqual(tailed.hvHigh, 0.009, accuracy: 1e-9)
        XCTAssertEqual(tailed.rgb[0], 0); XCTAssertEqual(tailed.rgb[27], 255)
    }

    func testBadThresholdsAndLengthsAreNamed() {
        var c = CoverCompositeConfiguration()
        c.ratioDB = [7, 2]
        XCTAssertThrowsError(try c.composite(hh: [1], hv: [1])) { XCTAssertTrue("\($0)".contains("ratioDB"), "\($0)") }
        c = CoverCompositeConfiguration()
        c.hvTail = 0.5
        XCTAssertThrowsError(try c.composite(hh: [1], hv: [1])) { XCTAssertTrue("\($0)".contains("hvTail"), "\($0)") }
        XCTAssertThrowsError(try CoverCompositeConfiguration().composite(hh: [1, 2], hv: [1]))
    }

    func testIncidenceRegressionRecoversAKnownSlope() throws {
        var g = SeededGenerator(seed: 11)
        let theta = (0..<5000).map { _ in Float(19 + 28 * g.nextUnitDouble()) }
        let hh = theta.map { -10 - 0.24 * $0 + Float(0.8 * g.nextGaussian()) }
        var use = [Bool](repeating: true, count: hh.count)
        var polluted = hh
        for k in 0..<100 { polluted[k] = 20; use[k] = false }  // land, masked out of the fit
        let fit = try IncidenceCorrection.fit(hhDB: polluted, incidence: theta, use: use, referenceDegrees: 30)
        XCTAssertEqual(fit.slope, -0.24, accuracy: 0.005)
        XCTAssertEqual(fit.intercept, -10, accuracy: 0.2)
        XCTAssertEqual(fit.count, 4900)
        XCTAssertEqual(fit.rSquared, 0.855, accuracy: 0.03)  // signal var (0.24·28/√12)² ≈ 3.76 dB², noise 0.64
        let corrected = fit.apply(hhDB: hh, incidence: theta)
        let again = try IncidenceCorrection.fit(hhDB: corrected, incidence: theta)
        XCTAssertEqual(again.slope, 0, accuracy: 0.005, "no slope left")
        XCTAssertEqual(Double(corrected[200]), Double(hh[200]) + 0.24 * (Double(theta[200]) - 30), accuracy: 0.01)
        XCTAssertThrowsError(try IncidenceCorrection.fit(hhDB: [1, 2], incidence: [30, 30]))
    }
}
