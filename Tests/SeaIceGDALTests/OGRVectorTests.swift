import SeaIceCore
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

final class OGRVectorTests: XCTestCase {
    func testReadsGeoPackageLayerSchemaAndFeatures() throws {
        let dataset = try OGRVectorDataset(url: TestPaths.requireSharedData(
            "icechart-cis-sigrid3/cis_SGRDREA_20201102T.gpkg"))
        XCTAssertEqual(dataset.driverName, "GPKG")
        XCTAssertEqual(dataset.layerNames, ["cis_SGRDREA_20201102T1800Z_pl_a_with_new_id"])
        let layer = try dataset.layer()
        XCTAssertEqual(layer.featureCount, 432)
        XCTAssert(layer.fieldNames.starts(with: ["ID_NEW", "AREA", "PERIMETER", "CT"]), "\(layer.fieldNames)")
        let extent = try layer.extent()
        XCTAssertEqual(extent.maxX, 1970719.0578, accuracy: 0.01)
        let features = layer.readFeatures()
        XCTAssertEqual(features.count, 432)
        let f100 = try XCTUnwrap(features.first { $0.fid == 100 })
        XCTAssertEqual(f100.attribute("ct"), "92")
        XCTAssertNil(f100.attribute("NOPE"))
        // WKB round trip keeps every vertex.
        let geometry = try XCTUnwrap(f100.geometry)
        XCTAssertEqual(try GeoMultiPolygon(wkb: geometry.wkb()), geometry)
        XCTAssertThrowsError(try dataset.layer(named: "missing")) { error in
            XCTAssert("\(error)".contains("layer \"missing\""), "\(error)")
        }
    }

    func testCoordinateTransformKnownPoints() throws {
        // NSIDC polar stereographic north (EPSG:3413): the pole is the origin; lon −45° is the negative y axis.
        let toPolar = try CoordinateTransform(from: SpatialReference.wgs84(), to: try SpatialReference(epsg: 3413))
        let p = try toPolar.transform([GeoPoint(x: 0, y: 90), GeoPoint(x: -45, y: 70)])
        XCTAssertEqual(p[0].x, 0, accuracy: 1e-6)
        XCTAssertEqual(p[0].y, 0, accuracy: 1e-6)
        XCTAssertEqual(p[1].x, 0, accuracy: 1e-6)
        XCTAssertLessThan(p[1].y, -2_000_000)
        let back = try CoordinateTransform(from: try SpatialReference(epsg: 3413), to: SpatialReference.wgs84()).transform(p)
        XCTAssertEqual(back[1].x, -45, accuracy: 1e-9)
        XCTAssertEqual(back[1].y, 70, accuracy: 1e-9)
    }

    func testMissingAndUnreadableFiles() throws {
        XCTAssertThrowsError(try OGRVectorDataset(url: URL(fileURLWithPath: "/nonexistent/chart.gpkg"))) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: "/nonexistent/chart.gpkg", item: "file"))
        }
        let dir = try TestPaths.temporaryDirectory("ogr")
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("junk.gpkg")
        try Data("not a geopackage".utf8).write(to: junk)
        XCTAssertThrowsError(try OGRVectorDataset(url: junk)) { error in
            XCTAssert("\(error)".contains("junk.gpkg"), "\(error)")
        }
    }
}
