@preconcurrency import CGDAL
import SeaIceCore
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

/// Hand-made polygons on a tiny 10 × 10 grid of 100 m pixels in EPSG:3413, top-left corner (0, 1000):
/// pixel (column c, row r) has its centre at x = 100c + 50, y = 950 − 100r.
final class RasterizeTests: XCTestCase {
    static let grid = RasterizationGrid.regular(
        RegularGrid(width: 10, height: 10, geoTransform: [0, 100, 0, 1000, 0, -100], crs: "EPSG:3413"))

    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [GeoPoint] {
        [GeoPoint(x: x0, y: y0), GeoPoint(x: x1, y: y0), GeoPoint(x: x1, y: y1), GeoPoint(x: x0, y: y1), GeoPoint(x: x0, y: y0)]
    }

    func testSquareWithHoleBurnsPixelCentresInside() throws {
        let shape = GeoMultiPolygon(polygons: [GeoPolygon(exterior: Self.square(210, 210, 790, 790),
                                                          interiors: [Self.square(400, 400, 600, 600)])])
        let raster = try Rasterize.burn([shape], values: [7], crs: try SpatialReference(epsg: 3413), onto: Self.grid)
        for row in 0..<10 {
            for column in 0..<10 {
                let insideOuter = (2...7).contains(column) && (2...7).contains(row)
                let inHole = (4...5).contains(column) && (4...5).contains(row)
                XCTAssertEqual(raster[row * 10 + column], insideOuter && !inHole ? 7 : -1, "row \(row) column \(column)")
            }
        }
    }

    func testAllTouchedAndOverlapOrder() throws {
        let crs = try SpatialReference(epsg: 3413)
        let sliver = GeoMultiPolygon(polygons: [GeoPolygon(exterior: [
            GeoPoint(x: 310, y: 310), GeoPoint(x: 340, y: 310), GeoPoint(x: 310, y: 340), GeoPoint(x: 310, y: 310)])])
        XCTAssertEqual(try Rasterize.burn([sliver], values: [1], crs: crs, onto: Self.grid).filter { $0 >= 0 }.count, 0)
        let touched = try Rasterize.burn([sliver], values: [1], crs: crs, onto: Self.grid, allTouched: true)
        XCTAssertEqual(touched.indices.filter { touched[$0] == 1 }, [6 * 10 + 3])

        let big = GeoMultiPolygon(polygons: [GeoPolygon(exterior: Self.square(0, 0, 1000, 1000))])
        let small = GeoMultiPolygon(polygons: [GeoPolygon(exterior: Self.square(0, 900, 100, 1000))])
        let later = try Rasterize.burn([big, small], values: [1, 2], crs: crs, onto: Self.grid, fill: 0)
        XCTAssertEqual(later[0], 2)
        XCTAssertEqual(later.filter { $0 == 1 }.count, 99)
    }

    func testReprojectsGeometriesToTheGridCRS() throws {
        // The same square given in lon/lat lands on the same pixels.
        let projected = GeoMultiPolygon(polygons: [GeoPolygon(exterior: Self.square(210, 210, 790, 790))])
        let toLonLat = try CoordinateTransform(from: try SpatialReference(epsg: 3413), to: SpatialReference.wgs84())
        let lonLat = try toLonLat.transform(projected)
        XCTAssertEqual(lonLat.polygons[0].exterior[0].y, 90, accuracy: 0.1)
        let a = try Rasterize.burn([projected], values: [1], crs: try SpatialReference(epsg: 3413), onto: Self.grid)
        let b = try Rasterize.burn([lonLat], values: [1], crs: SpatialReference.wgs84(), onto: Self.grid)
        XCTAssertEqual(a, b)
    }

    func testGeoTIFFWriteThenReopen() throws {
        let dir = try TestPaths.temporaryDirectory("rasterize")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("labels.tif")
        let sic = (0..<100).map { UInt8($0 % 11) }, sod = [UInt8](repeating: 255, count: 100)
        try Rasterize.writeGeoTIFF(bands: [("SIC", sic), ("SOD", sod)], grid: Self.grid, to: url)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["labels.tif"])

        let ds = try XCTUnwrap(GDALOpen(url.path, GA_ReadOnly))
        defer { GDALClose(ds) }
        XCTAssertEqual(GDALGetRasterCount(ds), 2)
        var gt = [Double](repeating: 0, count: 6)
        XCTAssertEqual(GDALGetGeoTransform(ds, &gt), CE_None)
        XCTAssertEqual(gt, [0, 100, 0, 1000, 0, -100])
        XCTAssert(String(cString: GDALGetProjectionRef(ds)).contains("Polar"))
        var back = [UInt8](repeating: 0, count: 100)
        XCTAssertEqual(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, 10, 10, &back, 10, 10, GDT_Byte, 0, 0), CE_None)
        XCTAssertEqual(back, sic)
        XCTAssertEqual(String(cString: GDALGetDescription(GDALGetRasterBand(ds, 2))), "SOD")
        var hasNoData: Int32 = 0
        XCTAssertEqual(GDALGetRasterNoDataValue(GDALGetRasterBand(ds, 2), &hasNoData), 255)
        XCTAssertEqual(hasNoData, 1)
    }

    func testGeoTIFFOfTiePointGridCarriesGCPs() throws {
        let dir = try TestPaths.temporaryDirectory("rasterize")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("scene.tif")
        let tiePoints = [TiePoint(pixel: 0, line: 0, longitude: -60, latitude: 70), TiePoint(pixel: 4, line: 0, longitude: -59, latitude: 70),
                         TiePoint(pixel: 0, line: 3, longitude: -60, latitude: 69), TiePoint(pixel: 4, line: 3, longitude: -59, latitude: 69)]
        try Rasterize.writeGeoTIFF(int32Band: Array(0..<12), name: "POLYGON_INDEX",
                                   grid: .tiePoints(SwathTiePointGrid(width: 4, height: 3, tiePoints: tiePoints)), to: url)
        let ds = try XCTUnwrap(GDALOpen(url.path, GA_ReadOnly))
        defer { GDALClose(ds) }
        XCTAssertEqual(GDALGetGCPCount(ds), 4)
        let gcp = try XCTUnwrap(GDALGetGCPs(ds))[3]
        XCTAssertEqual([gcp.dfGCPPixel, gcp.dfGCPLine, gcp.dfGCPX, gcp.dfGCPY], [4, 3, -59, 69])
        XCTAssert(String(cString: GDALGetGCPProjection(ds)).contains("WGS 84"))
        var back = [Int32](repeating: 0, count: 12)
        XCTAssertEqual(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, 4, 3, &back, 4, 3, GDT_Int32, 0, 0), CE_None)
        XCTAssertEqual(back, Array(0..<12))
    }

    func testTiePointGridFromSampleIndices() {
        let grid = SwathTiePointGrid(width: 100, height: 50, sampleIndices: [0, 99], lineIndices: [0, 49],
                                latitudes: [70, 71], longitudes: [-60, -61])
        XCTAssertEqual(grid.tiePoints, [TiePoint(pixel: 0.5, line: 0.5, longitude: -60, latitude: 70),
                                        TiePoint(pixel: 99.5, line: 49.5, longitude: -61, latitude: 71)])
    }

    func testBadDefinitionsAndTiePoints() throws {
        XCTAssertThrowsError(try SpatialReference(definition: "EPSG:nonsense"))
        let grid = RasterizationGrid.tiePoints(
            SwathTiePointGrid(width: 4, height: 4, tiePoints: [TiePoint(pixel: 0, line: 0, longitude: 0, latitude: 80)]))
        XCTAssertThrowsError(try Rasterize.burn([], values: [], crs: SpatialReference.wgs84(), onto: grid)) { error in
            XCTAssert("\(error)".contains("at least 3"), "\(error)")
        }
    }
}
