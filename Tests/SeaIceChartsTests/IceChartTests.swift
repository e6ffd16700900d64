import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

final class IceChartTests: XCTestCase {
    static let logger = Logger(label: "test.charts")
    static let gpkg = TestPaths.sharedData("icechart-cis-sigrid3/cis_SGRDREA_20201102T.gpkg")
    static let shapefile = TestPaths.sharedData("shp2dex-cis/shapefile.shp")

    func testRealGeoPackageChart() throws {
        let chart = try IceChart.read(url: TestPaths.requireSharedData(at: Self.gpkg), logger: Self.logger)
        XCTAssertEqual(chart.layerName, "cis_SGRDREA_20201102T1800Z_pl_a_with_new_id")
        XCTAssertEqual(chart.polygons.count, 432)
        let types = Dictionary(grouping: chart.polygons, by: \.code.polygonType).mapValues(\.count)
        XCTAssertEqual(types, [.ice: 296, .land: 128, .iceShelf: 7, .water: 1])
        XCTAssert(chart.crsWKT.contains("Lambert"), chart.crsWKT)
        let bounds = try XCTUnwrap(chart.bounds)
        XCTAssertEqual(bounds.minX, -195054.1648, accuracy: 1)
        XCTAssertEqual(bounds.maxY, 5186460.5874, accuracy: 1)

        let byID = Dictionary(uniqueKeysWithValues: chart.polygons.map { ($0.id, $0) })
        XCTAssertEqual(byID[1]?.code, EggCode(polygonType: .land))
        XCTAssertEqual(byID[26]?.code, EggCode(ct: 0, polygonType: .water))
        XCTAssertEqual(byID[100]?.code, EggCode(ct: 92, sa: 84, fa: 8, cf: "08-9", polygonType: .ice))
        // Fast grey ice: SIC 10, SOD young, FLOE masked (fast ice); WMO stage grey ice.
        XCTAssertEqual(EggCodeConverter().labels(for: byID[100]!.code), ChartLabels(sic: 10, sod: 2, floe: 255))
        XCTAssertEqual(WMOStageConverter().label(for: byID[100]!.code), WMOStageClass.greyIce.rawValue)
        for polygon in chart.polygons {
            XCTAssertFalse(polygon.geometry.polygons.isEmpty)
            XCTAssertEqual(polygon.geometry.polygons[0].exterior.first, polygon.geometry.polygons[0].exterior.last)
        }
    }

    func testRealShapefileChartAndReprojection() throws {
        let chart = try IceChart.read(url: TestPaths.requireSharedData(at: Self.shapefile), logger: Self.logger)
        XCTAssertEqual(chart.polygons.count, 563)
        let types = Dictionary(grouping: chart.polygons, by: \.code.polygonType).mapValues(\.count)
        XCTAssertEqual(types, [.ice: 461, .land: 93, .water: 5, .noData: 4])
        XCTAssertEqual(chart.polygons.first { $0.id == 5 }?.code,
                       EggCode(ct: 20, sa: 81, fa: 99, cf: "99-9", polygonType: .ice))
        // The shapefile stores AREA in m²: the geometry's own area agrees.
        let dataset = try OGRVectorDataset(url: Self.shapefile)
        let area = try XCTUnwrap(dataset.layer().readFeatures().first { $0.fid == 5 }?.attribute("AREA")).flatMap(Double.init)
        XCTAssertEqual(try XCTUnwrap(chart.polygons.first { $0.id == 5 }).geometry.area, try XCTUnwrap(area), accuracy: 1e-3 * area!)

        let lonLat = try chart.reprojected(to: SpatialReference.wgs84())
        let b = try XCTUnwrap(lonLat.bounds)
        // Eastern Canada: Gulf of St. Lawrence to Labrador and Davis Strait (lon −72.6…−40.8, lat 39.0…62.6).
        XCTAssert(b.minX > -73 && b.maxX < -40 && b.minY > 38.5 && b.maxY < 63, "\(b)")
    }

    func testErrorsNameFilePolygonAndField() throws {
        let dir = try TestPaths.temporaryDirectory("charts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let geojson = dir.appendingPathComponent("bad.geojson")
        try """
        {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3413"}},
         "features": [{"type": "Feature", "id": 1, "properties": {"CT": "92", "SA": "93", "FA": "77", "POLY_TYPE": "I"},
           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1000,0],[1000,1000],[0,0]]]}}]}
        """.write(to: geojson, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try IceChart.read(url: geojson, logger: Self.logger)) { error in
            let text = "\(error)"
            XCTAssert(text.contains("bad.geojson") && text.contains("polygon fid") && text.contains("field FA"), text)
        }
        XCTAssertThrowsError(try IceChart.read(url: dir.appendingPathComponent("none.gpkg"), logger: Self.logger)) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: dir.appendingPathComponent("none.gpkg").path, item: "file"))
        }
    }
}
