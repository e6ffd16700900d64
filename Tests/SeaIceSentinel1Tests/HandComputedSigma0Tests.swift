import Foundation
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// σ⁰ and NESZ at sample pixels against values worked out by hand from the real EW XML.
final class HandComputedSigma0Tests: XCTestCase {
    let cal = MetadataParsingTests.ew.appendingPathComponent("annotation/calibration/calibration-s1a-ew-grd-hh-20221130t014342-20221130t014446-046117-058549-001.xml")
    let noise = MetadataParsingTests.ew.appendingPathComponent("annotation/calibration/noise-s1a-ew-grd-hv-20221130t014342-20221130t014446-046117-058549-002.xml")

    func testSigmaNoughtLUTBilinear() throws {
        let c = try CalibrationAnnotation(data: try Data(contentsOf: TestPaths.requireSharedData(at: cal)),
                                          file: cal.path, width: 10487)
        // Vector at line 0: pixel 0 → 1.908928e+03, pixel 40 → 1.902606e+03, pixel 80 → 1.896360e+03.
        XCTAssertEqual(c.sigmaNought.value(line: 0, pixel: 0), 1908.928, accuracy: 1e-3)
        XCTAssertEqual(c.sigmaNought.value(line: 0, pixel: 40), 1902.606, accuracy: 1e-3)
        XCTAssertEqual(c.sigmaNought.value(line: 0, pixel: 20), (1908.928 + 1902.606) / 2, accuracy: 1e-3)
        XCTAssertEqual(c.sigmaNought.value(line: 0, pixel: 70), 1902.606 + 0.75 * (1896.360 - 1902.606), accuracy: 1e-3)
        // σ⁰ = DN² / A² for DN = 100 at (0, 20).
        let a = Double(c.sigmaNought.value(line: 0, pixel: 20))
        XCTAssertEqual(100 * 100 / (a * a), 10_000 / (1905.767 * 1905.767), accuracy: 1e-9)
    }

    func testNoiseRangeTimesAzimuth() throws {
        let n = try NoiseAnnotation(data: try Data(contentsOf: TestPaths.requireSharedData(at: noise)),
                                    file: noise.path, width: 10487)
        // Range vectors: line 167 (pixel 0: 3.274702e+04, pixel 40: 2.712721e+04), line 334 (3.206387e+04, 2.658609e+04).
        let at167 = (32747.02 + 27127.21) / 2, at334 = (32063.87 + 26586.09) / 2
        let range = at167 + (250.0 - 167) / (334 - 167) * (at334 - at167)
        XCTAssertEqual(Double(n.range.value(line: 250, pixel: 20)), range, accuracy: 0.05)
        // Azimuth block EW1, lines 128–1344, samples 0–3117: factor 1.005355 at line 250.
        var row = [Float](repeating: 0, count: 10487)
        row.withUnsafeMutableBufferPointer { n.row(at: 250, into: $0) }
        XCTAssertEqual(Double(row[20]), range * 1.005355, accuracy: 0.1)
        // Between annotated azimuth lines 240 (1.008254) and 250: linear.
        row.withUnsafeMutableBufferPointer { n.row(at: 245, into: $0) }
        XCTAssertEqual(Double(row[20]) / Double(n.range.value(line: 245, pixel: 20)), (1.008254 + 1.005355) / 2, accuracy: 1e-6)
    }

    func testAzimuthBlockExtrapolatesLinearly() {
        let b = AzimuthNoiseBlock(swath: "EW1", firstLine: 0, lastLine: 20, firstSample: 0, lastSample: 9, lines: [5, 15], values: [1.0, 2.0])
        XCTAssertEqual(b.value(at: 10), 1.5, accuracy: 1e-6)
        XCTAssertEqual(b.value(at: 0), 0.5, accuracy: 1e-6)
        XCTAssertEqual(b.value(at: 20), 2.5, accuracy: 1e-6)
        let one = AzimuthNoiseBlock(swath: "EW1", firstLine: 0, lastLine: 20, firstSample: 0, lastSample: 9, lines: [5], values: [1.25])
        XCTAssertEqual(one.value(at: 19), 1.25)
    }

    func testEveryPixelInOneAzimuthBlock() throws {
        let n = try NoiseAnnotation(data: try Data(contentsOf: TestPaths.requireSharedData(at: noise)),
                                    file: noise.path, width: 10487)
        for line in stride(from: 0, to: 10708, by: 97) {
            var cover = [Int](repeating: 0, count: 10487)
            for b in n.azimuthBlocks where line >= b.firstLine && line <= b.lastLine {
                for x in max(0, b.firstSample)...min(10486, b.lastSample) { cover[x] += 1 }
            }
            // No overlaps anywhere; full cover away from the ragged first and last lines (no-data corners of the GRD).
            XCTAssertEqual(cover.max(), 1, "line \(line)")
            if (500..<10200).contains(line) { XCTAssertEqual(cover.min(), 1, "line \(line)") }
        }
    }
}
