import Foundation
import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// `seaice preprocess` as a user runs it: a zipped product in, an AI4Arctic-style scene out.
final class PreprocessCLITests: XCTestCase {
    static let template = TestPaths.sharedData("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")

    private func zippedProduct(in dir: URL) throws -> URL {
        try TestPaths.requireSharedData(at: Self.template)
        var builder = SyntheticProduct(template: Self.template)
        builder.reduction = 25
        let zip = dir.appendingPathComponent("S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.zip")
        try builder.writeZip(to: zip)
        return zip
    }

    func testPreprocessWritesTheScene() throws {
        let dir = try TestPaths.temporaryDirectory("cli-preprocess")
        let zip = try zippedProduct(in: dir)
        let out = dir.appendingPathComponent("scene.nc")
        // Run from an unrelated folder: the auxiliary data must still be found.
        let r = try CommandRunner.seaice(["preprocess", zip.path, "--out", out.path, "--pixel-size", "1000"], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssert(FileManager.default.fileExists(atPath: out.path))
    }

    func testTruncatedZipIsNamedAndLeavesNoOutput() throws {
        let dir = try TestPaths.temporaryDirectory("cli-preprocess")
        let zip = try zippedProduct(in: dir)
        let data = try Data(contentsOf: zip)
        let broken = dir.appendingPathComponent("broken.zip")
        try data.prefix(data.count / 2).write(to: broken)
        let out = dir.appendingPathComponent("scene.nc")
        let r = try CommandRunner.seaice(["preprocess", broken.path, "--out", out.path, "--pixel-size", "1000"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssert((r.stderr + r.stdout).contains("broken.zip"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [zip.lastPathComponent, "broken.zip"].sorted())
    }
}
