import AI4ArcticTestSupport
import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

final class AI4ArcticFileTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try TestPaths.temporaryDirectory("ai4file") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testOpensRawFixtureWithItsGrids() throws {
        let url = try RawSceneFixture().write(to: dir)
        let f = try AI4ArcticFile.open(url)
        XCTAssertEqual(f.version, .raw)
        XCTAssertEqual(f.geometry, AI4ArcticGeometry(lines: 100, samples: 104, pixelSpacing: 40, twoKmLines: 2, twoKmSamples: 2))
        XCTAssertEqual(try f.polygonCodes().count, 4)
        XCTAssertEqual(try f.icechartID(), "dmi_test_chart")
        XCTAssertEqual(try f.extent(of: "btemp_6_9h").rows, 2)
        XCTAssertThrowsError(try AI4ArcticFile.open(url, expecting: .readyToTrain))
    }

    /// A window read equals the same rows/columns of the full read, for several windows including edges.
    func testWindowedReadsEqualFullReads() throws {
        let fixture = RawSceneFixture()
        let f = try AI4ArcticFile.open(try fixture.write(to: dir))
        for name in ["nersc_sar_primary", "polygon_icechart", "distance_map"] {
            let full = try f.readFloats(name)
            for w in [GridWindow(row: 0, col: 0, rows: 3, cols: 5), GridWindow(row: 10, col: 20, rows: 7, cols: 9),
                      GridWindow(row: 97, col: 100, rows: 3, cols: 4), GridWindow(row: 5, col: 5, rows: 0, cols: 3)] {
                let part = try f.readFloats(name, window: w)
                var expected = [Float]()
                for r in w.row..<(w.row + w.rows) { for c in w.col..<(w.col + w.cols) { expected.append(full[r * 104 + c]) } }
                assertAllClose(part, expected, rtol: 0, atol: 0, "\(name) \(w)")
            }
        }
        XCTAssertEqual(try f.readFloats("nersc_sar_primary", window: GridWindow(row: 60, col: 7, rows: 1, cols: 1)), [fixture.hh(60, 7)])
        XCTAssertThrowsError(try f.readFloats("nersc_sar_primary", window: GridWindow(row: 99, col: 0, rows: 2, cols: 1))) { e in
            XCTAssertTrue("\(e)".contains("nersc_sar_primary"), "\(e)")
        }
    }

    /// The fixture's lat/lon are linear in line/sample, so bilinear interpolation must be exact anywhere.
    func testTiePointInterpolationAtAnyPixel() throws {
        let f = try AI4ArcticFile.open(try RawSceneFixture().write(to: dir))
        let grid = try f.tiePointGrid()
        for (line, sample) in [(0.0, 0.0), (33.3, 77.7), (99.0, 103.0), (50.5, 0.25), (-3.0, 110.0)] {
            XCTAssertEqual(grid.latitude(line: line, sample: sample), RawSceneFixture.latitude(line: line, sample: sample), accuracy: 1e-9)
            XCTAssertEqual(grid.longitude(line: line, sample: sample), RawSceneFixture.longitude(line: line, sample: sample), accuracy: 1e-9)
            XCTAssertEqual(grid.incidenceAngle(line: line, sample: sample)!, 20 + 0.1 * sample, accuracy: 1e-9)
        }
    }

    func testTiePointGridSampleMajorOrderAndLongitudeWrap() throws {
        let pos = (0..<21).map { Double($0) * 10 }
        var line = [Double](), sample = [Double](), lat = [Double](), lon = [Double]()
        for s in pos { for l in pos {  // sample-major storage
            line.append(l); sample.append(s); lat.append(l); lon.append(179 + s / 100)  // crosses +180 at s = 100
        } }
        let g = try AI4ArcticTiePointGrid.fromPoints(file: "x.nc", line: line, sample: sample, latitude: lat,
                                                     longitude: lon.map { $0 > 180 ? $0 - 360 : $0 }, incidenceAngle: nil)
        XCTAssertEqual(g.latitude(line: 15, sample: 3), 15, accuracy: 1e-12)
        XCTAssertEqual(g.longitude(line: 0, sample: 95), 179.95, accuracy: 1e-9)
        XCTAssertEqual(g.longitude(line: 0, sample: 105), -179.95, accuracy: 1e-9)
        XCTAssertEqual(g.longitude(line: 0, sample: 100), 180, accuracy: 1e-9)
        let lines = [0, 15, 33.3, 210], samples = [3, 95, 105, 199.5]
        let grid = g.evaluate(.longitude, lines: lines, samples: samples)
        for (a, l) in lines.enumerated() { for (b, s) in samples.enumerated() {
            XCTAssertEqual(grid[a * 4 + b], g.longitude(line: l, sample: s), accuracy: 1e-9)
        } }
        XCTAssertEqual(g.evaluate(.latitude, lines: [15], samples: [3]), [15])
        XCTAssertThrowsError(try AI4ArcticTiePointGrid.fromPoints(file: "bad.nc", line: Array(line.prefix(440)),
                                                                  sample: sample, latitude: lat, longitude: lon,
                                                                  incidenceAngle: nil)) { e in
            XCTAssertEqual(e as? SeaIceError, .invalidInput(file: "bad.nc", item: "sar_grid_line", expected:
                "441 tie points forming a 21 × 21 grid with increasing lines and samples"))
        }
    }

    // MARK: bad input

    /// Writes a raw-looking file by hand: the raw dimensions and the given variables only.
    private func handMade(_ name: String, variables: [(String, NetCDFType, [String])]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let nc = try NetCDFFile.create(url)
        for (d, n) in [("sar_lines", 100), ("sar_samples", 104), ("sar_grid_points", 441), ("2km_grid_lines", 2), ("2km_grid_samples", 2)] {
            try nc.defineDimension(d, length: n)
        }
        for (v, t, dims) in variables { try nc.defineVariable(v, type: t, dimensions: dims) }
        try nc.close()
        return url
    }

    func testMissingVariableNamesFileAndVariable() throws {
        let url = try handMade("missing.nc", variables: [("nersc_sar_primary", .float, ["sar_lines", "sar_samples"])])
        XCTAssertThrowsError(try AI4ArcticFile.open(url)) { e in
            XCTAssertEqual(e as? SeaIceError, .missing(file: url.path, item: "variable `nersc_sar_secondary`"))
        }
    }

    func testWrongTypeAndDimensionsNameFileAndVariable() throws {
        let wrongType = try handMade("type.nc", variables: [("nersc_sar_primary", .double, ["sar_lines", "sar_samples"])])
        XCTAssertThrowsError(try AI4ArcticFile.open(wrongType)) { e in
            XCTAssertEqual(e as? SeaIceError, .invalidInput(file: wrongType.path, item: "variable `nersc_sar_primary`",
                                                            expected: "type float, found double"))
        }
        let wrongDims = try handMade("dims.nc", variables: [("nersc_sar_primary", .float, ["sar_samples", "sar_lines"])])
        XCTAssertThrowsError(try AI4ArcticFile.open(wrongDims)) { e in
            XCTAssertEqual(e as? SeaIceError, .invalidInput(file: wrongDims.path, item: "variable `nersc_sar_primary`",
                expected: "dimensions (sar_lines, sar_samples), found (sar_samples, sar_lines)"))
        }
    }

    func testTruncatedAndForeignFilesAreRejected() throws {
        let url = try RawSceneFixture().write(to: dir)
        let data = try Data(contentsOf: url)
        let truncated = dir.appendingPathComponent("truncated.nc")
        try data.prefix(data.count / 2).write(to: truncated)
        XCTAssertThrowsError(try { let f = try AI4ArcticFile.open(truncated); _ = try f.readFloats("nersc_sar_primary") }()) { e in
            XCTAssertTrue("\(e)".contains("truncated.nc"), "\(e)")
        }
        let foreign = dir.appendingPathComponent("foreign.nc")
        let nc = try NetCDFFile.create(foreign)
        try nc.defineDimension("x", length: 3)
        try nc.close()
        XCTAssertThrowsError(try AI4ArcticFile.open(foreign)) { e in
            guard case let SeaIceError.invalidInput(file, item, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(file, foreign.path)
            XCTAssertEqual(item, "dimensions")
        }
    }
}
