import Foundation
import SeaIceCore
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// The real Sentinel-1 geometry and noise the simulator is built on.
final class RealStructureTests: XCTestCase {
    func testKaraSeaGeometryAndNoise() throws {
        let t = try SimulatorFixture.resources.templates[0]
        XCTAssertEqual(t.geometry.lines, 10708)
        XCTAssertEqual(t.geometry.samples, 10487)
        XCTAssertEqual(t.geometry.grid.count, 483)
        XCTAssertEqual(t.geometry.incidence.min()!, 18.9, accuracy: 0.1)
        XCTAssertEqual(t.geometry.incidence.max()!, 46.4, accuracy: 0.1)
        XCTAssertEqual(t.month, 11)
        // Interpolation reproduces a tie point exactly.
        let k = 5 * t.geometry.grid.samples.count + 7
        XCTAssertEqual(t.geometry.interpolate(t.geometry.latitude, line: t.geometry.grid.lines[5], pixel: t.geometry.grid.samples[7]),
                       t.geometry.latitude[k], accuracy: 1e-9)
        // HV NESZ of EW: roughly −35 … −20 dB, five sub-swaths across range.
        let row = t.noiseHV.row(line: 5000)
        let pixels = stride(from: 0.0, to: 10487, by: 37).map { $0 }
        let swept = row.nesz(ascending: pixels)
        for (p, v) in zip(pixels, swept) {
            XCTAssertEqual(v, row.nesz(pixel: p), accuracy: 1e-12 + 1e-9 * v)
            let db = 10 * log10(v)
            XCTAssertTrue(db > -40 && db < -15, "NESZ \(db) dB at pixel \(p)")
        }
        XCTAssertEqual(Set(pixels.map { row.swath(pixel: $0) }), [1, 2, 3, 4, 5])
    }

    func testGreenlandGeometryParses() throws {
        let g = try SimulatorFixture.resources.templates[1].geometry
        XCTAssertEqual(g.lines, 8977)
        XCTAssertEqual(g.samples, 10355)
        XCTAssertEqual(g.annotation.pass, "Ascending")
    }

    func testScaledWindowStaysInsideTheProduct() throws {
        let base = try SimulatorFixture.resources.templates[0].geometry
        for (size, spacing) in [(1, 40.0), (100, 40), (1000, 400), (3000, 400)] {
            let g = ScaledGeometry(base: base, lines: size, samples: size, pixelSpacing: spacing, offset: (1, 1))
            // Window edges (centre coordinates of the product: pixel k spans k − ½ … k + ½).
            XCTAssertGreaterThanOrEqual(g.productLine(-0.5), -0.5 - 1e-9)
            XCTAssertGreaterThanOrEqual(g.productPixel(-0.5), -0.5 - 1e-9)
            XCTAssertLessThanOrEqual(g.productLine(Double(size) - 0.5), Double(base.lines) - 0.5 + 1e-6)
            XCTAssertLessThanOrEqual(g.productPixel(Double(size) - 0.5), Double(base.samples) - 0.5 + 1e-6)
        }
    }

    func testSIGRIDPolygonRowsAndFractions() {
        let p = SimulatedPolygon(id: 4, kind: .ice, ct: 92, ca: 40, sa: 93, fa: 5, cb: 60, sb: 87, fb: 4)
        XCTAssertEqual(p.codesRow, "4;92;40;93;05;60;87;04;-9;-9;-9;-9;-9;-9;I")
        XCTAssertEqual(p.partials.map(\.fraction), [0.4, 0.6])
        XCTAssertEqual(p.waterFraction, 0, accuracy: 1e-12)
        XCTAssertEqual(SimulatedPolygon(id: 1, kind: .ice, ct: 30, sa: 84, fa: 2).partials.map(\.fraction), [0.3])
        XCTAssertEqual(SimulatedPolygon.fraction(ofConcentration: 1), 0)
        XCTAssertEqual(SimulatedPolygon.fraction(ofConcentration: 46), 0.5)
        XCTAssertEqual(SurfaceKind(stageCode: 95), .oldIce)
        XCTAssertNil(SurfaceKind(stageCode: 99))
    }
}
