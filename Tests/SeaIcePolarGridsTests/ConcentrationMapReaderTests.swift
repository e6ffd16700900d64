import Foundation
import SeaIceTestSupport
import XCTest

@testable import SeaIcePolarGrids

/// Reading the concentration maps users have: the real nansat arctic.nc (25 km, three algorithms).
final class ConcentrationMapReaderTests: XCTestCase {
    func testArcticNcAllThreeAlgorithms() throws {
        let url = try TestPaths.requireSharedData("nansat/arctic.nc")
        let first = try ConcentrationMapReader.read(url)
        XCTAssertEqual(first.variable, "UMass_AES")
        XCTAssertEqual(first.format, .cf)
        XCTAssertEqual(first.grid.width, 240)
        XCTAssertEqual(first.grid.height, 240)
        XCTAssertEqual(first.grid.geoTransform, [-1_000_000, 25_000, 0, 5_000_000, 0, -25_000])
        XCTAssertTrue(first.grid.crs.contains("Polar_Stereographic"))
        let t = try XCTUnwrap(first.time)
        XCTAssertEqual(UTCTimestampString(t), "1978-11-01")
        for (name, mean) in [("UMass_AES", 0.628), ("Bootstrap", 0.612), ("Bristol", 0.619)] {
            let m = try ConcentrationMapReader.read(url, variable: name)
            XCTAssertEqual(m.validCount, 28_146, name)
            let valid = m.concentration.filter { !$0.isNaN }
            XCTAssertTrue(valid.allSatisfy { (0...1).contains($0) }, name)
            XCTAssertEqual(Double(valid.reduce(0, +)) / Double(valid.count), mean, accuracy: 0.0006, name)
        }
    }

    func testFileWithoutConcentrationIsRefused() throws {
        let url = try TestPaths.requireSharedData("nsidc-polarstereo/masks/amsr_gsfc_25n.hdf")
        XCTAssertThrowsError(try ConcentrationMapReader.read(url))
    }
}

func UTCTimestampString(_ d: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: d)
}
