import Foundation
import SeaIceCore
import XCTest

/// `FileLock`: exclusive between open files (also within one process), released on `release()`, and
/// `forOutput` works for an output whose folder does not exist yet.
final class FileLockTests: XCTestCase {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filelock-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testASecondHolderIsRefusedNamingThePidUntilReleased() throws {
        let dir = try folder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lock = dir.appendingPathComponent(".lock")
        let first = try FileLock(lock, what: "the thing")
        XCTAssertThrowsError(try FileLock(lock, what: "the thing")) { error in
            XCTAssertTrue("\(error)".contains("the thing is in use") && "\(error)".contains("pid \(getpid())"), "\(error)")
        }
        first.release()
        XCTAssertNoThrow(try FileLock(lock, what: "the thing"))
    }

    func testOutputLockCreatesTheMissingFolder() throws {
        let file = try folder().appendingPathComponent("not/yet/submission.nc")
        let lock = try FileLock.forOutput(file, what: "the submission file")
        XCTAssertEqual(lock.url, FileLock.lockFile(for: file))
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock.url.path))
        XCTAssertThrowsError(try FileLock.forOutput(file, what: "the submission file"))
    }
}
