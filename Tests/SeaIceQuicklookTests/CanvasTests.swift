import Foundation
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceQuicklook
import SeaIceTestSupport
import XCTest

/// The cairo + pango canvas, the grouped WMO legend, titles and the north arrow, checked on the
/// pixels and on the PNG reopened through GDAL.
final class CanvasTests: XCTestCase {
    private func inked(_ image: RGBImage, _ box: PanelLayout.Box, background: RGB = .white) -> Int {
        var n = 0
        for y in box.y..<min(image.height, box.y + box.height) {
            for x in box.x..<min(image.width, box.x + box.width) where image.color(x: x, y: y) != background { n += 1 }
        }
        return n
    }

    private func readBack(_ url: URL) throws -> (raster: GDALRaster, image: RGBImage) {
        let r = try GDALRaster(path: url.path)
        var image = RGBImage(width: r.width, height: r.height)
        for b in 0..<3 {
            for (k, v) in try r.readBytes(band: b + 1).enumerated() { image.pixels[3 * k + b] = v }
        }
        return (r, image)
    }

    func testTextInAnyUnicodeKeepsItsCaseAndStaysInItsBox() {
        let canvas = Canvas(width: 200, height: 40)
        let size = canvas.text("σ⁰ −20 dB, 45°, m²", x: 4, y: 4)
        XCTAssertGreaterThan(size.width, 60)
        XCTAssertGreaterThan(size.height, 10)
        XCTAssertLessThan(size.height, 30, "13 px text")
        let image = canvas.image()
        let box = PanelLayout.Box(x: 4, y: 4, width: Int(size.width), height: Int(size.height))
        XCTAssertGreaterThan(inked(image, box), 80)
        let all = PanelLayout.Box(x: 0, y: 0, width: 200, height: 40)
        XCTAssertEqual(inked(image, all), inked(image, box), "ink only in the box")
        // Identifiers keep their case: `_cis` and `_CIS` are drawn differently, at different widths.
        let probe = Canvas(width: 1, height: 1)
        XCTAssertNotEqual(probe.measure("_cis").width, probe.measure("_CIS").width)
        XCTAssertGreaterThan(probe.measure("_cis", size: TextStyle.title).width, probe.measure("_cis").width)
    }

    func testVectorShapesFillWithTheirColour() {
        let canvas = Canvas(width: 20, height: 20, background: RGB(10, 20, 30))
        canvas.fillRect(x: 2, y: 2, width: 5, height: 5, RGB(200, 0, 0))
        canvas.fillPolygon([(10, 10), (19, 10), (19, 19), (10, 19)], RGB(0, 200, 0))
        let image = canvas.image()
        XCTAssertEqual(image.color(x: 0, y: 0), RGB(10, 20, 30))
        XCTAssertEqual(image.color(x: 2, y: 2), RGB(200, 0, 0))
        XCTAssertEqual(image.color(x: 6, y: 6), RGB(200, 0, 0))
        XCTAssertEqual(image.color(x: 7, y: 7), RGB(10, 20, 30))
        XCTAssertEqual(image.color(x: 15, y: 15), RGB(0, 200, 0))
        var picture = RGBImage(width: 2, height: 1, color: RGB(1, 2, 3))
        picture.set(x: 1, y: 0, RGB(250, 251, 252))
        canvas.draw(picture, x: 0, y: 18, scale: 2)
        XCTAssertEqual(canvas.image().color(x: 1, y: 19), RGB(1, 2, 3))
        XCTAssertEqual(canvas.image().color(x: 2, y: 18), RGB(250, 251, 252))
    }

    func testSICLegendIsGroupedTheWMOWayWithOneColourPerTenth() throws {
        let codes: [UInt8] = (0..<16).map { UInt8($0 % 11) } + [255] + [UInt8](repeating: 5, count: 7)
        let panel = Panel(classes: codes, width: 6, height: 4, table: .sic)
        guard case let .groups(groups) = panel.legend else { return XCTFail("SIC legend not grouped") }
        XCTAssertEqual(groups.map(\.name), ["ice free", "1–3/10", "4–6/10", "7–8/10", "9–10/10", "no data"])
        XCTAssertEqual(groups.map(\.items.count), [1, 3, 3, 2, 2, 1])
        let composition = PanelLayout.layout([panel], caption: ["caption"])
        let expected = (0...10).map { ClassTable.sic.color(UInt8($0)) } + [ClassTable.sic.fillColor]
        XCTAssertEqual(composition.swatches.map(\.color), expected)
        XCTAssertEqual(Set(expected).count, 12, "every tenth its own colour")
        let url = try TestPaths.temporaryDirectory("legend").appendingPathComponent("sic.png")
        try PNGWriter.write(composition.image, to: url)
        let (raster, image) = try readBack(url)
        XCTAssertEqual(
            [raster.width, raster.height, raster.bandCount], [composition.image.width, composition.image.height, 3])
        for (color, box) in composition.swatches {
            for (x, y) in [(box.x, box.y), (box.x + box.width - 1, box.y + box.height - 1)] {
                XCTAssertEqual(image.color(x: x, y: y), color, "swatch at \(box)")
            }
        }
        // The title box holds text: non-background pixels, dark ones among them.
        XCTAssertGreaterThan(inked(image, composition.titleBoxes[0]), 20)
    }

    func testFlatLegendsForUngroupedTablesUseLowerCaseNames() {
        let panel = Panel(classes: [0, 3, 255, 3], width: 2, height: 2, table: .sod)
        guard case let .classes(items) = panel.legend else { return XCTFail("SOD legend grouped") }
        XCTAssertEqual(items.map(\.1), ["open water", "thin first-year ice", "no data"])
        let composition = PanelLayout.layout([panel])
        let expected = [ClassTable.sod.color(0), ClassTable.sod.color(3), ClassTable.sod.fillColor]
        XCTAssertEqual(composition.swatches.map(\.color), expected)
        XCTAssertGreaterThan(inked(composition.image, composition.titleBoxes[0]), 20)
    }

    func testNorthDirectionFromLatitudes() throws {
        func lat(_ f: (Int, Int) -> Float) -> [Float] { (0..<12).map { f($0 / 4, $0 % 4) } }  // 3 rows × 4 columns
        let up = try XCTUnwrap(NorthArrow.direction(latitude: lat { r, _ in 80 - Float(r) }, width: 4, height: 3))
        XCTAssertEqual(up, 0, accuracy: 1e-9, "an ascending pass as stored: north up")
        let down = try XCTUnwrap(NorthArrow.direction(latitude: lat { r, _ in 70 + Float(r) }, width: 4, height: 3))
        XCTAssertEqual(abs(down), Double.pi, accuracy: 1e-9, "a descending pass: north down, not mirrored")
        let east = try XCTUnwrap(NorthArrow.direction(latitude: lat { _, c in 70 + Float(c) }, width: 4, height: 3))
        XCTAssertEqual(east, Double.pi / 2, accuracy: 1e-9, "north to the right")
        XCTAssertNil(NorthArrow.direction(latitude: [Float](repeating: 75, count: 12), width: 4, height: 3))
        XCTAssertNil(NorthArrow.direction(latitude: lat { _, _ in .nan }, width: 4, height: 3))
    }

    func testQuicklookOfADescendingPassKeepsGeometryAndDrawsTheArrow() {
        // 40 × 40 of open water with one old-ice pixel at (0, 0); latitudes grow downwards.
        var codes = [UInt8](repeating: 0, count: 1600)
        codes[0] = 5
        let latitude = (0..<1600).map { Float(70 + $0 / 40) * 0.1 }
        let picture = ClassMapQuicklook.render([.init(codes, table: .sod)], width: 40, height: 40, latitude: latitude)
        let top = PanelLayout.imageTop, left = PanelLayout.margin
        XCTAssertEqual(picture.color(x: left, y: top), ClassTable.sod.color(5), "not mirrored or flipped")
        XCTAssertEqual(picture.color(x: left + 39, y: top + 39), ClassTable.sod.color(0))
        // The arrow disc in the top-right corner of the image: white and dark pixels where water was.
        let arrow = PanelLayout.Box(x: left + 40 - 33, y: top + 3, width: 30, height: 30)
        XCTAssertGreaterThan(inked(picture, arrow, background: ClassTable.sod.color(0)), 200)
        let plain = ClassMapQuicklook.render([.init(codes, table: .sod)], width: 40, height: 40)
        XCTAssertEqual(inked(plain, arrow, background: ClassTable.sod.color(0)), 0, "no latitudes, no arrow")
    }
}

/// `seaice show`'s quick-look of a ready-to-train file: a north arrow from `sar_grid2d_latitude`,
/// panels left in swath geometry.
final class AI4ArcticNorthArrowTests: XCTestCase {
    func testReadyFileOfADescendingPassGetsAnArrowPointingDown() throws {
        let dir = try TestPaths.temporaryDirectory("show-north")
        let url = dir.appendingPathComponent("20200101T000000_dmi_prep.nc")
        let nc = try NetCDFFile.create(url)
        try nc.defineDimension("sar_lines", length: 40)
        try nc.defineDimension("sar_samples", length: 40)
        try nc.defineDimension("sar_line_2dgrid_points", length: 21)
        try nc.defineDimension("sar_sample_2dgrid_points", length: 21)
        for v in ["nersc_sar_primary", "nersc_sar_secondary"] {
            try nc.defineVariable(v, type: .float, dimensions: ["sar_lines", "sar_samples"])
        }
        for v in ["SIC", "SOD", "FLOE"] { try nc.defineVariable(v, type: .ubyte, dimensions: ["sar_lines", "sar_samples"]) }
        try nc.defineVariable("sar_grid2d_latitude", type: .double,
                              dimensions: ["sar_sample_2dgrid_points", "sar_line_2dgrid_points"])
        try nc.setAttribute("scene_id", .text("20200101T000000_dmi_prep.nc"))
        try nc.endDefinitions()
        try nc.write((0..<1600).map { Float($0 % 40) * 0.01 }, variable: "nersc_sar_primary")
        try nc.write((0..<1600).map { Float($0 / 40) * 0.01 }, variable: "nersc_sar_secondary")
        for v in ["SIC", "SOD", "FLOE"] { try nc.write([UInt8](repeating: 0, count: 1600), variable: v) }
        // Rows = lines: latitude grows with the line (a descending pass): north is down the picture.
        try nc.write((0..<441).map { Double(70 + $0 / 21) * 0.1 }, variable: "sar_grid2d_latitude")
        try nc.close()
        let picture = try AI4ArcticQuicklook.render(url)
        try AI4ArcticQuicklook.write(url, to: dir.appendingPathComponent("show.png"))
        XCTAssertEqual(try GDALRaster(path: dir.appendingPathComponent("show.png").path).width, picture.width)
        let top = PanelLayout.imageTop, left = PanelLayout.margin
        let water = ClassTable.sod.color(0)
        // Five panels, each 40 pixels wide; the SOD panel (fourth) is all open water apart from the arrow.
        var sodLeft: Int?
        var x = left
        var found = 0
        while x < picture.width && sodLeft == nil {
            if picture.color(x: x, y: top + 39) == water && picture.color(x: x - 1, y: top + 39) == RGB(gray: 120) {
                found += 1
                if found == 2 { sodLeft = x }  // SIC 0 is the same blue: SIC first, then SOD
            }
            x += 1
        }
        let sod = try XCTUnwrap(sodLeft, "SOD panel not found")
        // The arrow's disc sits in the top-right corner, over the water.
        var ink = 0
        for y in (top + 6)...(top + 30) {
            for x in (sod + 10)...(sod + 34) where picture.color(x: x, y: y) != water { ink += 1 }
        }
        XCTAssertGreaterThan(ink, 200, "north arrow drawn")
        let file = try NetCDFFile.open(url)
        defer { try? file.close() }
        let north = try XCTUnwrap(AI4ArcticQuicklook.north(file, lines: 40, samples: 40))
        XCTAssertEqual(abs(north), Double.pi, accuracy: 1e-6, "north is down the picture")
        XCTAssertEqual(picture.color(x: sod, y: top + 39), water, "not flipped: the map is where it was")
    }
}
