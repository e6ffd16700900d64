import AI4ArcticTestSupport
import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceTestSupport
import XCTest

final class ReadyConverterTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try TestPaths.temporaryDirectory("ai4convert") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The tiny raw scene against hand-computed ready-to-train values (see `RawSceneFixture` for the inputs).
    func testConversionAgainstHandComputedValues() throws {
        let raw = try RawSceneFixture().write(to: dir)
        let outDir = dir.appendingPathComponent("ready")
        var fractions: [Double] = []
        var options = ReadyConversionOptions()
        options.rowBlock = 7  // blocks that do not divide the 50 ready rows
        let url = try ReadyConverter(options: options).convert(raw: raw, outputDirectory: outDir) { fractions.append($0) }
        XCTAssertEqual(url.lastPathComponent, "20180124T194759_dmi_prep.nc")
        XCTAssertEqual(fractions.count, 8)
        XCTAssertEqual(fractions.last, 1)
        let f = try AI4ArcticFile.open(url, expecting: .readyToTrain)
        XCTAssertEqual(f.geometry, AI4ArcticGeometry(lines: 50, samples: 52, pixelSpacing: 80, twoKmLines: 2, twoKmSamples: 2))
        let a = try f.readyAttributes()
        XCTAssertEqual(a, ReadyAttributes(sceneID: "20180124T194759_dmi_prep.nc", originalID: RawSceneFixture.fileName,
                                          iceService: .dmi, flip: 0, pixelSpacing: 80))
        func at(_ v: String, _ r: Int, _ c: Int) throws -> Float { try f.readFloats(v, window: GridWindow(row: r, col: c, rows: 1, cols: 1))[0] }
        func label(_ r: Int, _ c: Int) throws -> [UInt8] {
            try ["SIC", "SOD", "FLOE"].map { try f.readLabels($0, window: GridWindow(row: r, col: c, rows: 1, cols: 1))[0] }
        }
        // HH at (0, 1): mean of raw rows 0–1, columns 2–3 = −20 + 0.01·0.5 + 0.001·2.5 = −19.9925 dB,
        // z = (−19.9925 + 14.50826)/5.65975 = −0.968991.
        XCTAssertEqual(try at("nersc_sar_primary", 0, 1), -0.9689913510068248, accuracy: 1e-5)
        XCTAssertEqual(try at("nersc_sar_primary", 0, 0), 0)  // all-NaN block → 0
        XCTAssertEqual(try at("nersc_sar_primary", 1, 1), 0)  // one NaN in the block → NaN mean → 0
        XCTAssertEqual(try at("nersc_sar_secondary", 10, 7), -0.6085825438116322, accuracy: 1e-5)  // −27.59 dB
        XCTAssertEqual(try at("sar_incidenceangle", 10, 7), -1.507764358533574, accuracy: 1e-5)  // 21.45°
        XCTAssertEqual(try at("distance_map", 10, 7), -1.4394530566493382, accuracy: 1e-5)  // 2.05 km
        // Labels: polygon 1 → 10/5/5, 2 → 3/2/1, 3 (water) → 0/0/0, 2 × 2 max across polygon borders.
        XCTAssertEqual(try label(10, 5), [10, 5, 5])
        XCTAssertEqual(try label(10, 20), [10, 5, 5])  // columns 40 (id 1) and 41 (id 2): max
        XCTAssertEqual(try label(10, 40), [3, 2, 1])   // columns 80 (id 2) and 81 (id 3)
        XCTAssertEqual(try label(10, 45), [0, 0, 0])
        XCTAssertEqual(try label(25, 30), [255, 255, 255])  // pixel (50, 60) has id 7, absent from the table
        XCTAssertEqual(try label(45, 10), [255, 255, 255])  // no polygon (NaN ids)
        XCTAssertEqual(try label(44, 10), [10, 5, 5])
        XCTAssertEqual(try label(0, 0), [255, 255, 255])  // no SAR data → masked
        XCTAssertEqual(try label(1, 1), [255, 255, 255])
        // 2 km: scaled exactly to 0.1 j + k − l; the NaN cell becomes 0.
        for (j, v) in AI4ArcticSchema.twoKmVariables.enumerated() {
            var expected = [Float]()
            for k in 0..<2 { for l in 0..<2 { expected.append(Float(RawSceneFixture.scaledTwoKm(j, k, l))) } }
            if v == "btemp_89_0v" { expected[3] = 0 }
            assertAllClose(try f.readFloats(v), expected, rtol: 1e-5, atol: 1e-5, v)
        }
        // Geolocation: the 441 tie points as 21 × 21, rows = lines.
        let lat = try f.netCDF.read("sar_grid2d_latitude", as: Double.self)
        let pos = (RawSceneFixture.tiePositions(100), RawSceneFixture.tiePositions(104))
        XCTAssertEqual(lat[3 * 21 + 17], RawSceneFixture.latitude(line: pos.0[3], sample: pos.1[17]), accuracy: 1e-12)
        // The ready grid is taken to span pixel 0 … 49 at 80 m: ready pixel 20 is raw position 40.5.
        let g = try f.tiePointGrid()
        XCTAssertEqual(g.latitude(line: 20, sample: 0), RawSceneFixture.latitude(line: 20 * 99 / 49.0, sample: 0), accuracy: 1e-9)
    }

    /// The 44 real `polygon_codes` rows of a CIS scene (MMSeaIce notebook extract) go through reader and converter.
    func testRealPolygonCodeRows() throws {
        let text = try String(contentsOf: TestPaths.requireSharedData(
            "ai4arctic-starterpack/notebook-metadata-extracts/MMSeaIce_notebook_outputs.txt"), encoding: .utf8)
        // Every quoted string with the 15 ';'-separated fields (the header and the 43 polygon rows).
        let rows = text.split(separator: "'").map(String.init).filter { $0.split(separator: ";", omittingEmptySubsequences: false).count == 15 }
        XCTAssertEqual(rows.count, 44)
        var fixture = RawSceneFixture()
        fixture.codes = rows
        fixture.polygonIDs = (26, 76, 84)  // 26: 91;-9;93;08 I; 76 and 84: 02;-9;98;10 W
        let f = try AI4ArcticFile.open(try ReadyConverter().convert(raw: try fixture.write(to: dir), outputDirectory: dir))
        func label(_ r: Int, _ c: Int) throws -> [UInt8] {
            try ["SIC", "SOD", "FLOE"].map { try f.readLabels($0, window: GridWindow(row: r, col: c, rows: 1, cols: 1))[0] }
        }
        XCTAssertEqual(try label(10, 5), [10, 4, 255])  // CT 91 → 10; SA 93 → thick FYI (4); FA 08 fast ice → 255
        XCTAssertEqual(try label(10, 45), [0, 0, 0])     // water polygon
    }

    /// Without the full-grid incidence angle, the tie-point incidence (20 + 0.1·sample, linear) is interpolated:
    /// ready pixel (10, 7) covers raw columns 14–15 → 21.45° as in the full-grid case.
    func testIncidenceInterpolatedWhenTheFullGridIsAbsent() throws {
        var fixture = RawSceneFixture()
        fixture.writesIncidenceGrid = false
        let raw = try fixture.write(to: dir)
        XCTAssertFalse(try AI4ArcticFile.open(raw).has("sar_incidenceangle"))
        let f = try AI4ArcticFile.open(try ReadyConverter().convert(raw: raw, outputDirectory: dir.appendingPathComponent("out")))
        let v = try f.readFloats("sar_incidenceangle", window: GridWindow(row: 10, col: 7, rows: 1, cols: 1))[0]
        XCTAssertEqual(v, -1.507764358533574, accuracy: 1e-5)
    }

    /// Row blocks, converted one at a time or two in parallel, do not change the result.
    func testBlockSizeDoesNotChangeTheOutput() throws {
        let raw = try RawSceneFixture().write(to: dir)
        var small = ReadyConversionOptions(); small.rowBlock = 3; small.blockWorkers = 2
        let a = try AI4ArcticFile.open(try ReadyConverter(options: small).convert(raw: raw, outputDirectory: dir.appendingPathComponent("a")))
        let b = try AI4ArcticFile.open(try ReadyConverter().convert(raw: raw, outputDirectory: dir.appendingPathComponent("b")))
        for v in AI4ArcticSchema.fullGridInputs { XCTAssertEqual(try a.readFloats(v), try b.readFloats(v), v) }
        for v in AI4ArcticSchema.labelVariables { XCTAssertEqual(try a.readLabels(v), try b.readLabels(v), v) }
    }

    /// A batch converts the good files, reports bad ones with the reason, and leaves nothing half-written.
    func testBatchSkipsBadFilesAndReportsWhy() throws {
        let inDir = dir.appendingPathComponent("in"), outDir = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inDir, withIntermediateDirectories: true)
        let good = try RawSceneFixture().write(to: inDir)
        let secondName = RawSceneFixture.fileName.replacingOccurrences(of: "20180124T194759_2018", with: "20180311T101010_2018")
        let good2 = try RawSceneFixture().write(to: inDir, name: secondName)
        let truncatedName = RawSceneFixture.fileName.replacingOccurrences(of: "20180124T194759_2018", with: "20190101T000000_2018")
        let truncated = inDir.appendingPathComponent(truncatedName)
        let data = try Data(contentsOf: good)
        try data.prefix(data.count / 3).write(to: truncated)
        let badName = try RawSceneFixture().write(to: inDir, name: "scene.nc")
        final class Seen: @unchecked Sendable { var fractions: [String: Double] = [:] }
        let seen = Seen()  // progress calls are serialised by the batch
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let summary = ConversionBatch(converter: ReadyConverter(logger: quiet), jobs: 2).run([good, truncated, badName, good2], outputDirectory: outDir) { p in
            seen.fractions[p.file.lastPathComponent] = p.fileFraction
        }
        let fileFractions = seen.fractions
        XCTAssertEqual(summary.converted.map(\.input), [good, good2])
        XCTAssertEqual(summary.failed.map(\.input), [truncated, badName])
        XCTAssertTrue(summary.failed[0].reason.contains(truncatedName), summary.failed[0].reason)
        XCTAssertTrue(summary.failed[1].reason.hasPrefix(badName.path + ": file name"), summary.failed[1].reason)
        XCTAssertEqual(fileFractions.count, 4)
        let written = try FileManager.default.contentsOfDirectory(atPath: outDir.path).sorted()
        XCTAssertEqual(written, ["20180124T194759_dmi_prep.nc", "20180311T101010_dmi_prep.nc"])  // no temporaries left
    }

    /// A malformed chart row fails naming the file and the row, and writes nothing.
    func testBadPolygonCodeFailsWithoutOutput() throws {
        var fixture = RawSceneFixture()
        fixture.codes[2] = "2;30;-9;84"
        let raw = try fixture.write(to: dir)
        let outDir = dir.appendingPathComponent("out")
        XCTAssertThrowsError(try ReadyConverter().convert(raw: raw, outputDirectory: outDir)) { e in
            guard case let SeaIceError.invalidInput(file, item, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(file, raw.path)
            XCTAssertEqual(item, "polygon_codes row 2")
        }
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: outDir.path)) ?? [], [])
    }
}
