import Foundation
import SeaIceTestSupport
import XCTest

/// `seaice simulate` and `seaice show` end to end, as a user runs them (SIMULATED DATA).
final class SimulateCommandTests: XCTestCase {
    func testSimulateThenShow() throws {
        let dir = try TestPaths.temporaryDirectory("cli-sim")
        let data = try TestPaths.requireSharedData().path
        let sim = try CommandRunner.seaice(["simulate", "--size", "100", "--seed", "3", "--scenes", "2", "--data", data, "--out", dir.path])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".nc") }.sorted()
        XCTAssertEqual(files.count, 2)
        XCTAssertTrue(files.allSatisfy { $0.contains("_SIMU_icechart_cis_") })
        let png = dir.appendingPathComponent("scene.png")
        let show = try CommandRunner.seaice(["show", dir.appendingPathComponent(files[0]).path, "--out", png.path])
        XCTAssertEqual(show.status, 0, show.stderr)
        let bytes = try Data(contentsOf: png)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])  // PNG signature
    }

    func testBadOptionsAreRejectedWithAMessage() throws {
        let dir = try TestPaths.temporaryDirectory("cli-sim")
        let r = try CommandRunner.seaice(["simulate", "--pixel-spacing", "300", "--out", dir.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue((r.stderr + r.stdout).contains("--pixel-spacing"), r.stderr)
        let s = try CommandRunner.seaice(["show", "/no/such/file.nc", "--out", dir.appendingPathComponent("x.png").path])
        XCTAssertNotEqual(s.status, 0)
        XCTAssertTrue((s.stderr + s.stdout).contains("/no/such/file.nc"), s.stderr)
    }
}
