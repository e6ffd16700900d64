import Foundation
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

/// `seaice simulate amsr2` end to end, as a user runs it (SIMULATED DATA; tiny: one orbit's polar scans).
final class SimulateAMSR2CommandTests: XCTestCase {
    func testSimulateAMSR2WritesSwathsDailyGridAndERA5() throws {
        let dir = try TestPaths.temporaryDirectory("cli-amsr2")
        let data = try TestPaths.requireSharedData().path
        let r = try CommandRunner.seaice([
            "simulate", "amsr2", "--date", "2020-11-02", "--orbits", "1", "--minimum-latitude", "81.5",
            "--era5-resolution", "5", "--seed", "9", "--data", data, "--out", dir.path,
        ])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files.filter { $0.hasSuffix("_L1SGRTBR_SIM.nc") }.count, 2, "\(files)")
        XCTAssertTrue(files.contains("NSIDC0802_SIM_AMSR2_TB_25km_N_20201102.nc"), "\(files)")
        XCTAssertTrue(files.contains("ERA5_SIM_single_levels_20201102.nc"), "\(files)")
        for f in files where f.hasSuffix(".nc") {
            let nc = try NetCDFFile.open(dir.appendingPathComponent(f))
            XCTAssertEqual(try nc.attribute(SimulationMarkers.name)?.text, "true", f)
            try nc.close()
        }
        let bad = try CommandRunner.seaice(["simulate", "amsr2", "--date", "2020-13-45x", "--out", dir.path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue((bad.stderr + bad.stdout).contains("--date"), bad.stderr)
    }
}
