import Foundation
import SeaIceTestSupport
import XCTest

/// Defaults that fit each other: a SAFE from `seaice simulate --format safe` preprocesses with
/// `seaice preprocess`'s defaults, and a pixel size that does not fit names the one that does.
final class SimulatedSAFEDefaultsCLITests: XCTestCase {
    func testSimulatedSAFEPreprocessesWithTheDefaults() throws {
        try TestPaths.requireSharedData(at: PreprocessCLITests.template)
        let dir = try TestPaths.temporaryDirectory("cli-sim-safe")
        // 420 pixels across: the real product reduced 25 times, 1000 m pixels (the default 1000 gives 400 m).
        let sim = try CommandRunner.seaice(["simulate", "--format", "safe", "--size", "420", "--out", dir.path, "-q"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        XCTAssertEqual(sim.stdout, "", "-q prints no result line")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let safe = try XCTUnwrap(names.first { $0.hasSuffix(".SAFE") }, "\(names)")
        let product = dir.appendingPathComponent(safe).path
        let out = dir.appendingPathComponent("scene.nc")
        let pre = try CommandRunner.seaice(["preprocess", product, "--out", out.path])
        XCTAssertEqual(pre.status, 0, pre.stderr + pre.stdout)
        XCTAssert(pre.stdout.contains("pixels of 1000 m"), "the product's spacing, not 80 m: \(pre.stdout)")
        XCTAssert(FileManager.default.fileExists(atPath: out.path))
        let mismatch = try CommandRunner.seaice(["preprocess", product, "--out", out.path + "2", "--pixel-size", "80"])
        XCTAssertNotEqual(mismatch.status, 0)
        XCTAssert(mismatch.stderr.contains("--pixel-size 1000"), "the error names the fix:\n\(mismatch.stderr)")
    }
}
