import AI4ArcticTestSupport
import Foundation
import SeaIceCore
import SeaIceCover
import SeaIceTestSupport
import XCTest

/// A raw AI4Arctic scene with analytic values (`RawSceneFixture`: HH = −20 + 0.01 r + 0.001 c dB,
/// HV = −28 + 0.02 r dB, incidence 20 + 0.1 c °, distance r/10 km) taken to 400 m.
final class CoverSceneTests: XCTestCase {
    func testBlockAveragesInLinearUnitsMasksLandAndFitsTheIncidenceSlope() throws {
        let fixture = RawSceneFixture()
        let url = try fixture.write(to: try TestPaths.temporaryDirectory("cover-scene"))
        let scene = try CoverScene.load(url, pixelSize: 400, referenceDegrees: 25)
        XCTAssertEqual(scene.lines, 10); XCTAssertEqual(scene.samples, 11)
        XCTAssertEqual(scene.land, (0..<110).map { $0 < 11 }, "row 0 (distance 0 km) is land; its blocks are land")
        // HV of block (3, 4): the linear mean of its 100 pixels.
        var sum = 0.0
        for r in 30..<40 { for c in 40..<50 { sum += pow(10, Double(fixture.hv(r, c)) / 10) } }
        XCTAssertEqual(Double(scene.hv[3 * 11 + 4]), sum / 100, accuracy: 1e-9)
        // Incidence at block centres, the partial last column included (columns 100–103, centre 101.5).
        XCTAssertEqual(Double(scene.incidence[3 * 11 + 3]), 20 + 0.1 * 34.5, accuracy: 1e-4)
        XCTAssertEqual(Double(scene.incidence[3 * 11 + 10]), 20 + 0.1 * 101.5, accuracy: 1e-4)
        // HH rises 0.001 dB per column while the angle rises 0.1° per column: 0.01 dB/°.
        XCTAssertEqual(scene.correction.slope, 0.01, accuracy: 1e-4)
        XCTAssertEqual(scene.correction.count, 99)
        XCTAssertEqual(scene.correction.referenceDegrees, 25)
        // Corrected HH has no column trend left: blocks (5, 1) and (5, 9) agree.
        let a = 10 * log10(Double(scene.hh[5 * 11 + 1])), b = 10 * log10(Double(scene.hh[5 * 11 + 9]))
        XCTAssertEqual(a, b, accuracy: 1e-3)
        let composite = try scene.composite()
        XCTAssertEqual(composite.valid.filter { $0 }.count, 99)
        XCTAssertEqual(Array(composite.rgb[0..<3]), [0, 0, 0], "land is black")
    }

    func testPixelSizeMustBeAMultipleOfTheFileSpacing() throws {
        let url = try RawSceneFixture().write(to: try TestPaths.temporaryDirectory("cover-scene-bad"))
        XCTAssertThrowsError(try CoverScene.load(url, pixelSize: 500)) { error in
            XCTAssertTrue("\(error)".contains("pixel spacing 40 m"), "\(error)")
            XCTAssertTrue("\(error)".contains(url.lastPathComponent), "\(error)")
        }
    }
}
