import Foundation
import SeaIceCore
import SeaIceTiling
import XCTest

/// Validation names the key; JSON decoding fills defaults and validates.
final class TilingConfigurationTests: XCTestCase {
    private func message(_ c: TilingConfiguration) -> String? {
        do { try c.validate(); return nil } catch { return "\(error)" }
    }

    func testValidationNamesTheKey() {
        XCTAssertNil(message(TilingConfiguration()))
        XCTAssertNil(message(TilingConfiguration(tileSize: 1, overlap: 0)))
        XCTAssertTrue(message(TilingConfiguration(tileSize: 8, overlap: 8))!.contains("`tileSize` is 8"))
        XCTAssertTrue(message(TilingConfiguration(tileSize: 8, overlap: -1))!.contains("`overlap` is -1"))
        XCTAssertTrue(message(TilingConfiguration(tilesPerBatch: 0))!.contains("`tilesPerBatch` is 0"))
        XCTAssertTrue(message(TilingConfiguration(memoryLimitBytes: 0))!.contains("`memoryLimitBytes` is 0"))
        XCTAssertThrowsError(try TiledInference(TilingConfiguration(tileSize: 4, overlap: 6)))
    }

    func testJSONDefaultsRoundTripAndValidation() throws {
        let json = Data(#"{"tileSize": 64, "overlap": 8}"#.utf8)
        let minimal = try JSONDecoder().decode(TilingConfiguration.self, from: json)
        XCTAssertEqual(minimal, TilingConfiguration(tileSize: 64, overlap: 8))
        let full = TilingConfiguration(tileSize: 32, overlap: 4, border: .blend, window: .linear, tilesPerBatch: 4,
                                       memoryLimitBytes: 1 << 20)
        XCTAssertEqual(try JSONDecoder().decode(TilingConfiguration.self, from: JSONEncoder().encode(full)), full)
        XCTAssertThrowsError(try JSONDecoder().decode(TilingConfiguration.self,
                                                      from: Data(#"{"tileSize": 4, "overlap": 4}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("`tileSize`"), "\(error)")
        }
    }
}
