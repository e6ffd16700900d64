import Foundation
import SeaIceCore
import SeaIceTestSupport
import XCTest

/// Two processes: while this test process holds a run folder's or a submission's lock, a `seaice`
/// child writing there fails at once, naming the lock and this process's pid, and leaves nothing.
final class RunLockCLITests: XCTestCase {
    func testSecondTrainIntoTheSameRunFolderFailsNamingTheHolder() throws {
        let dir = try TestPaths.temporaryDirectory("lock")
        let run = dir.appendingPathComponent("run"), data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let held = try FileLock(run.appendingPathComponent(".lock"), what: "test")
        let r = try CommandRunner.seaice(["train", TestPaths.repository.appendingPathComponent("configs/demo.json").path,
                                          "--data", data.path, "--out", run.path])
        XCTAssertNotEqual(r.status, 0)
        let text = r.stderr + r.stdout
        XCTAssertTrue(text.contains("in use by another process") && text.contains("pid \(getpid())"), text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: run.appendingPathComponent("configuration.json").path))
        held.release()
        // Released: the same command now gets past the lock (and stops at the empty data folder).
        let again = try CommandRunner.seaice(["train", TestPaths.repository.appendingPathComponent("configs/demo.json").path,
                                              "--data", data.path, "--out", run.path])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertFalse((again.stderr + again.stdout).contains("in use by another process"), again.stderr)
        XCTAssertTrue((again.stderr + again.stdout).contains("ready-to-train files"), again.stderr)
    }

    func testSecondPredictIntoTheSameSubmissionFailsAtOnce() throws {
        let dir = try TestPaths.temporaryDirectory("lock")
        let submission = dir.appendingPathComponent("submission.nc")
        let held = try FileLock(FileLock.lockFile(for: submission), what: "test")
        defer { held.release() }
        let r = try CommandRunner.seaice(["predict", dir.appendingPathComponent("no-checkpoint").path,
                                          dir.appendingPathComponent("scene.nc").path, "--out", dir.path,
                                          "--submission", submission.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue((r.stderr + r.stdout).contains("pid \(getpid())"), r.stderr)
    }
}
