import SeaIceCharts
import SeaIceCore
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

final class ChartGridSpecificationTests: XCTestCase {
    func testTextForms() throws {
        XCTAssertEqual(try ChartGridSpecification(parsing: "chart:5000"), .chartExtent(resolution: 5000))
        XCTAssertEqual(try ChartGridSpecification(parsing: "EPSG:3413:4000"), .crs("EPSG:3413", box: nil, resolution: 4000))
        XCTAssertEqual(try ChartGridSpecification(parsing: "epsg:3413:0,0,1000,500:100"),
                       .crs("EPSG:3413", box: [0, 0, 1000, 500], resolution: 100))
        for bad in ["", "chart", "chart:-5", "EPSG:3413:1,2,3:10", "UTM:33:100", "chart:abc"] {
            XCTAssertThrowsError(try ChartGridSpecification(parsing: bad), bad)
        }
    }

    func testResolvesAgainstARealChart() throws {
        let chart = try IceChart.read(url: TestPaths.requireSharedData(at: IceChartTests.gpkg),
                logger: IceChartTests.logger)
        guard case let .regular(own) = try ChartGridSpecification(parsing: "chart:10000").resolve(for: chart) else {
            return XCTFail("expected a regular grid")
        }
        // Extent −195 054 … 1 970 719 m × 2 723 279 … 5 186 461 m at 10 km.
        XCTAssertEqual(own.width, 217)
        XCTAssertEqual(own.height, 247)
        XCTAssertEqual(own.geoTransform[3], 5186460.5874, accuracy: 0.01)
        guard case let .regular(box) = try ChartGridSpecification(parsing: "EPSG:3413:0,0,1000,500:100").resolve(for: chart) else {
            return XCTFail("expected a regular grid")
        }
        XCTAssertEqual([box.width, box.height], [10, 5])
    }

    func testJSONDocumentsAndSummary() throws {
        let dir = try TestPaths.temporaryDirectory("grid")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("scene.json")
        let tiePoints = SwathTiePointGrid(width: 8, height: 6, tiePoints: [
            TiePoint(pixel: 0, line: 0, longitude: -60, latitude: 70), TiePoint(pixel: 8, line: 0, longitude: -59, latitude: 70),
            TiePoint(pixel: 0, line: 6, longitude: -60, latitude: 69.5), TiePoint(pixel: 8, line: 6, longitude: -59, latitude: 69.5),
        ])
        try JSONEncoder().encode(ChartGridSpecification.Document(tiePoints: tiePoints)).write(to: url)
        XCTAssertEqual(try ChartGridSpecification(parsing: url.path), .grid(.tiePoints(tiePoints)))
        try Data("{}".utf8).write(to: url)
        XCTAssertThrowsError(try ChartGridSpecification(parsing: url.path)) { XCTAssert("\($0)".contains("exactly one"), "\($0)") }

        let chart = try IceChart.read(url: TestPaths.requireSharedData(at: IceChartTests.gpkg),
                logger: IceChartTests.logger)
        let table = ChartSummary(chart: chart).formattedTable()
        XCTAssert(table.contains("   100 I  92 -9 84 08 -9 -9 -9 -9 -9 -9   10   2    -     2"), table)
        XCTAssert(table.contains("432 polygons"))
    }
}
