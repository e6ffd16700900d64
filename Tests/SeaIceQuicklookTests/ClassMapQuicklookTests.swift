import Foundation
import SeaIceGDAL
import SeaIceQuicklook
import SeaIceTestSupport
import XCTest

/// Any system's class maps drawn with their own table (here a two-class ice/water system).
final class ClassMapQuicklookTests: XCTestCase {
    let iceWater = ClassTable(
        variable: "ICE", longName: "ice/water",
        entries: [
            .init(0, "water", label: "water", legend: "WATER", color: RGB(0, 0, 200)),
            .init(1, "ice", label: "ice", legend: "ICE", color: RGB(250, 250, 250)),
        ])

    func testPanelsUseTheTableColoursAfterMajorityReduction() throws {
        // 10 × 10: left half water, right half ice, one masked pixel that the majority removes.
        var codes = (0..<100).map { UInt8($0 % 10 < 5 ? 0 : 1) }
        codes[0] = 255
        let picture = ClassMapQuicklook.render([.init(codes, table: iceWater)], width: 10, height: 10, maxSide: 5)
        let top = PanelLayout.imageTop
        let left = PanelLayout.margin
        XCTAssertEqual(picture.color(x: left, y: top), iceWater.color(0))
        XCTAssertEqual(picture.color(x: left + 4, y: top + 4), iceWater.color(1))
        XCTAssertEqual(picture.color(x: left + 5, y: top), RGB(gray: 120), "the panel is 5 pixels wide, then its frame")
        let url = try TestPaths.temporaryDirectory("quicklook").appendingPathComponent("ice.png")
        try ClassMapQuicklook.write(
            [.init(codes, table: iceWater), .init(codes.map { $0 == 1 ? 0 : 1 }, table: iceWater)],
            width: 10, height: 10, maxSide: 5, caption: ["SIMULATED DATA"], to: url)
        let png = try GDALRaster(path: url.path)
        XCTAssertEqual(png.bandCount, 3)
        XCTAssertGreaterThan(png.width, 2 * 5 + 3 * PanelLayout.margin)
    }
}
