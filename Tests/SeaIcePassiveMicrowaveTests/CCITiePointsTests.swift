import Foundation
import SeaIceAuxiliary
import SeaIcePassiveMicrowave
import SeaIceTestSupport
import XCTest

/// The CCI tie-point files: the three real ones, their algorithms at their own tie points, damaged copies.
final class CCITiePointsTests: XCTestCase {
    private func aux(_ name: String) throws -> URL { try TestPaths.requireSharedData("cimr-rrdp/aux/\(name)") }

    func testRealFilesAndTheirTiePoints() throws {
        let kka = try CCITiePoints.read(try aux("KKA_sic_CCI-RRDP.json"))
        XCTAssertEqual(kka.bestIce.channels, [.v18_7, .h36_5, .v36_5])
        XCTAssertEqual(kka.bestOpenWater.openWater[0], 190.80581665039062)
        XCTAssertEqual(kka.bestIce.iceSpread, 4.103305728726145)
        for set in ["KA", "CKA"] { XCTAssertNoThrow(try CCITiePoints.read(try aux("\(set)_sic_CCI-RRDP.json"))) }
        let hybrid = CCIHybrid(tiePoints: kka, name: "cci-hybrid-KKA")
        func tb(_ v: [Double]) -> BrightnessTemperatures {
            Dictionary(uniqueKeysWithValues: zip(kka.bestIce.channels, v))
        }
        XCTAssertEqual(hybrid.estimate(tb(kka.bestOpenWater.openWater)).concentration, 0)
        XCTAssertEqual(hybrid.estimate(tb(kka.bestIce.ice)).concentration, 1)
        // Anywhere on the ice line (tp + s·u) is 100 % ice.
        let onLine = zip(kka.bestIce.ice, kka.bestIce.iceLine).map { $0 + 20 * $1 }
        XCTAssertEqual(hybrid.bestIce.unclampedConcentration(tb(onLine)), 1, accuracy: 1e-9)
        XCTAssertEqual(hybrid.spread.openWater, kka.bestOpenWater.openWaterSpread / abs(hybrid.bestOpenWater.contrast))
    }

    private func damaged(_ edit: (String) -> String) throws -> URL {
        let text = try String(contentsOf: try aux("KA_sic_CCI-RRDP.json"), encoding: .utf8)
        let url = try TestPaths.temporaryDirectory("cci").appendingPathComponent("KA_bad.json")
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testBadFilesNameFileAndKey() throws {
        let cases: [(String, (String) -> String)] = [
            ("JSON", { String($0.prefix(200)) }),
            ("tb99x", { $0.replacingOccurrences(of: "\"tb37h\"", with: "\"tb99x\"") }),
            ("ow_sdev", { $0.replacingOccurrences(of: "\"ow_sdev\"", with: "\"ow_sdev_x\"") }),
            ("cice_sdev", {
                $0.replacingOccurrences(of: "\"cice_sdev\": 7.970415232384945", with: "\"cice_sdev\": -1")
            }),
            ("ow.tp", { $0.replacingOccurrences(of: "152.5373992919922,", with: "") }),
            ("bow", { $0.replacingOccurrences(of: "\"bow\"", with: "\"best\"") }),
        ]
        for (mention, edit) in cases {
            XCTAssertThrowsError(try CCITiePoints.read(try damaged(edit))) { e in
                XCTAssert("\(e)".contains(mention) && "\(e)".contains("KA_bad.json"), "\(mention): \(e)")
            }
        }
    }
}
