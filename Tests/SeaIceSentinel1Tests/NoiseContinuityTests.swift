import Foundation
import Logging
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// A uniform σ⁰ field with the real EW noise: the noise step at sub-swath boundaries is visible without
/// noise removal and gone after it; the NERSC texture filter is continuous too.
final class NoiseContinuityTests: XCTestCase {
    func uniformProduct() throws -> URL {
        var b = try Fixtures.ewBuilder()
        b.field.amplitudeDB = 0
        return try b.writeFolder(in: try TestPaths.temporaryDirectory("uniform"))
    }

    /// Largest |Δ dB| between horizontally adjacent output pixels over the middle rows, and at which column.
    func largestStep(_ ch: MultilookedChannel) -> (Double, Int) {
        var worst = (0.0, -1)
        for y in stride(from: ch.height / 4, to: 3 * ch.height / 4, by: 3) {
            for x in 1..<ch.width {
                let a = ch.sigma0[y * ch.width + x - 1], b = ch.sigma0[y * ch.width + x]
                guard a > 0, b > 0 else { continue }
                let d = abs(10 * log10(Double(b / a)))
                if d > worst.0 { worst = (d, x) }
            }
        }
        return worst
    }

    func testStepsRemovedAtSwathBoundaries() throws {
        let meta = try SAFEProduct(url: try uniformProduct()).metadata(.hv)
        let boundaries = Set(meta.annotation.swathBounds.map(\.firstSample).filter { $0 > 0 })
        var c = PreprocessConfiguration()
        c.pixelSize = 800
        c.noise = .none
        let raw = try ChannelProcessor.process(meta, configuration: c, coefficients: nil, logger: Logger(label: "t"))
        let (rawStep, at) = largestStep(raw)
        XCTAssertGreaterThan(rawStep, 0.3, "the real HV noise must show a step")
        XCTAssert(boundaries.contains { abs($0 - at) <= 1 }, "largest raw step at \(at), boundaries \(boundaries.sorted())")
        c.noise = .esa
        let esa = try ChannelProcessor.process(meta, configuration: c, coefficients: nil, logger: Logger(label: "t"))
        XCTAssertLessThan(largestStep(esa).0, 0.25)
        c.noise = .nersc
        let table = try NERSCCoefficients.Table(url: TestPaths.requireSharedData(
            "sentinel1denoised/denoising_parameters.json"))
        // With NS = 1, PB = 0 the NERSC path is ESA noise plus the texture filter: still continuous.
        let unit = NERSCCoefficients(noiseScaling: [:], powerBalancing: [:], ipfUsed: 3.5, ipfRequested: 3.5)
        let nersc = try ChannelProcessor.process(meta, configuration: c, coefficients: unit, logger: Logger(label: "t"))
        XCTAssertLessThan(largestStep(nersc).0, 0.25)
        // Real coefficients change the noise per sub-swath (they correct real data's noise, not this synthetic one).
        let real = table.coefficients(mission: "S1A", mode: .ew, polarisation: .hv, ipf: 3.52, logger: Logger(label: "t"))!
        XCTAssertEqual(real.ipfUsed, 3.3)
        let scaled = try ChannelProcessor.process(meta, configuration: c, coefficients: real, logger: Logger(label: "t"))
        XCTAssertNotEqual(scaled.sigma0, nersc.sigma0)
    }
}
