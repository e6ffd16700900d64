import Foundation
import SeaIceGDAL
import SeaIceNetCDF
@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// The preprocessed scene as CF tools see it: Conventions, per-pixel lat/lon named by `coordinates`,
/// acquisition time with bounds, ACDD attributes, named tie points, dB with its note, the simulated
/// marker of a simulated input; the checkers where setup installed them.
final class PreprocessCFTests: XCTestCase {
    /// A 4 × 5 scene at 1600 m with 2 × 2 tie points.
    private func scene(productName: String) -> AnalysisReadyScene {
        let h = 4, w = 5, n = h * w
        let ties = [(0.0, 0.0), (0, 4), (3, 0), (3, 4)].enumerated().map { k, p in
            GeolocationPoint(
                line: p.0, pixel: p.1, latitude: 76 + Double(k / 2), longitude: 60 + Double(k % 2), height: 0,
                incidenceAngle: 20 + Double(k % 2) * 25, elevationAngle: 18 + Double(k % 2) * 22)
        }
        return AnalysisReadyScene(
            productName: productName, mission: "S1A", mode: "EW", ipfVersion: 3.52, pixelSpacing: 1600, factor: 40,
            width: w, height: h, primaryPolarisation: .hh, primaryDB: (0..<n).map { -20 + Float($0) / 4 },
            secondaryPolarisation: .hv, secondaryDB: (0..<n).map { -28 + Float($0) / 8 },
            incidence: (0..<n).map { 20 + Float($0 % w) * 6 },
            latitude: (0..<n).map { 76 + Float($0 / w) / 3 }, longitude: (0..<n).map { 60 + Float($0 % w) / 4 },
            distanceToLandKm: [Float](repeating: 12, count: n), landMask: [UInt8](repeating: 0, count: n),
            tiePoints: ties, configuration: PreprocessConfiguration(), appliedSlopes: [:], nerscIPFUsed: [:],
            stageTimings: [])
    }

    private let real = "S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15"
    private let simulated = "S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_046117_SIMU"

    private func write(_ s: AnalysisReadyScene) throws -> URL {
        let url = try TestPaths.temporaryDirectory("prep-cf").appendingPathComponent("scene.nc")
        try AI4ArcticSceneWriter.write(s, to: url)
        return url
    }

    func testTheSceneCarriesConventionsTimeGeolocationAndDiscoveryAttributes() throws {
        let s = scene(productName: real)
        let nc = try NetCDFFile.open(try write(s))
        defer { try? nc.close() }
        XCTAssertEqual(try nc.attribute("Conventions")?.text, "CF-1.10, ACDD-1.3")
        XCTAssertEqual(try nc.attribute("time_coverage_start")?.text, "2022-11-30T01:43:42Z")
        XCTAssertEqual(try nc.attribute("time_coverage_end")?.text, "2022-11-30T01:44:46Z")
        XCTAssertEqual(try nc.read("time_bnds", as: Double.self), [1_669_772_622, 1_669_772_686])
        XCTAssertEqual(try nc.attribute("bounds", variable: "time")?.text, "time_bnds")
        for name in ["summary", "license", "creator_name", "date_created", "id", "keywords", "title"] {
            XCTAssertFalse(try nc.attribute(name)?.text?.isEmpty ?? true, name)
        }
        XCTAssertEqual(try nc.attribute("geospatial_lat_min")?.number ?? 0, 76, accuracy: 1e-6)
        XCTAssertEqual(try nc.attribute("geospatial_lon_max")?.number ?? 0, 61, accuracy: 1e-6)
        XCTAssertEqual(try nc.attribute("simulated")?.text, "false")
        XCTAssertNil(try nc.attribute("comment"))
        XCTAssertEqual(try nc.attribute("source")?.text?.contains("Copernicus Sentinel data"), true, "own source kept")
        XCTAssertEqual(try nc.readFloats("lat"), s.latitude)
        XCTAssertEqual(try nc.readFloats("lon"), s.longitude)
        XCTAssertEqual(try nc.attribute("standard_name", variable: "lat")?.text, "latitude")
        for v in ["nersc_sar_primary", "nersc_sar_secondary", "sar_incidenceangle", "distance_map", "sar_land_mask"] {
            XCTAssertEqual(try nc.attribute("coordinates", variable: v)?.text, "lat lon", v)
        }
        XCTAssertEqual(try nc.attribute("units", variable: "nersc_sar_primary")?.text, "1")
        XCTAssertEqual(try nc.attribute("long_name", variable: "nersc_sar_primary")?.text?.contains("in dB"), true)
        XCTAssertEqual(try nc.attribute("comment", variable: "nersc_sar_secondary")?.text?.contains("10·log10"), true)
        for v in ["sar_grid_line", "sar_grid_sample", "sar_grid_latitude", "sar_grid_longitude",
                  "sar_grid_incidenceangle", "sar_grid_height"] {
            XCTAssertNotNil(try nc.attribute("long_name", variable: v), v)
        }
    }

    func testASimulatedInputKeepsItsMarker() throws {
        let nc = try NetCDFFile.open(try write(scene(productName: simulated)))
        defer { try? nc.close() }
        XCTAssertEqual(try nc.attribute("simulated")?.text, "true")
        XCTAssertEqual(try nc.attribute("comment")?.text?.hasPrefix("SIMULATED INPUT"), true)
        XCTAssertEqual(try nc.attribute("title")?.text?.hasPrefix("SIMULATED"), true)
        XCTAssertFalse(try SimulationMarkers.markers(of: nc).isEmpty)
    }

    func testTheGeoTIFFNamesItsBandsWithUnitsTimeAndMarker() throws {
        let url = try TestPaths.temporaryDirectory("prep-tif").appendingPathComponent("scene.tif")
        try SceneGeoTIFFWriter.write(scene(productName: simulated), to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(
            try (1...3).map { try r.bandDescription(band: $0) },
            ["HH sigma0 (dB)", "HV sigma0 (dB)", "incidence angle (degree)"])
        XCTAssertEqual(try (1...3).map { try r.unit(band: $0) }, ["dB", "dB", "degree"])
        XCTAssertEqual(try r.colorInterpretation(band: 1), "Gray", "not RGB")
        XCTAssertEqual(r.metadataItem("TIFFTAG_DATETIME"), "2022:11:30 01:43:42")
        XCTAssertEqual(r.metadataItem("simulated"), "true")
    }

    func testTheCheckersFindNoCFErrors() throws {
        if let reason = CFCheckers.unavailableReason { throw XCTSkip(reason) }
        let url = try write(scene(productName: real))
        let cf = try CFCheckers.cfchecks(url)
        XCTAssertEqual(cf.errors, [CFCheckers.cfchecksVersionLimit], "cfchecks:\n\(cf.report)")
        let ioos = try CFCheckers.ioos(url)
        XCTAssertEqual(ioos.errors, [], "compliance-checker cf:1.10:\n\(ioos)")
        print("preprocess: cfchecks\n\(cf)\ncompliance-checker\n\(ioos)")
    }
}
