import Foundation
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

/// `--version`, the shared `-v/--verbose` and `-q/--quiet` of every command, and help text checked
/// against exact strings (swift-argument-parser's practice).
final class OutputConventionsCLITests: XCTestCase {
    func testVersionNamesTheToolAndTheCommitItWasBuiltFrom() throws {
        let r = try CommandRunner.seaice(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let pattern = #"^SeaIceKit 0\.1\.0 \(git ([0-9a-f]{12}(\+modified)?|unknown)\)\n$"#
        XCTAssertNotNil(r.stdout.range(of: pattern, options: .regularExpression), "version line: \(r.stdout)")
        let info = try CommandRunner.seaice(["info"])
        XCTAssertEqual((info.stdout.split(separator: "\n").first.map(String.init) ?? "") + "\n", r.stdout,
                       "info starts with the version line")
        // Built from this checkout: the commit is its HEAD, or an ancestor of it when commits were made
        // after the build (`swift test --skip-build`); checked when git can say.
        let commit = r.stdout.dropFirst("SeaIceKit 0.1.0 (git ".count).prefix(12)
        guard commit != "unknown)\n", let head = git(["rev-parse", "HEAD"]) else { return }
        XCTAssertNotNil(git(["merge-base", "--is-ancestor", String(commit), head]),
                        "commit \(commit) is not in this checkout's history (HEAD \(head))")
    }

    /// The output of `git -C <repository> ARGS` when it exits with 0, else nil.
    private func git(_ arguments: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", TestPaths.repository.path] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testHelpOfACommandShowsTheSharedOptionsExactly() throws {
        let r = try CommandRunner.seaice(["info", "--help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            OVERVIEW: Print the native library versions and the compute devices SeaIceKit
            will use.

            USAGE: seaice info [--verbose ...] [--quiet]

            OPTIONS:
              -v, --verbose           Log more: once for info lines (e.g. every scene),
                                      twice for debug.
              -q, --quiet             Print errors only: no result lines, progress bars or
                                      log lines.
              --version               Show the version.
              -h, --help              Show help information.


            """)
    }

    func testEveryCommandTakesVerboseAndQuiet() throws {
        let commands = [
            ["info"], ["chart", "decode"], ["chart", "rasterize"], ["evaluate"], ["ai4arctic", "prepare"],
            ["simulate"], ["show"], ["train"], ["predict"], ["preprocess"], ["bench", "unet"], ["bench", "predict"],
            ["bench", "preprocess"], ["bench", "train"], ["bench", "reliability"], ["bench", "sampler"], ["selftest"],
        ]
        for command in commands {
            let r = try CommandRunner.seaice(command + ["--help"])
            XCTAssertEqual(r.status, 0, "\(command): \(r.stderr)")
            XCTAssert(r.stdout.contains("  -v, --verbose "), "\(command) lacks -v/--verbose:\n\(r.stdout)")
            XCTAssert(r.stdout.contains("  -q, --quiet "), "\(command) lacks -q/--quiet:\n\(r.stdout)")
        }
        let both = try CommandRunner.seaice(["info", "-q", "-v"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssert(both.stderr.contains("-q/--quiet and -v/--verbose exclude each other"), both.stderr)
    }

    /// A folder holding one 4 × 4 scene with SIC, SOD and FLOE.
    private func sceneFolder() throws -> URL {
        let dir = try TestPaths.temporaryDirectory("cli-output")
        let nc = try NetCDFFile.create(dir.appendingPathComponent("20200101T000000_dmi_prep.nc"))
        try nc.defineDimension("y", length: 4)
        try nc.defineDimension("x", length: 4)
        for v in ["SIC", "SOD", "FLOE"] { try nc.defineVariable(v, type: .ubyte, dimensions: ["y", "x"]) }
        try nc.endDefinitions()
        for v in ["SIC", "SOD", "FLOE"] { try nc.write((0..<16).map { UInt8($0 % 4) }, variable: v) }
        try nc.close()
        return dir
    }

    func testQuietSilencesAndVerboseAddsLogLines() throws {
        let scenes = try sceneFolder()
        let out = try TestPaths.temporaryDirectory("cli-report")
        let normal = try CommandRunner.seaice(["evaluate", scenes.path, scenes.path, "--out", out.path])
        XCTAssertEqual(normal.status, 0, normal.stderr)
        XCTAssert(normal.stdout.contains("combined"), normal.stdout)
        XCTAssertFalse(normal.stderr.contains("scored scene"), normal.stderr)
        let verbose = try CommandRunner.seaice(["evaluate", "-v", scenes.path, scenes.path, "--out", out.path])
        XCTAssertEqual(verbose.status, 0, verbose.stderr)
        XCTAssert(verbose.stderr.contains("scored scene"), "-v logs every scene:\n\(verbose.stderr)")
        XCTAssertEqual(verbose.stdout, normal.stdout)
        let quiet = try CommandRunner.seaice(["evaluate", "-q", scenes.path, scenes.path, "--out", out.path])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(quiet.stderr, "")
        XCTAssert(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.json").path))
        let info = try CommandRunner.seaice(["info", "--quiet"])
        XCTAssertEqual([info.stdout, info.stderr], ["", ""])
    }
}
