import SeaIceNetCDF
import XCTest

final class NetCDFLibraryTests: XCTestCase {
    func testLinksAndReportsVersion() {
        XCTAssert(NetCDFLibrary.version.first?.isNumber == true, NetCDFLibrary.version)
    }
}
