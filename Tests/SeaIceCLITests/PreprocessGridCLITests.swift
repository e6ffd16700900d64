import Foundation
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

/// `seaice preprocess --grid`: the scene warped north-up onto EPSG:3413 as a float32 COG beside the
/// swath netCDF, reopened with GDAL; the cell holding the swath centre's latitude/longitude has the
/// incidence angle of the swath centre (the warp puts pixels where they are on the ground).
final class PreprocessGridCLITests: XCTestCase {
    func testSimulatedSAFEOnEPSG3413() throws {
        try TestPaths.requireSharedData(at: PreprocessCLITests.template)
        let dir = try TestPaths.temporaryDirectory("cli-preprocess-grid")
        let sim = try CommandRunner.seaice(["simulate", "--format", "safe", "--size", "420", "--out", dir.path, "-q"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        let safe = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".SAFE") })
        let out = dir.appendingPathComponent("scene.nc")
        let r = try CommandRunner.seaice(["preprocess", dir.appendingPathComponent(safe).path, "--out", out.path,
                                          "--grid", "EPSG:3413:5000"])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        let tif = dir.appendingPathComponent("scene_epsg3413_5000m.tif")
        XCTAssertTrue(r.stdout.contains(tif.path), r.stdout)

        let raster = try GDALRaster(path: tif.path)
        XCTAssertEqual(raster.bandCount, 3)
        XCTAssertEqual(raster.dataTypeName(band: 1), "Float32")
        XCTAssertEqual(try raster.bandDescription(band: 1), "HH sigma0 (dB)")
        XCTAssertEqual(try raster.unit(band: 1), "dB")
        XCTAssertEqual(try raster.bandDescription(band: 3), "incidence angle (degree)")
        XCTAssertEqual(raster.metadataItem("LAYOUT", domain: "IMAGE_STRUCTURE"), "COG")
        XCTAssertEqual(raster.metadataItem("simulated"), "true")
        XCTAssertTrue(raster.projection.contains("3413"), raster.projection)
        let t = try XCTUnwrap(raster.geoTransform)
        XCTAssertEqual(t[1], 5000)
        XCTAssertEqual(t[5], -5000)
        XCTAssertEqual(t[0].truncatingRemainder(dividingBy: 5000), 0, "the box is snapped to the grid")

        // The swath centre pixel on the ground → its EPSG:3413 cell.
        let nc = try NetCDFFile.open(out)
        let lat = try nc.readFloats("lat"), lon = try nc.readFloats("lon"), inc = try nc.readFloats("sar_incidenceangle")
        let n = lat.count, centre = n / 2 + Int(Double(n).squareRoot()) / 2
        var x = [Double(lon[centre])], y = [Double(lat[centre])]
        try CoordinateTransform(from: .wgs84(), to: try SpatialReference(definition: "EPSG:3413")).transform(x: &x, y: &y)
        let col = Int((x[0] - t[0]) / t[1]), row = Int((y[0] - t[3]) / t[5])
        let incidence = try raster.readFloat(band: 3, x: col, y: row, width: 1, height: 1)[0]
        XCTAssertEqual(Double(incidence), Double(inc[centre]), accuracy: 0.6,
                       "cell (\(row), \(col)) holds the incidence of the swath centre")
        let hh = try raster.readFloat(band: 1, x: 0, y: 0, width: raster.width, height: raster.height)
        XCTAssertTrue(hh.contains { $0.isNaN }, "cells outside the swath are NaN")
        XCTAssertGreaterThan(hh.filter { $0.isFinite }.count, 20)
    }

    func testABadGridIsRefusedBeforePreprocessing() throws {
        let r = try CommandRunner.seaice(["preprocess", "/nonexistent.SAFE", "--out", "/tmp/x.nc", "--grid", "EPSG:3413"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--grid"), r.stderr)
    }
}
