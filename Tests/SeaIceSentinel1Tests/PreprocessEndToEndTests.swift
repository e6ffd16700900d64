import Foundation
import Logging
import SeaIceCore
import SeaIceLand
import SeaIceNetCDF
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// Small EW zip → AI4Arctic-raw-compatible netCDF (and GeoTIFF), reopened and checked.
final class PreprocessEndToEndTests: XCTestCase {
    func testZipToNetCDF() throws {
        var c = PreprocessConfiguration()
        c.pixelSize = 1600
        c.incidenceCorrection = .fitted
        let pre = Sentinel1Preprocessor(
            configuration: c,
            coefficients: try NERSCCoefficients.Table(url: TestPaths.requireSharedData(
                "sentinel1denoised/denoising_parameters.json")),
            land: LandLookup(distanceFile: try TestPaths.requireSharedData(
                "landmask/landmetrics/distance_to_land_0.1deg_gt0km2.nc"),
                             maskFile: try TestPaths.requireSharedData("landmask/global-land-mask/globe_land_1km.tif")))
        let scene = try pre.run(Fixtures.ewZip, logger: Logger(label: "t"))
        XCTAssertEqual(scene.width, 262)
        XCTAssertEqual(scene.height, 268)
        // Severnaya Zemlya is in this Kara Sea scene: some land, mostly sea.
        let landFraction = Double(scene.landMask!.reduce(0) { $0 + Int($1) }) / Double(scene.landMask!.count)
        XCTAssert((0.01...0.5).contains(landFraction), "land fraction \(landFraction)")
        // Within the tie-point range (18.88°–46.9°), reaching to within an 1600 m pixel of its ends.
        let ties = scene.tiePoints.map(\.incidenceAngle)
        XCTAssert(Double(scene.incidence.min()!) >= ties.min()! - 1e-3 && Double(scene.incidence.min()!) < ties.min()! + 1)
        XCTAssert(Double(scene.incidence.max()!) <= ties.max()! + 1e-3 && Double(scene.incidence.max()!) > ties.max()! - 1)
        XCTAssertNotNil(scene.appliedSlopes[.hh])
        XCTAssertNil(scene.appliedSlopes[.hv], "seed 002 corrects HH only")

        let dir = try TestPaths.temporaryDirectory("e2e")
        let out = dir.appendingPathComponent("scene.nc")
        try AI4ArcticSceneWriter.write(scene, to: out)
        try SceneGeoTIFFWriter.write(scene, to: dir.appendingPathComponent("scene.tif"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["scene.nc", "scene.tif"])
        let nc = try NetCDFFile.open(out)
        defer { try? nc.close() }
        XCTAssertEqual(nc.dimensions["sar_lines"], 268)
        XCTAssertEqual(nc.dimensions["sar_samples"], 262)
        XCTAssertEqual(nc.dimensions["sar_grid_points"], 441)
        // 1600 m pixels: 2000 / 1600 rounds to one pixel per 2 km cell.
        XCTAssertEqual(nc.dimensions["2km_grid_lines"], 268)
        XCTAssertEqual(nc.dimensions["2km_grid_samples"], 262)
        for v in ["nersc_sar_primary", "nersc_sar_secondary", "sar_incidenceangle", "distance_map", "sar_land_mask",
                  "sar_grid_line", "sar_grid_sample", "sar_grid_latitude", "sar_grid_longitude", "sar_grid_incidenceangle", "sar_grid_height"] {
            XCTAssert(nc.hasVariable(v), v)
        }
        XCTAssertEqual(try nc.attribute("units", variable: "nersc_sar_primary")?.text, "1", "dB, said in long_name")
        XCTAssertEqual(try nc.attribute("amsr2_available")?.text, "no")
        XCTAssertEqual(try nc.attribute("era5_available")?.text, "no")
        XCTAssertEqual(try nc.attribute("pixel_spacing")?.number, 1600)
        XCTAssertEqual(try nc.attribute("nersc_coefficients_ipf_HV")?.number, 3.3)
        let hh = try nc.readFloats("nersc_sar_primary")
        XCTAssertEqual(hh, scene.primaryDB)
        let inc = try nc.readFloats("sar_incidenceangle")
        XCTAssertEqual(inc, scene.incidence)
        XCTAssertEqual(try nc.read("sar_grid_latitude", as: Double.self).first!, 80.11403129619849, accuracy: 1e-12)
        // Tie points: 21 × 21, corners equal to the annotation's, samples in this grid's coordinates (full-resolution / 2).
        let fullRes = try SAFEProduct(url: Fixtures.ewFolder).metadata(.hh).annotation.geolocation
        let samples = try nc.read("sar_grid_sample", as: Double.self), lats = try nc.read("sar_grid_latitude", as: Double.self)
        XCTAssertEqual(samples.first!, fullRes.first!.pixel / 2)
        XCTAssertEqual(samples.last!, fullRes.last!.pixel / 2)
        XCTAssertEqual(lats.last!, fullRes.last!.latitude, accuracy: 1e-9)
        XCTAssertEqual(samples[1] - samples[0], (fullRes.last!.pixel - fullRes.first!.pixel) / 2 / 20, accuracy: 1e-9)
        // A real product is stamped as Copernicus data; the same scene from a simulated product says SIMULATED.
        XCTAssertEqual(try nc.attribute("simulated")?.text, "false", "one spelling: true or false")
        XCTAssertTrue(try nc.attribute("source")?.text?.hasPrefix("Contains modified Copernicus Sentinel data") ?? false)
        var simulated = scene
        simulated.simulationMarkers = ["note SIMULATED_DATA.txt"]
        let simulatedOut = dir.appendingPathComponent("simulated.nc")
        try AI4ArcticSceneWriter.write(simulated, to: simulatedOut)
        let snc = try NetCDFFile.open(simulatedOut)
        defer { try? snc.close() }
        XCTAssertEqual(try snc.attribute("simulated")?.text, "true")
        XCTAssertEqual(try snc.attribute("simulation_markers")?.text, "note SIMULATED_DATA.txt")
        let source = try XCTUnwrap(try snc.attribute("source")?.text)
        XCTAssertTrue(source.hasPrefix("SIMULATED") && !source.contains("Copernicus"), source)
        XCTAssertFalse(try SimulationMarkers.markers(of: snc).isEmpty)
    }

    func testGeolocationHitsTiePoints() throws {
        let ann = try SAFEProduct(url: Fixtures.ewFolder).metadata(.hh).annotation
        let grid = try Sentinel1GeolocationGrid(points: ann.geolocation, file: "t")
        let fields = grid.fields(width: ann.samples, height: ann.lines, factor: 1)
        for p in ann.geolocation where Int(p.line) < ann.lines && Int(p.pixel) < ann.samples {
            let o = Int(p.line) * ann.samples + Int(p.pixel)
            XCTAssertEqual(Double(fields.latitude[o]), p.latitude, accuracy: 1e-4)
            XCTAssertEqual(Double(fields.longitude[o]), p.longitude, accuracy: 1e-4)
            XCTAssertEqual(Double(fields.incidence[o]), p.incidenceAngle, accuracy: 1e-4)
        }
    }
}
