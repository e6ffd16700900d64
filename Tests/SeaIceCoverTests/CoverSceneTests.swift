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

/// Labels at 400 m from the fixture's chart (polygon 1 CT 9–10/10 for c ≤ 40, polygon 2 CT 3/10 for 41–80,
/// polygon 3 water beyond, no chart from row 90), the labelled-scene file and the manifest.
final class CoverLabelTests: XCTestCase {
    func testChartLabelsByThresholdWrittenAndListed() throws {
        let dir = try TestPaths.temporaryDirectory("cover-labels")
        let url = try RawSceneFixture().write(to: dir)
        let scene = try CoverScene.load(url, labels: .chart(thresholdPercent: 15))
        let label = try XCTUnwrap(scene.label)
        XCTAssertEqual(Array(label[0..<11]), [UInt8](repeating: 255, count: 11), "land row")
        XCTAssertEqual(Array(label[44..<55]), [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], "row 4: polygons 1 and 2 ice, 3 water; block 8 mostly water")
        XCTAssertEqual(Array(label[99..<110]), [UInt8](repeating: 255, count: 11), "no chart from row 90")
        let strict = try XCTUnwrap(try CoverScene.load(url, labels: .chart(thresholdPercent: 40)).label)
        XCTAssertEqual(Array(strict[44..<55]), [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], "3/10 is water at 40 %; block 4 has 9 of its 10 columns in polygon 2")
        XCTAssertThrowsError(try CoverScene.load(url, labels: .truth)) { XCTAssertTrue("\($0)".contains("truth_surface_class"), "\($0)") }

        let out = try TestPaths.temporaryDirectory("cover-set")
        let manifest = try CoverLabelledSetManifest.build(inputs: [url], labels: .chart(thresholdPercent: 15), into: out)
        XCTAssertEqual(manifest.scenes.count, 1)
        let e = manifest.scenes[0]
        XCTAssertEqual(e.iceProportion, 8.0 / 11, accuracy: 1e-9, "8 of 11 labelled blocks per row are ice")
        XCTAssertEqual(e.labelledFraction, 88.0 / 99, accuracy: 1e-9, "rows 1–8 labelled of 9 sea rows")
        XCTAssertGreaterThan(e.mizFraction, 0)
        let back = try CoverLabelledScene.read(out.appendingPathComponent(e.file))
        XCTAssertEqual(back.ice, label)
        XCTAssertEqual(back.lines, 10); XCTAssertEqual(back.samples, 11)
        XCTAssertEqual(back.composite.count, 330)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }
}
