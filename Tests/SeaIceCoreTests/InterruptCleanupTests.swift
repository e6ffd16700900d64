import Foundation
import SeaIceCore
import SeaIceTestSupport
import XCTest

/// Temporaries: named with the writer's pid, registered for interruption cleanup while they exist, written
/// as units, swept when their writer is dead. (Delivery of a signal is tested on a child `seaice predict`
/// in SeaIceCLITests/InterruptCLITests.)
final class InterruptCleanupTests: XCTestCase {
    struct Boom: Error {}

    func testTemporaryNamesCarryThePid() {
        let tmp = AtomicOutput.temporaryPath(for: URL(fileURLWithPath: "/x/scene.nc"))
        XCTAssertEqual(AtomicOutput.writerPID(ofTemporary: tmp.lastPathComponent), getpid())
        // A temporary of a temporary (a writer called on a unit's temporary path) still names its writer.
        XCTAssertEqual(AtomicOutput.writerPID(ofTemporary: "..a.tif.12.34.tmp.56.78.tmp"), 56)
        for name in [
            "scene.nc", ".scene.nc", ".scene.nc.12.tmp", ".scene.nc.x.34.tmp", ".scene.nc.12.34.tmp.bak", ".0.1.tmp",
        ] {
            XCTAssertNil(AtomicOutput.writerPID(ofTemporary: name), name)
        }
    }

    func testTemporariesAreRegisteredOnlyWhileTheyExist() throws {
        let dir = try TestPaths.temporaryDirectory("interrupt-register")
        let dest = dir.appendingPathComponent("a.bin")
        var seen: [String] = []
        try AtomicOutput.write(to: dest) { tmp in
            seen = InterruptCleanup.registered.filter { $0.hasPrefix(dir.path) }
            try Data([1]).write(to: tmp)
        }
        XCTAssertEqual(seen.count, 1)
        XCTAssertTrue(seen.first?.hasSuffix(".tmp") ?? false, "\(seen)")
        XCTAssertEqual(InterruptCleanup.registered.filter { $0.hasPrefix(dir.path) }, [])
        XCTAssertThrowsError(try AtomicOutput.write(to: dest) { _ in throw Boom() })
        XCTAssertEqual(InterruptCleanup.registered.filter { $0.hasPrefix(dir.path) }, [])
    }

    func testAUnitIsRenamedTogetherOrNotAtAll() throws {
        let dir = try TestPaths.temporaryDirectory("interrupt-unit")
        let files = ["s.tif", "s.png", "s.nc"].map { dir.appendingPathComponent($0) }
        XCTAssertThrowsError(
            try AtomicOutput.writeTogether(files) { temporaries in
                try Data([1]).write(to: temporaries[0])
                try Data([2]).write(to: temporaries[1])
                throw Boom()  // the netCDF failed: neither the finished GeoTIFF nor the PNG may appear
            })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        try AtomicOutput.writeTogether(files) { temporaries in
            for (i, t) in temporaries.enumerated() { try Data([UInt8(i)]).write(to: t) }
        }
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["s.nc", "s.png", "s.tif"])
        XCTAssertEqual(try Data(contentsOf: files[2]), Data([2]))
    }

    func testSweepRemovesTemporariesOfDeadProcessesOnly() throws {
        let dir = try TestPaths.temporaryDirectory("interrupt-sweep")
        // A pid that just exited is dead; this process and pid 1 are alive.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let names = [".s.nc.\(dead).1.tmp", ".s.nc.\(getpid()).2.tmp", ".s.nc.1.3.tmp", "s.nc", ".s.nc.lock"]
        for n in names { try Data([0]).write(to: dir.appendingPathComponent(n)) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent(".folder.\(dead).4.tmp"), withIntermediateDirectories: true)
        let removed = AtomicOutput.sweepStale(in: dir).map(\.lastPathComponent)
        XCTAssertEqual(removed.sorted(), [".folder.\(dead).4.tmp", ".s.nc.\(dead).1.tmp"])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), names.dropFirst().sorted())
    }

    func testOutputFolderRefusesAFileAndSweeps() throws {
        let dir = try TestPaths.temporaryDirectory("interrupt-folder")
        let file = dir.appendingPathComponent("out.txt")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try OutputFolder.prepare(file, option: "--out")) { error in
            XCTAssertEqual(
                "\(error)", "\(file.path): --out: expected a folder for the outputs, but this is an existing file")
        }
        XCTAssertThrowsError(try OutputFolder.requireFolderOrAbsent(file, option: "--out"))
        XCTAssertNoThrow(try OutputFolder.requireFolderOrAbsent(dir.appendingPathComponent("new"), option: "--out"))
        let out = dir.appendingPathComponent("new/out")
        XCTAssertEqual(try OutputFolder.prepare(out, option: "--out"), [])
        try Data([0]).write(to: out.appendingPathComponent(".p.nc.\(Int32.max - 1).5.tmp"))
        XCTAssertEqual(
            try OutputFolder.prepare(out, option: "--out").map(\.lastPathComponent), [".p.nc.\(Int32.max - 1).5.tmp"])
    }

    func testMissingConfigurationNamesTheFileAndTheReason() throws {
        let url = try TestPaths.temporaryDirectory("interrupt-config").appendingPathComponent("missing.json")
        XCTAssertThrowsError(try ConfigurationFile.decodeJSON([String: Int].self, from: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): cannot read the configuration: no such file or folder")
        }
    }
}
