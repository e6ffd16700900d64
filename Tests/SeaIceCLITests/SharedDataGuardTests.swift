import Foundation
import SeaIceTestSupport
import XCTest

/// `TestPaths.requireSharedData`, the guard of every test that reads ../shared/data: absent data skip the test
/// with the absent path named; present data are returned as they are.
final class SharedDataGuardTests: XCTestCase {
    func testAbsentDataThrowsASkipNamingThePath() {
        let relative = "no-such-folder-\(UUID().uuidString)/file.nc"
        XCTAssertThrowsError(try TestPaths.requireSharedData(relative)) { error in
            XCTAssert(error is XCTSkip, "expected XCTSkip, got \(type(of: error)): \(error)")
            XCTAssert("\(error)".contains(TestPaths.sharedData(relative).path), "\(error)")
        }
    }

    func testPresentDataAreReturned() throws {
        let dir = try TestPaths.temporaryDirectory("guard")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try TestPaths.requireSharedData(at: dir), dir)
        XCTAssertThrowsError(try TestPaths.requireSharedData(at: dir.appendingPathComponent("absent"))) { error in
            XCTAssert("\(error)".contains(dir.appendingPathComponent("absent").path), "\(error)")
        }
    }
}
