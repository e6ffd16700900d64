import Foundation
import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

/// Charts and grids that used to be accepted or trap (issue 18 items 7 and 9): each refused naming the file or
/// the grid text and what is wrong.
final class DamagedChartTests: XCTestCase {
    let logger = Logger(label: "test")

    func testGridsThatOverflowIntAreRefusedNamingTheText() throws {
        for text in [
            "EPSG:3413:-1e20,-1e20,1e20,1e20:1", "EPSG:3413:0,0,1e10,1e10:1e-300", "EPSG:3413:0,0,1e6,1e6:0.01",
        ] {
            XCTAssertThrowsError(try ChartGridSpecification(parsing: text), text) { e in
                let message = "\(e)"
                XCTAssertTrue(message.contains("grid \"\(text)\""), message)
                XCTAssertTrue(message.contains("too large"), message)
            }
        }
        XCTAssertThrowsError(try ChartGridSpecification(parsing: "EPSG:3413:0,0,nan,1:1")) { e in
            XCTAssertTrue("\(e)".contains("finite"), "\(e)")
        }
        XCTAssertThrowsError(
            try RegularGrid(crs: "EPSG:3413", minX: 0, minY: 0, maxX: 1, maxY: 1, resolution: .infinity))
        // 20 000 × 20 000 is the largest accepted grid.
        let g = try RegularGrid(crs: "EPSG:3413", minX: 0, minY: 0, maxX: 20_000, maxY: 20_000, resolution: 1)
        XCTAssertEqual([g.width, g.height], [20_000, 20_000])
        XCTAssertThrowsError(
            try RegularGrid(crs: "EPSG:3413", minX: 0, minY: 0, maxX: 20_001, maxY: 20_000, resolution: 1))
    }

    func testAGridDocumentDeclaringTooManyPixelsIsRefusedNamingTheFile() throws {
        let url = try TestPaths.temporaryDirectory("grid-document").appendingPathComponent("grid.json")
        let json = #"{"regular": {"width": 1000000000, "height": 3, "crs": "EPSG:3413", "geoTransform": [0, 1, 0, 0, 0, -1]}}"#
        try Data(json.utf8).write(to: url)
        XCTAssertThrowsError(try ChartGridSpecification(parsing: url.path)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(url.path) && message.contains("1000000000 × 3 declared"), message)
        }
        let nan = #"{"regular": {"width": 3, "height": 3, "crs": "EPSG:3413", "geoTransform": [0, 1, 0, 0, 0]}}"#
        try Data(nan.utf8).write(to: url)
        XCTAssertThrowsError(try ChartGridSpecification(parsing: url.path)) { e in
            XCTAssertTrue("\(e)".contains("geoTransform"), "\(e)")
        }
    }

    /// The real CIS shapefile's parts copied into a fresh folder, the `.dbf` cut to `fraction` of its size.
    func shapefile(dbfFraction fraction: Double = 1, leaving: String? = nil) throws -> URL {
        let source = try TestPaths.requireSharedData("shp2dex-cis/shapefile.shp").deletingPathExtension()
        let dir = try TestPaths.temporaryDirectory("damaged-chart")
        for ext in ["shp", "shx", "dbf", "prj"] where ext != leaving {
            var bytes = try Data(contentsOf: source.appendingPathExtension(ext))
            if ext == "dbf" { bytes = bytes.prefix(Int(Double(bytes.count) * fraction)) }
            try bytes.write(to: dir.appendingPathComponent("chart.\(ext)"))
        }
        return dir.appendingPathComponent("chart.shp")
    }

    func testATruncatedDbfIsRefusedNamingItAndTheDeclaredRecords() throws {
        XCTAssertEqual(try IceChart.read(url: try shapefile(), logger: logger).polygons.count, 563)
        let cut = try shapefile(dbfFraction: 0.5)
        XCTAssertThrowsError(try IceChart.read(url: cut, logger: logger)) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(cut.deletingPathExtension().appendingPathExtension("dbf").path), message)
            XCTAssertTrue(message.contains("563 declared"), message)
            XCTAssertTrue(message.contains("277 complete records"), message)
        }
    }

    func testATruncatedShxIsRefused() throws {
        let chart = try shapefile()
        let shx = chart.deletingPathExtension().appendingPathExtension("shx")
        try Data(try Data(contentsOf: shx).prefix(2000)).write(to: shx)
        // GDAL itself refuses a .shx shorter than its record count; either way the message names the shapefile
        // and the .shx.
        XCTAssertThrowsError(try IceChart.read(url: chart, logger: logger)) { e in
            XCTAssertTrue("\(e)".hasPrefix(chart.deletingPathExtension().path) && "\(e)".contains(".shx"), "\(e)")
        }
    }

    func testChartsWithoutADefinedCRSAreRefusedAlike() throws {
        let noPrj = try shapefile(leaving: "prj")
        XCTAssertThrowsError(try IceChart.read(url: noPrj, logger: logger)) { e in
            XCTAssertTrue("\(e)".hasPrefix(noPrj.path) && "\(e)".contains("coordinate reference system"), "\(e)")
        }
        let sqlite = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: sqlite) else {
            throw XCTSkip("\(sqlite) absent: GeoPackage edits skipped")
        }
        let source = try TestPaths.requireSharedData("icechart-cis-sigrid3/cis_SGRDREA_20201102T.gpkg")
        XCTAssertFalse(try IceChart.read(url: source, logger: logger).polygons.isEmpty)
        for srs in [-1, 0] {
            let chart = try TestPaths.temporaryDirectory("gpkg-srs").appendingPathComponent("chart.gpkg")
            try Data(contentsOf: source).write(to: chart)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: sqlite)
            p.arguments = [
                chart.path,
                "UPDATE gpkg_geometry_columns SET srs_id = \(srs); UPDATE gpkg_contents SET srs_id = \(srs);",
            ]
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
            XCTAssertThrowsError(try IceChart.read(url: chart, logger: logger), "srs_id \(srs)") { e in
                XCTAssertTrue("\(e)".hasPrefix(chart.path) && "\(e)".contains("coordinate reference system"), "\(e)")
            }
        }
    }
}
