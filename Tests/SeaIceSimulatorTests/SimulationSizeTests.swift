import Foundation
import SeaIceCore
import SeaIceSimulator
import XCTest

/// `simulate --size 200000` (issue 18 item 6): refused with the requested size before anything is allocated.
final class SimulationSizeTests: XCTestCase {
    func testHugeScenesAreRefusedWithTheRequestedSize() throws {
        XCTAssertThrowsError(try SimulationConfig(size: 200_000).checkSize()) { e in
            XCTAssertTrue("\(e)".contains("200000 × 200000") && "\(e)".contains("--size"), "\(e)")
        }
        XCTAssertThrowsError(try SimulationConfig(size: 5000).checkSize(memoryBytes: 1 << 30)) { e in
            XCTAssertTrue("\(e)".contains("5000 × 5000") && "\(e)".contains("MiB"), "\(e)")
        }
        XCTAssertNoThrow(try SimulationConfig(size: 1000).checkSize(memoryBytes: 1 << 30))
    }
}
