import AI4ArcticTestSupport
import Foundation
import SeaIceBench
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTestSupport
import XCTest

/// Issue 18, item 10, on a child `seaice predict`: SIGTERM/SIGINT mid-run leave no temporaries and only whole
/// scenes (netCDF, GeoTIFF and PNG together); SIGKILL's leftovers are swept by the next run; two inputs of one
/// scene (raw and ready-to-train) are refused before anything is written. Item 11: `show` draws a product.
final class InterruptCLITests: XCTestCase {
    /// A tiny U-Net 4/4 checkpoint over the MMSeaIce channels at factor 4.
    private func tinyCheckpoint(in dir: URL) throws -> URL {
        try CorpusFiles.writeCheckpoint(in: dir)  // the corpus's tiny U-Net 4/4 (MMSeaIce channels, factor 4)
    }

    /// `count` distinct ready-to-train scenes of `side × side` pixels in `dir/scenes`.
    private func scenes(_ count: Int, side: Int, in dir: URL) throws -> [URL] {
        let folder = dir.appendingPathComponent("scenes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try (0..<count).map { k in
            try ReadySceneFixture(lines: side, samples: side, timestamp: String(format: "201806%02dT184326", k + 1))
                .write(to: folder)
        }
    }

    /// Names in `folder` (hidden ones included) that are temporaries (`.NAME.PID.N.tmp`).
    private func temporaries(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    /// This tool's temporary folders of `pid` in the system temporary directory.
    private func temporaryFolders(of pid: Int32) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        return names.filter { $0.hasPrefix(".seaice-") && AtomicOutput.writerPID(ofTemporary: $0) == pid }
    }

    /// Every scene has all its products or none of them: `<scene>.nc`, `<scene>.png` and the Cloud-Optimised
    /// GeoTIFFs `<scene>_SIC.tif`, `_SOD.tif`, `_FLOE.tif` (at least; probability layers come with them).
    private func assertWholeScenes(_ out: URL, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [])
        let visible = names.filter { !$0.hasPrefix(".") }
        let ids = Set(visible.compactMap { name -> String? in
            guard name.hasSuffix(".nc") || name.hasSuffix(".png") else { return nil }
            return (name as NSString).deletingPathExtension
        } + visible.filter { $0.hasSuffix(".tif") }.map { name in
            String(name.dropLast(4).split(separator: "_").prefix(2).joined(separator: "_"))
        })
        for id in ids {
            let expected = ["\(id).nc", "\(id).png", "\(id)_SIC.tif", "\(id)_SOD.tif", "\(id)_FLOE.tif"]
            let present = expected.filter(names.contains)
            XCTAssertEqual(present.count, expected.count, "\(message): scene \(id) has only \(present)", file: file, line: line)
        }
    }

    /// Starts `seaice predict` on `inputs` into `out`, sends `sig` once a temporary exists in `out`
    /// (retrying with a new child when the run ends first), and returns the child with whether it was signalled
    /// while temporaries existed.
    private func interruptedPredict(_ arguments: [String], out: URL, signal sig: Int32) throws -> (Process, Bool) {
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("seaice")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sent = false
        while process.isRunning {
            if !temporaries(in: out).isEmpty {
                kill(process.processIdentifier, sig)
                sent = true
                break
            }
            usleep(500)
        }
        process.waitUntilExit()
        return (process, sent)
    }

    func testSIGTERMAndSIGINTLeaveNoTemporariesAndOnlyWholeScenes() throws {
        let dir = try TestPaths.temporaryDirectory("cli-interrupt")
        let checkpoint = try tinyCheckpoint(in: dir)
        let inputs = try scenes(6, side: 400, in: dir)
        for sig in [SIGTERM, SIGINT] {
            var interrupted = false
            for attempt in 0..<8 where !interrupted {
                let out = dir.appendingPathComponent("out-\(sig)-\(attempt)")
                let (process, sent) = try interruptedPredict(
                    ["predict", checkpoint.path] + inputs.map(\.path) + ["-o", out.path, "--device", "cpu"], out: out,
                    signal: sig)
                guard sent else { continue }  // the run finished between two looks: try again
                interrupted = true
                XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(sig) re-raised after cleaning up")
                XCTAssertEqual(process.terminationStatus, sig)
                XCTAssertEqual(temporaries(in: out), [], "signal \(sig) left temporaries")
                XCTAssertEqual(temporaryFolders(of: process.processIdentifier), [])
                assertWholeScenes(out, "signal \(sig)")
            }
            XCTAssertTrue(interrupted, "no run of 8 was caught with a temporary in its output folder (signal \(sig))")
        }
    }

    func testSIGKILLLeftoversAreSweptByTheNextRun() throws {
        let dir = try TestPaths.temporaryDirectory("cli-kill")
        let checkpoint = try tinyCheckpoint(in: dir)
        let inputs = try scenes(3, side: 400, in: dir)
        let out = dir.appendingPathComponent("out")
        let arguments = ["predict", checkpoint.path] + inputs.map(\.path) + ["-o", out.path, "--device", "cpu"]
        var leftovers: [String] = []
        for _ in 0..<8 where leftovers.isEmpty {
            let (process, sent) = try interruptedPredict(arguments, out: out, signal: SIGKILL)
            if sent { XCTAssertEqual(process.terminationStatus, SIGKILL) }
            leftovers = temporaries(in: out)
        }
        XCTAssertFalse(leftovers.isEmpty, "no SIGKILLed run of 8 left a temporary behind")
        let rerun = try CommandRunner.seaice(arguments)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(temporaries(in: out), [], "the next run sweeps the temporaries of the killed one")
        XCTAssertTrue(rerun.stderr.contains("removed"), rerun.stderr)
        assertWholeScenes(out, "after the rerun")
    }

    func testRawAndReadyFileOfOneSceneAreRefusedUpFront() throws {
        let dir = try TestPaths.temporaryDirectory("cli-duplicate")
        let checkpoint = try tinyCheckpoint(in: dir)
        let raw = try RawSceneFixture().write(to: dir)
        let ready = dir.appendingPathComponent("ready")
        try FileManager.default.createDirectory(at: ready, withIntermediateDirectories: true)
        let convert = try CommandRunner.seaice(["ai4arctic", "prepare", raw.path, "--out", ready.path])
        XCTAssertEqual(convert.status, 0, convert.stderr)
        let readyFile = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(at: ready, includingPropertiesForKeys: nil).first)
        let out = dir.appendingPathComponent("out")
        let r = try CommandRunner.seaice([
            "predict", checkpoint.path, raw.path, readyFile.path, "-o", out.path, "--device", "cpu",
        ])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(
            r.stderr.contains(raw.path) && r.stderr.contains(readyFile.path) && r.stderr.contains("same scene"),
            r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written, not even the folder")
    }

    func testShowDrawsAProductOfPredict() throws {
        let dir = try TestPaths.temporaryDirectory("cli-show-product")
        let checkpoint = try tinyCheckpoint(in: dir)
        let scene = try scenes(1, side: 90, in: dir)[0]
        let out = dir.appendingPathComponent("out")
        let predict = try CommandRunner.seaice([
            "predict", checkpoint.path, scene.path, "-o", out.path, "--device", "cpu",
        ])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        let product = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil)
                .first { $0.pathExtension == "nc" })
        XCTAssertTrue(ProductQuicklook.isProduct(product))
        XCTAssertFalse(ProductQuicklook.isProduct(scene))
        let png = dir.appendingPathComponent("show.png")
        let show = try CommandRunner.seaice(["show", product.path, "--out", png.path])
        XCTAssertEqual(show.status, 0, show.stderr)
        let bytes = try Data(contentsOf: png)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
    }

    func testCUDAWithoutAGPUSaysSoInOneLine() throws {
        let dir = try TestPaths.temporaryDirectory("cli-cuda")
        let checkpoint = try tinyCheckpoint(in: dir)
        let scene = try scenes(1, side: 90, in: dir)[0]
        let r = try CommandRunner.seaice([
            "predict", checkpoint.path, scene.path, "-o", dir.appendingPathComponent("out").path,
            "--device", "cuda",
        ])
        if r.status == 0 { throw XCTSkip("a CUDA device is present") }
        XCTAssertTrue(r.stderr.contains("no CUDA device; available: cpu"), r.stderr)
        XCTAssertLessThan(r.stderr.count, 400, "one sentence, not libtorch's dispatcher listing: \(r.stderr)")
    }
}
