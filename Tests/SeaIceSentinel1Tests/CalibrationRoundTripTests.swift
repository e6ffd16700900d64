import Foundation
import Logging
import SeaIceCore
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// A known σ⁰ field through DN (real LUTs and real noise) and back through calibration and ESA denoising.
final class CalibrationRoundTripTests: XCTestCase {
    let logger = Logger(label: "test")

    func testKnownFieldRecoveredESA() throws {
        let product = try SAFEProduct(url: Fixtures.ewFolder)
        XCTAssertEqual(product.bands.map(\.0), [.hh, .hv])
        XCTAssertEqual(product.ipfVersion, 3.52)
        var c = PreprocessConfiguration()
        c.noise = .esa
        c.pixelSize = 800
        c.blockRows = 64
        let field = KnownSigma0Field()
        for pol in [Polarisation.hh, .hv] {
            let meta = try product.metadata(pol)
            let ch = try ChannelProcessor.process(meta, configuration: c, coefficients: nil, logger: logger)
            XCTAssertEqual(ch.width, 525 - 0)
            XCTAssertEqual(ch.height, 536)
            var worst = 0.0
            for y in stride(from: 0, to: ch.height, by: 7) {
                for x in stride(from: 0, to: ch.width, by: 5) {
                    let got = 10 * log10(Double(ch.sigma0[y * ch.width + x]))
                    let want = 10 * log10(field.sigma0(pol, line: Double(y), pixel: Double(x)))
                    worst = max(worst, abs(got - want))
                }
            }
            // DN quantisation under the noise floor: ≤ 0.25 dB for HV at −27 dB, far less for HH.
            XCTAssertLessThan(worst, pol == .hh ? 0.05 : 0.25, "\(pol)")
        }
    }

    func testCustomSigma0SourceWithoutNoise() throws {
        // A step field (ice edge at pixel 200), no thermal noise: calibration alone gives it back.
        var b = try Fixtures.ewBuilder(noise: false)
        b.sigma0Source = { pol, _, x in (x < 200 ? 0.05 : 0.002) * (pol.isCrossPolarised ? 0.2 : 1) }
        let product = try SAFEProduct(url: try b.writeFolder(in: try TestPaths.temporaryDirectory("custom")))
        var c = PreprocessConfiguration()
        c.noise = .none
        c.pixelSize = 800
        let ch = try ChannelProcessor.process(try product.metadata(.hh), configuration: c, coefficients: nil, logger: logger)
        XCTAssertEqual(ch.sigma0[100 * ch.width + 150], 0.05, accuracy: 0.05 * 0.01)
        XCTAssertEqual(ch.sigma0[100 * ch.width + 300], 0.002, accuracy: 0.002 * 0.05)
    }
}
