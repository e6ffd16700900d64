import Logging
import SeaIceCharts
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

/// Rasterises the shp2dex shapefile onto the lon/lat grid of its `.dex` output and compares.
///
/// shp2dex (github jeanlucshaw/shp2dex, `shp2dex.py`) tests each grid point against polygon outlines
/// converted to lon/lat (straight edges in lon/lat, as GDAL gives when a geometry is reprojected vertex
/// by vertex) and prints the egg code in the "old" CIS egg notation. Its grid (Grid_Julien.txt in the
/// same repository) is regular: 162 longitudes from −71.2633744816721 by 0.0982510366557°, 383
/// latitudes from 51.8870744481099 by −0.0175152273153°, listed row by row from the north-west.
final class DexComparisonTests: XCTestCase {
    static let lon0 = -71.2633744816721, dLon = 0.0982510366557
    static let lat0 = 51.8870744481099, dLat = -0.0175152273153
    static let width = 162, height = 383

    /// shp2dex's translation of SIGRID-3 codes to the old egg notation (`_newegg_2_oldegg`), for the codes in this chart.
    static func old(_ code: Int?, _ table: EggField.Table) -> String? {
        guard let code else { return "X" }
        switch table {
        case .concentration:
            if [0, 1, 2, 98, 99].contains(code) { return "X" }
            return [10: "1", 20: "2", 30: "3", 40: "4", 50: "5", 60: "6", 70: "7", 80: "8", 90: "9", 91: "9+", 92: "10"][code]
        case .stage:
            if code == 99 { return "X" }
            if (81...89).contains(code) { return String(code - 80) }
            return [91: "1.", 93: "4.", 95: "7.", 96: "8.", 97: "9.", 98: "98"][code]
        case .form:
            if code == 99 { return "X" }
            return code == 22 ? "0" : (1...10).contains(code) ? String(code) : nil
        default: return nil
        }
    }

    /// The dex text shp2dex prints for a polygon's egg code (after the coordinates).
    static func dexText(_ egg: EggCode) -> String {
        switch egg.polygonType {
        case .land, .noData: return "missing"
        default: break
        }
        let o = { (c: Int?, t: EggField.Table) in old(c, t) ?? "?\(c ?? -9)" }
        var ct = o(egg.ct, .concentration), ca = o(egg.ca, .concentration)
        if o(egg.fa, .form) == "8" { return "Fast-ice" }
        if egg.polygonType == .water || (ct == "X" && ca == "X") { return "IF" }
        if o(egg.sa, .stage) == "98" && o(egg.fa, .form) == "10" { return "Icebergs" }
        if ct != "X" && ca == "X" { ca = ct }
        ct = String(repeating: " ", count: max(0, 2 - ct.count)) + ct
        var text = "\(ct)  \(ca) \(o(egg.sa, .stage)) \(o(egg.fa, .form))"
        let cb = o(egg.cb, .concentration)
        if cb != "X" {
            text += "  \(cb) \(o(egg.sb, .stage)) \(o(egg.fb, .form))"
            let cc = o(egg.cc, .concentration)
            if cc != "X" { text += "  \(cc) \(o(egg.sc, .stage)) \(o(egg.fc, .form))" }
        }
        return text
    }

    func testRasterisedShapefileReproducesDex() throws {
        let chart = try IceChart.read(url: TestPaths.requireSharedData(at: IceChartTests.shapefile),
                logger: IceChartTests.logger)
        let grid = RegularGrid(
            width: Self.width, height: Self.height,
            geoTransform: [Self.lon0 - Self.dLon / 2, Self.dLon, 0, Self.lat0 - Self.dLat / 2, 0, Self.dLat],
            crs: "EPSG:4326")
        let rasters = try ChartRasterizer().rasterize(chart, onto: .regular(grid))

        let dex = try String(contentsOf: TestPaths.requireSharedData("shp2dex-cis/shapefile.dex"), encoding: .utf8)
            .split(separator: "\n")
        XCTAssertEqual(dex.count, Self.width * Self.height)
        var equal = 0, compared = 0, oursLandDexCoded = 0
        var mismatches: [String] = []
        for (k, line) in dex.enumerated() {
            let tokens = line.split(separator: " ", omittingEmptySubsequences: true)
            let row = k / Self.width, column = k % Self.width
            let centre = grid.pixelCenter(column: column, row: row)
            XCTAssertEqual(-Double(tokens[0])!, centre.x, accuracy: 0.0006)
            XCTAssertEqual(Double(tokens[1])!, centre.y, accuracy: 0.006)
            let theirs = tokens.dropFirst(2).joined(separator: " ")
            let index = Int(rasters.polygonIndex[k])
            let code = index >= 0 ? chart.polygons[index].code : nil
            let ours = code.map { Self.dexText($0).split(separator: " ").joined(separator: " ") } ?? "missing"
            if ours == "missing" && theirs == "missing" { continue }
            compared += 1
            if ours == theirs {
                equal += 1
            } else if code?.polygonType == .land {
                oursLandDexCoded += 1  // shp2dex ignores holes: land islands inside a polygon's hole take the polygon's code
            } else if mismatches.count < 20 {
                mismatches.append("row \(row) col \(column): ours \(ours) (polygon \(index)), dex \(theirs)")
            }
        }
        let agreement = Double(equal) / Double(compared)
        let agreementOffLand = Double(equal) / Double(compared - oursLandDexCoded)
        // Measured: 24 534 of 24 567 coded pixels equal (99.87 %); the 33 others are land islands that
        // shp2dex, which skips land polygons and ignores holes, gives the code of the surrounding polygon.
        XCTAssertGreaterThan(compared, 24_000)
        XCTAssertGreaterThanOrEqual(agreement, 0.99, "\(equal)/\(compared)")
        XCTAssertGreaterThanOrEqual(agreementOffLand, 0.999, "\(equal)/\(compared - oursLandDexCoded); \(mismatches.joined(separator: "\n"))")
        XCTAssertLessThan(oursLandDexCoded, 100)
    }
}

final class TiePointRasterizationTests: XCTestCase {
    /// 21 × 21 tie points (like an AI4Arctic scene) over the dex lon/lat grid; `flip` makes line 0 the southern edge.
    static func tiePointGrid(flip: Bool) -> SwathTiePointGrid {
        let w = DexComparisonTests.width, h = DexComparisonTests.height
        var points: [TiePoint] = []
        for i in 0..<21 {
            for j in 0..<21 {
                let pixel = Double(w) * Double(j) / 20, line = Double(h) * Double(i) / 20
                let lon = DexComparisonTests.lon0 + (pixel - 0.5) * DexComparisonTests.dLon
                let lat = DexComparisonTests.lat0 + (line - 0.5) * DexComparisonTests.dLat
                points.append(TiePoint(pixel: pixel, line: flip ? Double(h) - line : line, longitude: lon, latitude: lat))
            }
        }
        return SwathTiePointGrid(width: w, height: h, tiePoints: points)
    }

    func testTiePointGridMatchesRegularGrid() throws {
        let chart = try IceChart.read(url: TestPaths.requireSharedData(at: IceChartTests.shapefile),
                logger: IceChartTests.logger)
        let w = DexComparisonTests.width, h = DexComparisonTests.height
        let regular = RegularGrid(
            width: w, height: h,
            geoTransform: [DexComparisonTests.lon0 - DexComparisonTests.dLon / 2, DexComparisonTests.dLon, 0,
                           DexComparisonTests.lat0 - DexComparisonTests.dLat / 2, 0, DexComparisonTests.dLat],
            crs: "EPSG:4326")
        let rasterizer = ChartRasterizer()
        let expected = try rasterizer.rasterize(chart, onto: .regular(regular)).polygonIndex
        for flip in [false, true] {
            let got = try rasterizer.rasterize(chart, onto: .tiePoints(Self.tiePointGrid(flip: flip))).polygonIndex
            var equal = 0
            for row in 0..<h {
                let source = flip ? h - 1 - row : row
                for column in 0..<w where got[source * w + column] == expected[row * w + column] { equal += 1 }
            }
            // The thin-plate spline runs in the chart's LCC plane, where the lon/lat grid is curved:
            // only pixels on polygon edges may differ.
            XCTAssertGreaterThanOrEqual(Double(equal) / Double(w * h), 0.995, "flip \(flip): \(equal)/\(w * h)")
        }
    }
}
