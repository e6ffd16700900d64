import AI4ArcticTestSupport
import Foundation
import SeaIceTestSupport
import XCTest

/// `seaice cover composite` end to end on the analytic raw scene: the PNG, its JSON record with the fitted
/// incidence slope (0.01 dB/° by construction), and a clear error for an impossible pixel size.
final class CoverCompositeCLITests: XCTestCase {
    func testCompositeWritesThePictureAndItsRecord() throws {
        let dir = try TestPaths.temporaryDirectory("cover-composite")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scene = try RawSceneFixture().write(to: dir)
        let png = dir.appendingPathComponent("composite.png")
        let r = try CommandRunner.seaice(["cover", "composite", scene.path, "--out", png.path, "--reference-angle", "30"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("0.0100 dB/°"), r.stdout)
        XCTAssertEqual(Array(try Data(contentsOf: png).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: png.path + ".json"))) as? [String: Any]
        XCTAssertEqual(record?["lines"] as? Int, 10)
        XCTAssertEqual(record?["samples"] as? Int, 11)
        let fit = record?["incidenceCorrection"] as? [String: Any]
        XCTAssertEqual(fit?["slope"] as? Double ?? 0, 0.01, accuracy: 1e-4)
        XCTAssertEqual(fit?["referenceDegrees"] as? Double, 30)

        let bad = try CommandRunner.seaice(["cover", "composite", scene.path, "--out", dir.appendingPathComponent("x.png").path,
                                            "--pixel-size", "500"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("pixel spacing 40 m"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.png").path))
    }

    func testLabelWritesTheSetAndItsManifest() throws {
        let dir = try TestPaths.temporaryDirectory("cover-label")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scene = try RawSceneFixture().write(to: dir)
        let out = dir.appendingPathComponent("set")
        let r = try CommandRunner.seaice(["cover", "label", scene.path, "--labels", "chart", "--ct-threshold", "15", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("ice 72.7 %"), r.stdout)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        let scenes = manifest?["scenes"] as? [[String: Any]]
        XCTAssertEqual(scenes?.count, 1)
        let file = try XCTUnwrap(scenes?.first?["file"] as? String)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path))
        let bad = try CommandRunner.seaice(["cover", "label", scene.path, "--labels", "guess", "--out", dir.appendingPathComponent("x").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--labels must be truth or chart"), bad.stderr)
    }
}
