import Foundation
import SeaIceCore
@testable import SeaIceRCM
import SeaIceSAR
import SeaIceTestSupport
import XCTest

/// The real RCM-2 16M metadata (../shared/data/rcm-metadata): product.xml, LUTs, noise, incidence, tie points.
final class RCMMetadataTests: XCTestCase {
    static let name = "rcm-metadata/RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD"

    func testRealProductXMLIsParsed() throws {
        let p = try RCMProduct(url: try TestPaths.requireSharedData(Self.name), requireImagery: false)
        let m = p.metadata
        XCTAssertEqual(m.satellite, "RCM-2")
        XCTAssertEqual(m.productType, "GRD")
        XCTAssertEqual(m.beamMode, "16M5")
        XCTAssertEqual(m.polarisations, [.hh, .hv])
        XCTAssertEqual(m.samples, 4845)
        XCTAssertEqual(m.lines, 9193)
        XCTAssertEqual(m.pixelSpacing, 6.25)
        XCTAssertEqual(m.lineSpacing, 6.25)
        XCTAssertEqual(m.sampleType, "Magnitude Detected")
        XCTAssertEqual(m.firstLineTime, "2022-06-05T07:03:17.687819Z")
        XCTAssertEqual(m.pass, "Descending")
        XCTAssertEqual(m.processorVersion, 7.06)
        XCTAssertEqual(m.tiePoints.count, 1798)
        XCTAssertFalse(m.noiseSubtracted)
        XCTAssertEqual(m.imageFiles[.hv], "../imagery/2116811_1_HV.tif")
        XCTAssertEqual(p.productName, "RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD")
        XCTAssertTrue(p.simulationMarkers.isEmpty, "a real product")
        XCTAssertEqual(p.channels.map(\.polarisation), [.hh, .hv])
        // LUTs: 4845 gains from pixel 4844 in steps of −1 (filled backwards).
        let lut = p.channels[0].lut
        XCTAssertEqual(lut.gains.values.count, 4845)
        XCTAssertEqual(lut.gains.firstPixel, 4844)
        XCTAssertEqual(lut.gains.stepSize, -1)
        XCTAssertEqual(lut.offset, 0)
        XCTAssertEqual(lut.gains.values[0], 2.8754432e8)
        // Noise: three calibration types, 100 values from 4844 in steps of −49; the σ⁰ level in linear units.
        let noise = p.channels[0].noise
        XCTAssertEqual(Set(noise.levels.keys), Set(RCMCalibrationType.allCases))
        XCTAssertEqual(noise.levels[.sigmaNought]?.values.count, 100)
        XCTAssertEqual(noise.levels[.sigmaNought]?.stepSize, -49)
        let nesz = noise.linear(width: 4845)
        XCTAssertEqual(nesz[4844], pow(10, -2.990595102310181e+01 / 10), accuracy: 1e-12)
        XCTAssertEqual(p.incidence.table.values.count, 4845)
        XCTAssertEqual(p.incidence.angle(atPixel: 4844), 26.23540729122291, accuracy: 1e-9)
    }

    func testTheGeolocationGridHoldsTheRealTiePoints() throws {
        let p = try RCMProduct(url: try TestPaths.requireSharedData(Self.name), requireImagery: false)
        let grid = try p.geolocationGrid()
        XCTAssertEqual(grid.lines.count * grid.pixels.count, 1798)
        // Exact at every real tie point (the first: line 0, pixel 0 at 13.7121°N, 16.5347°W).
        for t in p.metadata.tiePoints {
            let g = grid.location(line: t.line, pixel: t.pixel)
            XCTAssertEqual(g.latitude, t.latitude, accuracy: 1e-9)
            XCTAssertEqual(g.longitude, t.longitude, accuracy: 1e-9)
        }
        let first = grid.location(line: 0, pixel: 0)
        XCTAssertEqual(first.latitude, 13.71213086650616, accuracy: 1e-12)
        XCTAssertEqual(first.longitude, -16.53465244656484, accuracy: 1e-12)
        // Incidence 26.2°–28.8° (incAngNearRng/FarRng); the elevation angle is smaller than the incidence.
        let ties = p.tiePoints()
        XCTAssertEqual(ties.map(\.incidenceAngle).min() ?? 0, 26.235, accuracy: 0.01)
        XCTAssertEqual(ties.map(\.incidenceAngle).max() ?? 0, 28.837, accuracy: 0.01)
        XCTAssertTrue(ties.allSatisfy { $0.elevationAngle < $0.incidenceAngle && $0.elevationAngle > 20 })
    }

    func testANegativeStepFillsTheRowBackwards() throws {
        let t = RCMPixelTable(firstPixel: 4, stepSize: -2, values: [10, 20, 30])  // pixels 4, 2, 0
        XCTAssertEqual(t.expanded(width: 5), [30, 25, 20, 15, 10])
        let forward = RCMPixelTable(firstPixel: 0, stepSize: 2, values: [30, 20, 10])
        XCTAssertEqual(forward.expanded(width: 5), [30, 25, 20, 15, 10])
        XCTAssertNoThrow(try t.checkCovers(width: 5, file: "f", item: "gains"))
        XCTAssertThrowsError(try t.checkCovers(width: 9, file: "f", item: "gains"))
    }

    /// Swift's calibration against python/rcm_calibration.py (numpy, xsar's formula) at every σ⁰ LUT node.
    func testCalibrationMatchesTheIndependentPythonReferenceAtEveryLUTNode() throws {
        let root = try TestPaths.requireSharedData(Self.name)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/rcm_calibration.json")
        struct Table: Decodable { let file: String; let every: Int; let value: [Double] }
        struct Fixture: Decodable { let tables: [Table] }
        let f = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: fixture))
        XCTAssertEqual(f.tables.count, 6)
        for t in f.tables {
            let url = root.appendingPathComponent("metadata/calibration/\(t.file)")
            let lut = try RCMLookupTable(data: Data(contentsOf: url), file: url.path, width: 4845)
            let full = lut.gains.expanded(width: 4845)
            var worst = 0.0
            for (i, expected) in t.value.enumerated() {
                let k = i * t.every
                let dn = 50.0 + Double((k * 7919) % 12000)
                // The node's own gain and the gain of the full-width row at the node's pixel.
                let atNode = lut.calibrate(dn: dn, gain: lut.gains.values[k])
                let onRow = lut.calibrate(dn: dn, gain: full[lut.gains.pixel(ofNode: k)])
                worst = max(worst, abs(atNode / expected - 1), abs(onRow / expected - 1))
            }
            XCTAssertLessThan(worst, 1e-6, t.file)
        }
    }

    /// Hand-computed golden values: σ⁰ of DN 1000 at pixel 4844 (the first HH gain 2.8754432e8) and at pixel 0.
    func testCalibrationGoldenValues() throws {
        let p = try RCMProduct(url: try TestPaths.requireSharedData(Self.name), requireImagery: false)
        let hh = p.channels[0]
        XCTAssertEqual(hh.sigma0(dn: 1000, pixel: 4844), 1e6 / 2.8754432e8, accuracy: 1e-9)
        XCTAssertEqual(hh.sigma0(dn: 1000, pixel: 0), 1e6 / hh.lut.gains.values[4844], accuracy: 1e-9)
        var row = RadiometryRow(width: 4845)
        hh.radiometry(line: 17, into: &row)
        XCTAssertEqual(Double(row.gain[4844]), 1 / 2.8754432e8, accuracy: 1e-15)
        XCTAssertEqual(Double(row.nesz[4844]), pow(10, -2.990595102310181e+01 / 10), accuracy: 1e-9)
        XCTAssertEqual(row.offset[0], 0)
    }
}
