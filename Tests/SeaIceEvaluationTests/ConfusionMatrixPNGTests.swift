import Foundation
import SeaIceEvaluation
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

    func testCellsAreShadedByRowShare() {
        let canvas = ConfusionMatrixPNG.render(table(), chart: .sod, title: "SOD")
        // Sample the lower-right corner of cells (away from the text) of row 0: column 0 full, column 1 empty.
        let left = 4 * 6 + 16, top = 3 * (7 + 5) + 8
        let full = canvas.color(x: left + 40, y: top + 19)
        let empty = canvas.color(x: left + 44 + 40, y: top + 19)
        XCTAssertEqual(full, RGB(8, 48, 107))
        XCTAssertEqual(empty, RGB(255, 255, 255))
        // Row 1 is half right: its class-1 cell is half shaded.
        XCTAssertEqual(canvas.color(x: left + 44 + 40, y: top + 22 + 19), RGB(131, 151, 181))
        XCTAssertGreaterThan(canvas.width, left + 7 * 44)
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
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["c.png"])
    }
}
