import Foundation
import SeaIceCore
import XCTest

/// Declared sizes are checked against the side bound and the machine's memory, naming file, item and sizes.
final class DeclaredSizeTests: XCTestCase {
    func testBoundsAndMessages() throws {
        XCTAssertThrowsError(try DeclaredSize.checkGrid(lines: 12, samples: 200_000, file: "a.nc", item: "dims")) { e in
            XCTAssertEqual("\(e)", "a.nc: dims (12 × 200000 declared): expected at most 25000 × 25000 pixels")
        }
        XCTAssertThrowsError(
            try DeclaredSize.checkGrid(
                lines: 2000, samples: 2000, file: "b.nc", item: "dims",
                memoryBytes: 8 << 20)
        ) { e in
            XCTAssertTrue("\(e)".hasPrefix("b.nc: dims (2000 × 2000 declared)") && "\(e)".contains("15 MiB"), "\(e)")
        }
        XCTAssertNoThrow(
            try DeclaredSize.checkGrid(
                lines: 25_000, samples: 25_000, file: "c.nc", item: "dims",
                memoryBytes: 16 << 30))
    }
}
