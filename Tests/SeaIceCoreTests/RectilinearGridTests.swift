import SeaIceCore
import XCTest

final class RectilinearGridTests: XCTestCase {
    /// Uneven, non-integer positions of `n` tie points.
    func positions(_ n: Int, start: Double, step: Double) -> [Double] {
        (0..<n).map { start + step * Double($0) + 0.37 * Double($0 * $0) }
    }

    /// A field with curvature and values whose sums round (so an inexact form would show).
    func field(_ g: RectilinearGrid) -> [Double] {
        g.lines.flatMap { l in g.samples.map { s in 70.1 + 0.013 * l - 0.0071 * s + 1e-5 * l * s } }
    }

    func testEveryTiePointIsReturnedExactlyOnEverySmallGrid() {
        for rows in [2, 3, 5, 10] {
            for cols in [2, 3, 5, 10] {
                let g = RectilinearGrid(lines: positions(rows, start: -0.5, step: 19.3), samples: positions(cols, start: 3, step: 40.1))
                let f = field(g)
                XCTAssertEqual(g.count, rows * cols)
                for (i, l) in g.lines.enumerated() {
                    for (j, s) in g.samples.enumerated() {
                        // Bit for bit, the last line and sample included (fraction 1 in the last cell).
                        XCTAssertEqual(g.interpolate(f, line: l, sample: s), f[i * cols + j], "\(rows) × \(cols) at (\(i), \(j))")
                    }
                }
            }
        }
    }

    func testCellsClampToTheOuterCellsAndExtrapolate() {
        let axis: [Double] = [0, 10, 30]
        XCTAssertEqual(RectilinearGrid.cell(-5, in: axis), .init(index: 0, fraction: -0.5))
        XCTAssertEqual(RectilinearGrid.cell(0, in: axis), .init(index: 0, fraction: 0))
        XCTAssertEqual(RectilinearGrid.cell(10, in: axis), .init(index: 1, fraction: 0))
        XCTAssertEqual(RectilinearGrid.cell(20, in: axis), .init(index: 1, fraction: 0.5))
        XCTAssertEqual(RectilinearGrid.cell(30, in: axis), .init(index: 1, fraction: 1))
        XCTAssertEqual(RectilinearGrid.cell(50, in: axis), .init(index: 1, fraction: 2))
        XCTAssertEqual(RectilinearGrid.cell(-.infinity, in: axis).index, 0)
        XCTAssertEqual(RectilinearGrid.cell(.infinity, in: axis).index, 1)
        XCTAssertTrue(RectilinearGrid.cell(.nan, in: axis).fraction.isNaN)
        // Two points: a single cell whatever the coordinate.
        XCTAssertEqual(RectilinearGrid.cell(7, in: [2, 4]), .init(index: 0, fraction: 2.5))
    }

    func testPlanesAreReproducedInsideAndOutsideTheGrid() {
        let g = RectilinearGrid(lines: [0, 4, 10], samples: [0, 2, 3, 8])
        let plane = { (l: Double, s: Double) in 5 + 0.5 * l - 0.25 * s }
        let f = g.lines.flatMap { l in g.samples.map { s in plane(l, s) } }
        for l in [-3.0, 0, 1.5, 4, 9.75, 10, 14] {
            for s in [-1.0, 0, 2.5, 3, 7, 8, 12] {
                XCTAssertEqual(g.interpolate(f, line: l, sample: s), plane(l, s), accuracy: 1e-12, "(\(l), \(s))")
            }
        }
    }

    func testCellEvaluationEqualsPointEvaluationAndCornersAreRowMajor() {
        let g = RectilinearGrid(lines: [1, 2, 4], samples: [0, 5])
        let f: [Double] = [1, 2, 3, 4, 5, 6]
        let (a, b, c, d) = g.corners(f, line: g.lineCell(3), sample: g.sampleCell(1))
        XCTAssertEqual([a, b, c, d], [3, 4, 5, 6])
        XCTAssertEqual(g.interpolate(f, line: g.lineCell(3), sample: g.sampleCell(2.5)), g.interpolate(f, line: 3, sample: 2.5))
        XCTAssertEqual(g.interpolate(f, line: 3, sample: 2.5), 4.5)
        XCTAssertEqual(RectilinearGrid.bilinear(1, 2, 3, 4, line: 0, sample: 0), 1)
        XCTAssertEqual(RectilinearGrid.bilinear(1, 2, 3, 4, line: 1, sample: 1), 4)
        XCTAssertEqual(RectilinearGrid.bilinear(1, 2, 3, 4, line: -0.0, sample: 1), 2)
    }
}
