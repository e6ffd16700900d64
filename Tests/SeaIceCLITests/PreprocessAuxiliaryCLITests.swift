import Foundation
import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// `seaice preprocess --era5 FILE` (and a bad `--amsr2`) as a user runs it. The ERA5 file is a simulated global
/// 10° grid written with `ncgen` from CDL (float, unpacked; the packed layout is tested in SeaIceAuxiliaryTests).
final class PreprocessAuxiliaryCLITests: XCTestCase {
    private func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try ChildProcess.run(try ExternalTool.url(name), arguments)
    }

    private func product(in dir: URL) throws -> URL {
        try TestPaths.requireSharedData(at: PreprocessCLITests.template)
        var builder = SyntheticProduct(template: PreprocessCLITests.template)
        builder.reduction = 25
        return try builder.writeFolder(in: dir)
    }

    /// A global ERA5-like file at 2022-11-30 02:00 UTC: u10 = 3, v10 = 4 m/s, t2m = 255 K, skt = 250 K, tcwv = 2, tclw = 0.1 kg m-2.
    private func era5(in dir: URL) throws -> URL {
        let lats = stride(from: 90, through: -90, by: -10).map(String.init).joined(separator: ", ")
        let lons = stride(from: 0, through: 350, by: 10).map(String.init).joined(separator: ", ")
        let values: [(String, Double)] = [("u10", 3), ("v10", 4), ("t2m", 255), ("skt", 250), ("tcwv", 2), ("tclw", 0.1)]
        var cdl = "netcdf era5 {\ndimensions:\n valid_time = 1 ; latitude = 19 ; longitude = 36 ;\nvariables:\n"
        cdl += " int64 valid_time(valid_time) ; valid_time:units = \"seconds since 1970-01-01\" ;\n"
        cdl += " double latitude(latitude) ; double longitude(longitude) ;\n"
        for (name, _) in values { cdl += " float \(name)(valid_time, latitude, longitude) ;\n" }
        cdl += "data:\n valid_time = 1669773600 ;\n latitude = \(lats) ;\n longitude = \(lons) ;\n"
        for (name, v) in values { cdl += " \(name) = " + Array(repeating: "\(v)", count: 19 * 36).joined(separator: ", ") + " ;\n" }
        cdl += "}\n"
        let cdlURL = dir.appendingPathComponent("era5.cdl"), nc = dir.appendingPathComponent("era5.nc")
        try cdl.write(to: cdlURL, atomically: true, encoding: .utf8)
        let r = try tool("ncgen", ["-k", "nc4", "-o", nc.path, cdlURL.path])
        XCTAssertEqual(r.status, 0, r.output)
        return nc
    }

    func testERA5OptionAddsTheERA5Variables() throws {
        let dir = try TestPaths.temporaryDirectory("cli-aux")
        let era5 = try era5(in: dir)
        let out = dir.appendingPathComponent("scene.nc")
        let r = try CommandRunner.seaice(["preprocess", try product(in: dir).path, "--out", out.path, "--pixel-size", "1000",
                                          "--noise", "esa", "--era5", era5.path])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        let header = try tool("ncdump", ["-h", out.path]).output
        XCTAssert(header.contains("era5_available = \"yes\"") && header.contains("amsr2_available = \"no\""), header)
        for name in ["u10m_rotated", "v10m_rotated", "t2m", "skt", "tcwv", "tclw"] {
            XCTAssert(header.contains("double \(name)(") && header.contains("2km_grid_samples) ;"), name)  // ncdump escapes the leading digit of 2km_grid_lines
        }
        let t2m = try tool("ncdump", ["-v", "t2m", out.path]).output
        XCTAssert(t2m.contains("255, 255"), String(t2m.suffix(300)))
    }

    func testUnreadableAMSR2FileIsNamedAndLeavesNoOutput() throws {
        let dir = try TestPaths.temporaryDirectory("cli-aux")
        let bad = dir.appendingPathComponent("GW1AM2_broken.h5")
        try Data("not HDF5".utf8).write(to: bad)
        let out = dir.appendingPathComponent("scene.nc")
        let r = try CommandRunner.seaice(["preprocess", try product(in: dir).path, "--out", out.path, "--pixel-size", "1000",
                                          "--noise", "esa", "--amsr2", bad.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssert((r.stderr + r.stdout).contains("GW1AM2_broken.h5"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
