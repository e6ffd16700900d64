import Foundation
import Logging
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceProducts
import SeaIceTestSupport
import XCTest

@testable import SeaIcePMProducts
@testable import SeaIcePolarGrids

/// The product files: OSI SAF layout reopened with netCDF and GDAL, read back as a ConcentrationMap,
/// and CF-checked.
final class PMConcentrationProductTests: XCTestCase {
    func product() throws -> (PMDailyConcentration, [URL]) {
        let dir = try TestPaths.temporaryDirectory("pmproduct")
        let tb = dir.appendingPathComponent("tb.nc")
        try BrightnessTemperatureGridFile.write(PMFixtures.tb(), to: tb)
        let p = try PMFixtures.pipeline().run(inputs: [tb], day: PMFixtures.day, logger: Logger(label: "test"))
        let coast = TestPaths.sharedData("landmask/natural-earth/ne_10m_admin_0_countries_deu.zip")
        let writer = PMConcentrationProductWriter(folder: dir, coastlines: FileManager.default.fileExists(atPath: coast.path) ? coast : nil,
                                                  commandLine: "seaice pm concentration tb.nc")
        return (p, try writer.write(p))
    }

    func testOSISAFLayoutAndReadBack() throws {
        let (p, files) = try product()
        XCTAssertEqual(files.map(\.pathExtension), ["tif", "png", "nc"])
        XCTAssertTrue(files[2].lastPathComponent.hasPrefix("seaice_pm_conc_nh_nsidc-north-25km_epsg3411_"))
        let f = try NetCDFFile.open(files[2])
        defer { try? f.close() }
        XCTAssertEqual(try f.variable("ice_conc").dimensions, ["time", "yc", "xc"])
        XCTAssertEqual(try f.variable("lat").dimensions, ["yc", "xc"])
        XCTAssertEqual(try f.attribute("units", variable: "xc")?.text, "km")
        XCTAssertEqual(try f.attribute("grid_mapping", variable: "ice_conc")?.text, "Polar_Stereographic_Grid")
        XCTAssertEqual(try f.attribute("flag_meanings", variable: "status_flag")?.text,
                       "nominal land pole_hole no_observation invalid_brightness_temperature retrieval_failed weather_filtered")
        XCTAssertEqual(try f.attribute("bounds", variable: "time")?.text, "time_bnds")
        XCTAssertEqual(try f.attribute("simulated")?.text, "true")
        XCTAssertEqual(try f.read("xc", as: Double.self).first, -3837.5)
        let map = try ConcentrationMapReader.read(files[2])
        XCTAssertEqual(map.format, .osisaf)
        XCTAssertEqual(map.grid.geoTransform, p.grid.geoTransform)
        XCTAssertEqual(map.flags, p.status)
        XCTAssertEqual(map.flagMeanings[3], "no_observation")
        for i in stride(from: 0, to: p.grid.count, by: 101) {
            XCTAssertEqual(map.concentration[i].isNaN, p.concentration[i].isNaN)
            if !p.concentration[i].isNaN { XCTAssertEqual(map.concentration[i], p.concentration[i], accuracy: 1e-4) }
        }
        let tif = try GDALRaster(path: files[0].path)
        XCTAssertEqual(tif.width, 304)
        XCTAssertEqual(tif.height, 448)
    }

    func testProductHasNoCFErrors() throws {
        if let reason = CFCheckers.unavailableReason { throw XCTSkip(reason) }
        let (_, files) = try product()
        let cf = try CFCheckers.cfchecks(files[2])
        XCTAssertEqual(cf.errors, [CFCheckers.cfchecksVersionLimit], "cfchecks:\n\(cf.report)")
        let ioos = try CFCheckers.ioos(files[2])
        XCTAssertEqual(ioos.errors, [], "compliance-checker cf:1.10:\n\(ioos)")
        print("cfchecks\n\(cf)\ncompliance-checker\n\(ioos)")
    }
}
