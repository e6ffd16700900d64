import Foundation
import SeaIceGDAL
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// A product on a projected grid, opened with GDAL's netCDF driver as QGIS would open it.
final class ProjectedGridGDALTests: XCTestCase {
    func testGDALPlacesTheGridFromTheGridMappingVariable() throws {
        try XCTSkipUnless(GDALLibrary.hasDriver("netCDF"), "GDAL built without its netCDF driver")
        let transform = [-3_850_000.0, 6250, 0, 5_850_000, 0, -6250]
        let grid = ProjectedGrid(
            height: 3, width: 4, geoTransform: transform, crsWKT: try SpatialReference(epsg: 3413).wkt,
            epsg: 3413, mapping: ProjectedGrid.epsg3413Mapping)
        var product = CFProduct(
            grid: .projected(grid),
            globals: ProductGlobals(
                title: "t", summary: "s", source: "s", history: "h", id: "t", dateCreated: Date(), simulated: false))
        let coder = ContinuousCoder(
            name: "SIC", standardName: "sea_ice_area_fraction", longName: "sea ice concentration",
            units: "%", validRange: 0...100, storage: .uint8())
        try product.add(coder, (0..<12).map { Float($0 * 5) })
        let url = try TestPaths.temporaryDirectory("projected").appendingPathComponent("p.nc")
        try CFWriter().write(product, to: url)
        let raster = try GDALRaster(path: "NETCDF:\"\(url.path)\":SIC")
        XCTAssertEqual(raster.width, 4)
        XCTAssertEqual(raster.height, 3)
        XCTAssertEqual(raster.geoTransform, transform)
        let srs = try SpatialReference(definition: raster.projection)
        XCTAssertTrue(srs.isSame(as: try SpatialReference(epsg: 3413)), raster.projection)
        XCTAssertEqual(try raster.readBytes(), (0..<12).map { UInt8($0 * 5) })
    }
}
