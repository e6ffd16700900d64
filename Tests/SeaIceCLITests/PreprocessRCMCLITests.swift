import Foundation
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

/// `seaice simulate rcm` then `seaice preprocess` on its zip, as a user runs them.
final class PreprocessRCMCLITests: XCTestCase {
    func testSimulatedRCMProductPreprocessesWithGeoTIFF() throws {
        let data = try TestPaths.requireSharedData()
        try TestPaths.requireSharedData("rcm-metadata")
        let dir = try TestPaths.temporaryDirectory("cli-rcm")
        let sim = try CommandRunner.seaice(["simulate", "rcm", "--out", dir.path, "--size", "151", "--seed", "5", "--zip",
                                            "--data", data.path])
        XCTAssertEqual(sim.status, 0, sim.stderr + sim.stdout)
        XCTAssert(sim.stdout.contains("SIMULATED RCM product"), sim.stdout)
        let zip = dir.appendingPathComponent("RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD_SIMU.zip")
        XCTAssert(FileManager.default.fileExists(atPath: zip.path))
        let out = dir.appendingPathComponent("scene.nc"), tif = dir.appendingPathComponent("scene.tif")
        let r = try CommandRunner.seaice(["preprocess", zip.path, "--out", out.path, "--geotiff", tif.path,
                                          "--pixel-size", "800", "--noise", "esa", "--data", data.path])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssert(r.stdout.contains("SIMULATED product"), r.stdout)
        XCTAssert(FileManager.default.fileExists(atPath: tif.path))
        let nc = try NetCDFFile.open(out)
        defer { try? nc.close() }
        XCTAssertEqual(try nc.attribute("mission")?.text, "RCM-2")
        XCTAssertEqual(try nc.attribute("simulated")?.text, "true")
        XCTAssertEqual(try nc.readFloats("nersc_sar_primary").count, 38 * 72)
    }
}
