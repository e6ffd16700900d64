import Foundation
import SeaIceTestSupport
import XCTest

/// `scripts/check-tools.sh`, the check `make setup` ends with: every command the tests, scripts and benchmarks
/// run must be on PATH, and an absent one is named with its Debian package. Absence is simulated with a PATH
/// that holds only symbolic links to the other tools.
final class ToolCheckTests: XCTestCase {
    /// The commands of the check's table.
    private func commands() throws -> [String] {
        let r = try ExternalTool.check(["--commands"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.split(separator: "\n").map(String.init)
    }

    /// A folder of links to every command of the table except `dropped`, each found on the tests' PATH.
    private func pathWithout(_ dropped: String) throws -> URL {
        let dir = try TestPaths.temporaryDirectory("tools")
        let searched = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in try commands() where name != dropped {
            let found = searched.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            let target = try XCTUnwrap(found,
                                       "\(name) is not on PATH (\(searched.joined(separator: ":"))): run make setup")
            try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(name), withDestinationURL: target)
        }
        return dir
    }

    func testTableListsTheToolsTheTestsRun() throws {
        let names = try commands()
        for name in ["nccopy", "ncgen", "ncdump", "pkg-config", "python3"] {
            XCTAssert(names.contains(name), "\(name) missing from scripts/check-tools.sh's table: \(names)")
        }
    }

    func testPassesWithTheFullPath() throws {
        let r = try ExternalTool.check()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssert(r.stdout.contains("all \(try commands().count) tools present"), r.stdout)
        XCTAssertEqual(try ExternalTool.url("nccopy").lastPathComponent, "nccopy")
    }

    func testFailsNamingNccopyAndNetcdfBinWhenNccopyIsAbsent() throws {
        let dir = try pathWithout("nccopy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExternalTool.check(path: dir.path)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssert(r.stderr.contains("missing command nccopy: install Debian package netcdf-bin"), r.stderr)
        XCTAssert(r.stderr.contains("apt-get install netcdf-bin"), r.stderr)
        for other in try commands() where other != "nccopy" {
            XCTAssertFalse(r.stderr.contains("missing command \(other):"), "\(other) reported missing: \(r.stderr)")
        }
        // The same links with nccopy added back pass: the failure above is nccopy's absence alone.
        let nccopy = try ExternalTool.url("nccopy")
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("nccopy"), withDestinationURL: nccopy)
        let again = try ExternalTool.check(path: dir.path)
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    func testHelperThrowsNamingThePackage() throws {
        let dir = try pathWithout("ncgen")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try ExternalTool.url("ncgen", path: dir.path)) { error in
            XCTAssert("\(error)".contains("missing command ncgen: install Debian package netcdf-bin"), "\(error)")
        }
        XCTAssertEqual(try ExternalTool.url("ncdump", path: dir.path).deletingLastPathComponent().path, dir.path)
    }

    func testUnknownCommandIsAUsageError() throws {
        let r = try ExternalTool.check(["no-such-tool"])
        XCTAssertEqual(r.status, 2)
        XCTAssert(r.stderr.contains("'no-such-tool' is not in the tool table"), r.stderr)
    }
}
