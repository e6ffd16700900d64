import Foundation
import SeaIceTestSupport
import XCTest

/// End-to-end checks of the `seaice` executable as a user runs it.
final class CLISmokeTests: XCTestCase {
    func testHelpListsEveryCommand() throws {
        let r = try CommandRunner.seaice(["--help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for command in ["info", "chart", "ai4arctic", "simulate", "show", "train", "predict", "evaluate", "preprocess", "bench", "selftest"] {
            XCTAssert(r.stdout.contains("  \(command)"), "`seaice --help` does not list \(command):\n\(r.stdout)")
        }
        let bench = try CommandRunner.seaice(["bench", "--help"])
        for command in ["unet", "predict", "preprocess", "sampler"] {
            XCTAssert(bench.stdout.contains("  \(command)"), "`seaice bench --help` does not list \(command):\n\(bench.stdout)")
        }
    }

    func testInfoReportsTheNativeLibraries() throws {
        let r = try CommandRunner.seaice(["info"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssert(r.stdout.contains("libtorch"), r.stdout)
        XCTAssert(r.stdout.contains("netCDF-C  4."), r.stdout)
        XCTAssert(r.stdout.contains("GTiff true"), r.stdout)
    }

    func testChartDecodeOnTheRealGeoPackage() throws {
        let chart = try TestPaths.requireSharedData("icechart-cis-sigrid3/cis_SGRDREA_20201102T.gpkg")
        let r = try CommandRunner.seaice(["chart", "decode", chart.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssert(r.stdout.contains("432"), "expected the 432 polygons to be reported:\n\(r.stdout.prefix(2000))")
    }

    func testMissingInputGivesAClearErrorAndNonZeroStatus() throws {
        let dir = try TestPaths.temporaryDirectory("cli")
        let missing = dir.appendingPathComponent("no-such-chart.gpkg").path
        let r = try CommandRunner.seaice(["chart", "decode", missing])
        XCTAssertNotEqual(r.status, 0)
        XCTAssert((r.stderr + r.stdout).contains("no-such-chart.gpkg"), "the error must name the file:\n\(r.stderr)")
    }

    func testUnknownCommandIsRejected() throws {
        let r = try CommandRunner.seaice(["frobnicate"])
        XCTAssertNotEqual(r.status, 0)
    }
}
