import AI4ArcticTestSupport
import Foundation
import Logging
import SeaIceCore
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

@testable import SeaIceAI4Arctic

/// Damaged raw files (issue 18 items 2, 6 and 9): ±∞ is masked like NaN and never copied into a ready file,
/// absurd declared grids are refused before anything is allocated, chart ids missing from `polygon_codes` are
/// counted and reported (and refused when no pixel has a known id).
final class NonFiniteAndSizeTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try TestPaths.temporaryDirectory("nonfinite") }

    /// The fixture with `variable` replaced by `value` in the rows `rows`.
    func fixture(_ variable: String, rows: Range<Int>, value: Float) throws -> URL {
        let f = RawSceneFixture()
        let url = try f.write(to: dir)
        let nc = try NetCDFFile.open(url, writable: true)
        try nc.write(
            [Float](repeating: value, count: rows.count * f.samples), variable: variable,
            start: [rows.lowerBound, 0], count: [rows.count, f.samples])
        try nc.close()
        return url
    }

    func testInfiniteSARIsMaskedLikeNaNAndNeverWritten() throws {
        // Raw rows 20..<40 of HH are +∞, and the HV rows 60..<70 −∞.
        let raw = try fixture(AI4ArcticSchema.Name.sarPrimary, rows: 20..<40, value: .infinity)
        let nc = try NetCDFFile.open(raw, writable: true)
        try nc.write(
            [Float](repeating: -.infinity, count: 10 * 104), variable: AI4ArcticSchema.Name.sarSecondary,
            start: [60, 0], count: [10, 104])
        try nc.close()
        let log = WarningLog()
        let converter = ReadyConverter(logger: Logger(label: "test") { _ in log })
        let ready = try AI4ArcticFile.open(try converter.convert(raw: raw, outputDirectory: dir.appendingPathComponent("out")))
        let counted = "3120 ±∞ input values read as missing (NaN): `nersc_sar_primary` 2080, `nersc_sar_secondary` 1040"
        XCTAssertTrue(log.messages.contains { $0.hasPrefix(raw.path) && $0.contains(counted) }, "\(log.messages)")
        defer { try? ready.close() }
        let hh = try ready.readFloats(AI4ArcticSchema.Name.sarPrimary)
        let hv = try ready.readFloats(AI4ArcticSchema.Name.sarSecondary)
        XCTAssertTrue(hh.allSatisfy(\.isFinite) && hv.allSatisfy(\.isFinite), "no ±∞ in the ready file")
        let samples = ready.geometry.samples
        // Ready rows 10..<20 come from the +∞ raw rows: 0 (missing) with masked labels, as NaN would give.
        for r in 10..<20 {
            XCTAssertEqual(hh[(r * samples)..<((r + 1) * samples)].filter { $0 != 0 }.count, 0, "row \(r)")
            XCTAssertTrue(
                try ready.readLabels("SIC", window: .init(row: r, col: 0, rows: 1, cols: samples)).allSatisfy {
                    $0 == 255
                })
        }
        XCTAssertEqual(hv[(30 * samples)..<(31 * samples)].filter { $0 != 0 }.count, 0)
        XCTAssertNotEqual(hh[25 * samples], 0, "finite rows keep their values")
    }

    func testDeclaredGridsBeyondTheBoundAreRefusedWithTheDeclaredSize() throws {
        let g = AI4ArcticGeometry(lines: 200_000, samples: 200_000, pixelSpacing: 40)
        XCTAssertThrowsError(try AI4ArcticFile.checkSize(g, file: "big.nc")) { e in
            let message = "\(e)"
            XCTAssertTrue(
                message.hasPrefix("big.nc: dimensions `sar_lines` × `sar_samples` (200000 × 200000 declared)"), message)
        }
        // Within the side bound but not in memory: a 16 MiB machine cannot hold a 3000 × 3000 float32 grid.
        XCTAssertThrowsError(
            try AI4ArcticFile.checkSize(
                AI4ArcticGeometry(lines: 3000, samples: 3000, pixelSpacing: 40),
                file: "mid.nc", memoryBytes: 16 << 20)
        ) { e in
            XCTAssertTrue("\(e)".contains("3000 × 3000 declared") && "\(e)".contains("memory"), "\(e)")
        }
        XCTAssertNoThrow(
            try AI4ArcticFile.checkSize(
                AI4ArcticGeometry(lines: 10_000, samples: 10_500, pixelSpacing: 40),
                file: "real.nc", memoryBytes: 16 << 30))
    }

    func testPolygonIdsOutsideTheTableAreReportedAndAllUnknownFails() throws {
        // The fixture has one pixel of id 7, which `polygon_codes` lacks: converted, with a warning naming it.
        let log = WarningLog()
        let logger = Logger(label: "test") { _ in log }
        _ = try ReadyConverter(logger: logger).convert(
            raw: try RawSceneFixture().write(to: dir),
            outputDirectory: dir.appendingPathComponent("a"))
        XCTAssertEqual(log.messages.count, 1, "\(log.messages)")
        XCTAssertTrue(
            log.messages.first?.contains("1 pixels of `polygon_icechart` have ids not in `polygon_codes`") ?? false,
            "\(log.messages)")
        XCTAssertTrue(log.messages.first?.contains("7 (1 px)") ?? false, "\(log.messages)")
        // Every id unknown: every label would be masked, so the conversion fails and writes nothing.
        let other = try TestPaths.temporaryDirectory("unknown-ids")
        var fixture = RawSceneFixture()
        fixture.polygonIDs = (41, 42, 43)
        let raw = try fixture.write(to: other)
        let out = other.appendingPathComponent("out")
        XCTAssertThrowsError(try ReadyConverter().convert(raw: raw, outputDirectory: out)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(raw.path) && message.contains("variable `polygon_icechart`"), message)
            XCTAssertTrue(message.contains("41 (") && message.contains("(0 pixels with a known id)"), message)
        }
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [], [])
    }
}

/// Collects the messages of warnings logged through it.
final class WarningLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        guard level >= .warning else { return }
        lock.lock()
        stored.append("\(message)")
        lock.unlock()
    }
}
