import SeaIceGDAL
import XCTest

final class GDALLibraryTests: XCTestCase {
    func testLinksAndHasDrivers() {
        XCTAssert(GDALLibrary.version.first?.isNumber == true, GDALLibrary.version)
        XCTAssert(GDALLibrary.hasDriver("GTiff"))
        XCTAssert(GDALLibrary.hasDriver("GPKG"))
        XCTAssert(GDALLibrary.hasDriver("ESRI Shapefile"))
        XCTAssertFalse(GDALLibrary.hasDriver("NoSuchDriver"))
    }
}
