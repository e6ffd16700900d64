import Foundation
import SeaIceNetCDF
import SeaIceProducts
import SeaIceTestSupport
import XCTest

final class CFProductWriterTests: XCTestCase {
    private func product(simulated: Bool) -> IceProduct {
        let h = 3, w = 4, n = h * w
        return IceProduct(
            sceneID: "20180124T194759_dmi", height: h, width: w, pixelSpacing: 80,
            sicPercent: (0..<n).map { UInt8($0 * 10 % 110) },
            sod: (0..<n).map { UInt8($0 % 6) },
            floe: (0..<n).map { $0 == 0 ? 255 : UInt8($0 % 7) },
            sodProbabilities: (0..<(6 * n)).map { Float($0 % 7) / 7 },
            sicUncertainty: [Float](repeating: 4.5, count: n),
            latitude: (0..<n).map { 70 + Float($0) * 0.01 },
            longitude: (0..<n).map { -50 + Float($0) * 0.01 },
            provenance: ProductProvenance(inputs: ["scene.nc"], model: "test model", softwareVersion: "0.1.0",
                                          simulated: simulated, commandLine: "seaice predict ..."),
            acquisition: DateInterval(start: Date(timeIntervalSince1970: 1_516_823_279), duration: 64))
    }

    func testWrittenProductReopensWithCFAttributes() throws {
        let url = try TestPaths.temporaryDirectory("product").appendingPathComponent("p.nc")
        let p = product(simulated: true)
        try CFProductWriter().write(p, to: url)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.requireText("Conventions"), "CF-1.10, ACDD-1.3")
        XCTAssertEqual(try f.requireText("simulated"), "true")
        XCTAssertEqual(try f.requireText("time_coverage_start"), "2018-01-24T19:47:59Z")
        XCTAssertEqual(try f.requireText("time_coverage_end"), "2018-01-24T19:49:03Z")
        XCTAssertEqual(try f.read("time_bnds", as: Double.self), [1_516_823_279, 1_516_823_343])
        XCTAssertEqual(try f.requireText("standard_name", variable: "SOD"), "sea_ice_classification")
        for name in ["summary", "license", "creator_name", "date_created", "id", "keywords"] {
            XCTAssertFalse(try f.requireText(name).isEmpty, name)
        }
        XCTAssertEqual(try f.attribute("geospatial_lat_min"), .doubles([70]))
        XCTAssertEqual(try f.attribute("geospatial_lon_max")?.number ?? 0, -49.89, accuracy: 1e-5)
        XCTAssert(try f.requireText("comment").contains("SIMULATED"))
        XCTAssertEqual(try f.requireText("standard_name", variable: "SIC"), "sea_ice_area_fraction")
        XCTAssertEqual(try f.requireText("units", variable: "SIC"), "%")
        XCTAssertEqual(try f.requireText("coordinates", variable: "SOD"), "lat lon")
        XCTAssertEqual(try f.attribute("flag_values", variable: "SOD"), .ubytes([0, 1, 2, 3, 4, 5]))
        XCTAssertEqual(try f.requireText("flag_meanings", variable: "FLOE").split(separator: " ").count, 7)
        XCTAssertEqual(try f.attribute("_FillValue", variable: "FLOE"), .ubytes([255]))
        XCTAssertEqual(try f.requireText("standard_name", variable: "lat"), "latitude")
        XCTAssertEqual(try f.read("SIC", as: UInt8.self), p.sicPercent)
        XCTAssertEqual(try f.read("FLOE", as: UInt8.self), p.floe)
        XCTAssertEqual(try f.readFloats("SOD_probability"), p.sodProbabilities)
        XCTAssertEqual(try f.variable("SOD_probability").dimensions, ["sod_class", "y", "x"])
        XCTAssertFalse(f.hasVariable("FLOE_probability"))
        XCTAssertEqual(try f.readFloats("lon"), p.longitude)
    }

    func testRealInputsAreNotFlaggedSimulated() throws {
        let url = try TestPaths.temporaryDirectory("product").appendingPathComponent("p.nc")
        try CFProductWriter().write(product(simulated: false), to: url)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.requireText("simulated"), "false")
        XCTAssertNil(try f.attribute("comment"))
    }

    func testFailedWriteLeavesNoFile() throws {
        let dir = try TestPaths.temporaryDirectory("product")
        // A destination inside a regular file cannot be created: nothing may be left behind.
        let blocker = dir.appendingPathComponent("file")
        try Data([0]).write(to: blocker)
        XCTAssertThrowsError(try CFProductWriter().write(product(simulated: false), to: blocker.appendingPathComponent("p.nc")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["file"])
    }
}
