import Foundation
import SeaIceLand
import SeaIceTestSupport
import XCTest

/// Land flag and distance to land at known places, from the shared GSHHG distance grid and GLOBE mask.
final class LandLookupTests: XCTestCase {
    let lookup = LandLookup(
        distanceFile: TestPaths.sharedData("landmask/landmetrics/distance_to_land_0.1deg_gt0km2.nc"),
        maskFile: TestPaths.sharedData("landmask/global-land-mask/globe_land_1km.tif"))

    func testKnownPlaces() throws {
        try TestPaths.requireSharedData(at: lookup.distanceFile)
        try TestPaths.requireSharedData(at: try XCTUnwrap(lookup.maskFile))
        // Central Greenland ice sheet, Kara Sea east of Novaya Zemlya, Svalbard (Longyearbyen inland), North Pole, Bolshevik Island (Severnaya Zemlya).
        let lat: [Float] = [72.6, 76.0, 78.2, 89.9, 78.6]
        let lon: [Float] = [-38.5, 70.0, 15.8, 0.0, 102.0]
        let (d, land) = try lookup.evaluate(latitude: lat, longitude: lon)
        XCTAssertEqual(land, [1, 0, 1, 0, 1])
        XCTAssertEqual(d[0], 0)
        XCTAssert((30...70).contains(d[1]), "Kara Sea point ~50 km east of Novaya Zemlya: \(d[1])")
        XCTAssertGreaterThan(d[3], 500)
        XCTAssertEqual(d[4], 0)
    }

    func testDistanceOnlyUsesSign() throws {
        try TestPaths.requireSharedData(at: lookup.distanceFile)
        let l = LandLookup(distanceFile: lookup.distanceFile)
        let (d, land) = try l.evaluate(latitude: [72.6, 76.0, Float.nan], longitude: [-38.5, 70.0, 0])
        XCTAssertEqual(Array(land.prefix(2)), [1, 0])
        XCTAssert(d[2].isNaN)
    }

    func testMissingFileNamed() {
        let l = LandLookup(distanceFile: URL(fileURLWithPath: "/nonexistent/distance.nc"))
        XCTAssertThrowsError(try l.evaluate(latitude: [70], longitude: [0])) { e in
            XCTAssert("\(e)".contains("/nonexistent/distance.nc"), "\(e)")
        }
    }
}
