import Foundation
import SeaIceEvaluation
import SeaIceGDAL
import SeaIceQuicklook
import SeaIceTestSupport
import XCTest

final class ConfusionMatrixPNGTests: XCTestCase {
    private func table() -> ConfusionTable {
        var m = ConfusionMatrix(chart: .sod)
        // Class 0 always right, class 1 half right, half predicted as masked (255).
        m.accumulate(reference: [0, 0, 1, 1], prediction: [0, 0, 1, 255])
        return ConfusionTable(m)
    }

    func testTableAddsTheMaskColumnOnlyWhenPredicted() {
        let t = table()
        XCTAssertEqual(t.labels, [0, 1, 2, 3, 4, 5, 255])
        XCTAssertEqual(t.counts[1], [0, 1, 0, 0, 0, 0, 1])
        XCTAssertEqual(t.rowNormalised[1][6], 0.5)
        XCTAssertEqual(t.rowNormalised[3], [Double](repeating: 0, count: 7), "empty row")
        XCTAssertEqual(ConfusionTable(ConfusionMatrix(chart: .floe)).labels, Array(0..<7))
    }

    func testCellsAreShadedByRowShareAndLabelledWithCountsAndAColourBar() {
        let canvas = ConfusionMatrixPNG.render(table(), chart: .sod, title: "SOD confusion")
        let left = ConfusionMatrixPNG.left(table(), chart: .sod)
        // The lower-left corner of a cell is away from its text: row 0 column 0 full, column 1 empty.
        func corner(_ i: Int, _ j: Int) -> RGB {
            let b = ConfusionMatrixPNG.cellBox(row: i, column: j, left: left)
            return canvas.color(x: b.x + 1, y: b.y + b.height - 2)
        }
        XCTAssertEqual(corner(0, 0), RGB(8, 48, 107))
        XCTAssertEqual(corner(0, 1), RGB(255, 255, 255))
        // Row 1 is half right: its class-1 cell is half shaded.
        XCTAssertEqual(corner(1, 1), RGB(131, 151, 181))
        // Cells with pixels carry text (count and row %): ink that is neither the shade nor white.
        func inked(_ i: Int, _ j: Int) -> Int {
            let b = ConfusionMatrixPNG.cellBox(row: i, column: j, left: left)
            let shade = corner(i, j)
            var n = 0
            for y in b.y..<(b.y + b.height) {
                for x in b.x..<(b.x + b.width) where canvas.color(x: x, y: y) != shade { n += 1 }
            }
            return n
        }
        XCTAssertGreaterThan(inked(0, 0), 30, "count and percentage in a full cell")
        XCTAssertGreaterThan(inked(1, 6), 30, "the masked prediction's cell")
        XCTAssertEqual(inked(0, 1), 0, "an empty cell has no text")
        // The colour bar right of the matrix runs from the full shade (top) to white (bottom).
        let barX = left + 7 * ConfusionMatrixPNG.cell.w + 16 + 8
        let barRows = Double(7 * ConfusionMatrixPNG.cell.h - 1)
        XCTAssertEqual(canvas.color(x: barX, y: ConfusionMatrixPNG.top + 1), ConfusionMatrixPNG.shade(1 - 1 / barRows))
        let bottom = ConfusionMatrixPNG.top + 7 * ConfusionMatrixPNG.cell.h - 2
        XCTAssertEqual(canvas.color(x: barX, y: bottom), ConfusionMatrixPNG.shade(1 / barRows))
        XCTAssertGreaterThan(canvas.width, barX + 30)
        XCTAssertGreaterThanOrEqual(canvas.height, ConfusionMatrixPNG.top + 7 * ConfusionMatrixPNG.cell.h)
    }

    func testLargeCountsAreShortenedToFitACell() {
        XCTAssertEqual(ConfusionMatrixPNG.count(999_999), "999999")
        XCTAssertEqual(ConfusionMatrixPNG.count(1_234_567), "1.23 M")
        XCTAssertEqual(ConfusionMatrixPNG.count(123_456_789), "123 M")
        XCTAssertEqual(ConfusionMatrixPNG.count(4_560_000_000), "4.56 G")
    }

    func testWritesAPNGThatGDALCanRead() throws {
        let url = try TestPaths.temporaryDirectory("png").appendingPathComponent("c.png")
        try ConfusionMatrixPNG.write(table(), chart: .sod, title: "SOD CONFUSION", to: url)
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        // IHDR width and height (big-endian at bytes 16–23) match the canvas.
        let canvas = ConfusionMatrixPNG.render(table(), chart: .sod, title: "SOD CONFUSION")
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual([width, height], [canvas.width, canvas.height])
        // Reopened through GDAL: three bands, and the full cell (row 0, column 0) in the darkest shade.
        let raster = try GDALRaster(path: url.path)
        XCTAssertEqual([raster.width, raster.height, raster.bandCount], [canvas.width, canvas.height, 3])
        let box = ConfusionMatrixPNG.cellBox(row: 0, column: 0, left: ConfusionMatrixPNG.left(table(), chart: .sod))
        let k = (box.y + box.height - 2) * raster.width + box.x + 1
        XCTAssertEqual(try (1...3).map { try raster.readBytes(band: $0)[k] }, [8, 48, 107])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["c.png"])
    }
}
