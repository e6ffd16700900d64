import Foundation
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceQuicklook
import SeaIceTestSupport
import XCTest

/// PNG output through GDAL and the AI4Arctic quick-look end to end.
final class PNGWriterTests: XCTestCase {
    private func readBack(_ url: URL) throws -> RGBImage {
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(r.bandCount, 3)
        var image = RGBImage(width: r.width, height: r.height)
        for b in 0..<3 {
            for (k, v) in try r.readBytes(band: b + 1).enumerated() { image.pixels[3 * k + b] = v }
        }
        return image
    }

    func testPNGRoundTrip() throws {
        var image = RGBImage(width: 7, height: 3, color: RGB(10, 20, 30))
        image.set(x: 6, y: 2, RGB(250, 0, 128))
        let url = try TestPaths.temporaryDirectory("png").appendingPathComponent("a.png")
        try PNGWriter.write(image, to: url)
        XCTAssertEqual(try readBack(url), image)
    }

    func testEmptyImageIsRejected() throws {
        let url = try TestPaths.temporaryDirectory("png").appendingPathComponent("empty.png")
        XCTAssertThrowsError(try PNGWriter.write(RGBImage(width: 0, height: 0), to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    /// A 4 × 4 raw-layout file with global attribute `simulated = marker`.
    private func markedScene(_ marker: String) throws -> URL {
        let url = try TestPaths.temporaryDirectory("show-marker").appendingPathComponent("scene.nc")
        let nc = try NetCDFFile.create(url)
        try nc.defineDimension("sar_lines", length: 4)
        try nc.defineDimension("sar_samples", length: 4)
        for v in ["nersc_sar_primary", "nersc_sar_secondary"] {
            try nc.defineVariable(v, type: .float, dimensions: ["sar_lines", "sar_samples"])
        }
        try nc.setAttribute("simulated", .text(marker))
        try nc.endDefinitions()
        try nc.write((0..<16).map { -20 + Float($0) }, variable: "nersc_sar_primary")
        try nc.write((0..<16).map { -28 + Float($0) }, variable: "nersc_sar_secondary")
        try nc.close()
        return url
    }

    func testShowCaptionsEverySpellingOfTheSimulatedMarker() throws {
        let marked = try AI4ArcticQuicklook.render(try markedScene("true"))
        let unmarked = try AI4ArcticQuicklook.render(try markedScene("false"))
        XCTAssertNotEqual(marked, unmarked, "the SIMULATED caption")
        for old in ["yes", "TRUE", "1"] {
            XCTAssertEqual(try AI4ArcticQuicklook.render(try markedScene(old)), marked, old)
        }
        XCTAssertEqual(try AI4ArcticQuicklook.render(try markedScene("no")), unmarked)
    }

    func testRawSceneQuicklookShowsChartClasses() throws {
        // A 4 × 4 raw-layout file: left half polygon 1 (open water, "01 W"), right half polygon 2 (CT 92, SA 95 old ice, FA 06).
        let dir = try TestPaths.temporaryDirectory("show")
        let url = dir.appendingPathComponent("scene.nc")
        let nc = try NetCDFFile.create(url)
        try nc.defineDimension("sar_lines", length: 4)
        try nc.defineDimension("sar_samples", length: 4)
        try nc.defineDimension("polygon_codes", length: 3)
        for v in ["nersc_sar_primary", "nersc_sar_secondary", "polygon_icechart"] {
            try nc.defineVariable(v, type: .float, dimensions: ["sar_lines", "sar_samples"])
        }
        try nc.defineVariable("polygon_codes", type: .string, dimensions: ["polygon_codes"])
        try nc.setAttribute("simulated", .text("true"))
        try nc.endDefinitions()
        try nc.write([Float](repeating: -20, count: 16), variable: "nersc_sar_primary")
        try nc.write([Float](repeating: -28, count: 16), variable: "nersc_sar_secondary")
        try nc.write((0..<16).map { Float($0 % 4 < 2 ? 1 : 2) }, variable: "polygon_icechart")
        try nc.writeStrings(["poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE",
                             "1;01;-9;-9;-9;-9;-9;-9;-9;-9;-9;-9;-9;-9;W",
                             "2;92;-9;95;06;-9;-9;-9;-9;-9;-9;-9;-9;-9;I"], variable: "polygon_codes")
        try nc.close()
        let picture = try AI4ArcticQuicklook.render(url)
        // Five panels of 4 × 4 pixels; the SOD panel is the fourth.
        let top = PanelLayout.imageTop
        var xs: [Int] = []
        var x = 0
        while x < picture.width {  // panel left edges: where a 4-pixel run of image content starts under the title row
            if picture.color(x: x, y: top - 1) == RGB(gray: 120) && picture.color(x: x + 1, y: top - 1) == RGB(gray: 120) && picture.color(x: x - 1, y: top - 1) == .white { xs.append(x + 1) }
            x += 1
        }
        XCTAssertEqual(xs.count, 5, "panel positions \(xs)")
        guard xs.count == 5 else { return }
        XCTAssertEqual(picture.color(x: xs[2], y: top), ClassTable.sic.color(0))
        XCTAssertEqual(picture.color(x: xs[2] + 3, y: top), ClassTable.sic.color(10))
        XCTAssertEqual(picture.color(x: xs[3] + 3, y: top), ClassTable.sod.color(5))
        XCTAssertEqual(picture.color(x: xs[4] + 3, y: top), ClassTable.floe.color(5))
        try AI4ArcticQuicklook.write(url, to: dir.appendingPathComponent("scene.png"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("scene.png").path))
    }
}
