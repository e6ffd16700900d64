import Foundation
import SeaIceTestSupport
import XCTest

/// `seaice pm validate` end to end on the real RRDP points: the table, the JSON and one histogram PNG per
/// algorithm (the library's tests check that a second run gives the same numbers).
final class PMValidateCLITests: XCTestCase {
    func testValidateWritesTableJSONAndHistograms() throws {
        let rrdp = try TestPaths.requireSharedData("cimr-rrdp")
        let dir = try TestPaths.temporaryDirectory("pm-validate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CommandRunner.seaice(["pm", "validate", "--rrdp", rrdp.path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: out.appendingPathComponent("validation.md"), encoding: .utf8)
        XCTAssert(md.contains("| nasa-team | nt-filter |"), md)
        XCTAssert(md.contains("Real data"), md)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("validation.json")))
        XCTAssertEqual(((json as? [String: Any])?["rows"] as? [Any])?.count, 35, "7 algorithms × (no filter, NT, ASI, GR(89V/18.7V), the discriminant mask)")
        for name in ["nasa-team", "nasa-team-rrdp", "nasa-team-au-si", "asi", "cci-hybrid-KKA", "cci-hybrid-KA", "cci-hybrid-CKA"] {
            let png = try Data(contentsOf: out.appendingPathComponent("histogram-\(name).png"))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], name)
        }
    }
}
