import SeaIceTensor
import XCTest

final class HostMemoryTests: XCTestCase {
    /// Freed blocks of ≥ 1 MiB are kept and handed out again; small ones are not; the limit and release work.
    func testCacheKeepsAndReusesLargeBlocks() throws {
        try HostMemory.enableCache(limitBytes: 1 << 30)
        defer { try? HostMemory.enableCache() }
        XCTAssertTrue(HostMemory.cacheEnabled)
        HostMemory.releaseCache()
        XCTAssertEqual(HostMemory.cachedBytes, 0)
        let bytes = 512 * 1024 * 4  // 2 MiB of float32
        do { _ = try Tensor.zeros([512, 1024]) }
        XCTAssertEqual(HostMemory.cachedBytes, bytes, "the freed 2 MiB block is kept")
        do {
            let t = try Tensor.full([512, 1024], value: 3)
            XCTAssertEqual(HostMemory.cachedBytes, 0, "the next tensor of that size takes the kept block")
            XCTAssertEqual(try t.floats().prefix(3), [3, 3, 3], "a reused block holds the new tensor's values")
        }
        XCTAssertEqual(HostMemory.cachedBytes, bytes)
        do { _ = try Tensor.zeros([16, 16]) }
        XCTAssertEqual(HostMemory.cachedBytes, bytes, "blocks under 1 MiB go back to the C library")
        HostMemory.releaseCache()
        XCTAssertEqual(HostMemory.cachedBytes, 0)
        try HostMemory.enableCache(limitBytes: 0)
        do { _ = try Tensor.zeros([512, 1024]) }
        XCTAssertEqual(HostMemory.cachedBytes, 0, "nothing is kept beyond the limit")
    }
}
