import SeaIceTiling
import XCTest

/// Tiles of one axis: the kept ranges partition it, and blend weights sum to 1 at every pixel.
final class AxisTilingTests: XCTestCase {
    static let extents = [0, 1, 2, 3, 5, 7, 8, 9, 10, 16, 17, 31, 100]
    static let layouts = [(4, 0), (4, 2), (5, 1), (8, 2), (8, 4), (8, 7), (16, 6)]

    func testTilesPartitionEveryAxisAndStayInside() {
        for extent in Self.extents {
            for (size, overlap) in Self.layouts {
                let tiles = AxisTiling.tiles(extent: extent, size: size, overlap: overlap)
                let context = "extent \(extent) size \(size) overlap \(overlap)"
                var covered = 0
                for (i, t) in tiles.enumerated() {
                    XCTAssertEqual(t.keep.lowerBound, covered, context)
                    XCTAssertGreaterThanOrEqual(t.start, 0, context)
                    XCTAssertLessThanOrEqual(t.start + t.length, extent, context)
                    XCTAssertEqual(t.length, min(size, extent), context)
                    XCTAssertTrue(t.keep.lowerBound >= t.start && t.keep.upperBound <= t.start + t.length, context)
                    // A kept pixel is ≥ ⌊overlap / 2⌋ from every tile edge that is not the image edge.
                    if i > 0 { XCTAssertGreaterThanOrEqual(t.keep.lowerBound - t.start, overlap / 2, context) }
                    if i < tiles.count - 1 {
                        XCTAssertGreaterThanOrEqual(t.start + t.length - t.keep.upperBound, overlap / 2, context)
                    }
                    covered = t.keep.upperBound
                }
                XCTAssertEqual(covered, extent, context)
            }
        }
    }

    func testExamples() {
        XCTAssertEqual(AxisTiling.tiles(extent: 3, size: 8, overlap: 2), [AxisTile(start: 0, length: 3, keep: 0..<3)])
        // 0..<8, 6..<14, 12..<20 (shifted in from 12): boundaries in the middle of each overlap.
        XCTAssertEqual(AxisTiling.tiles(extent: 20, size: 8, overlap: 2),
                       [AxisTile(start: 0, length: 8, keep: 0..<7), AxisTile(start: 6, length: 8, keep: 7..<13),
                        AxisTile(start: 12, length: 8, keep: 13..<20)])
    }

    func testBlendWeightsArePositiveAndSumToOne() {
        for window in BlendWindow.allCases {
            for extent in Self.extents where extent > 0 {
                for (size, overlap) in Self.layouts {
                    let config = TilingConfiguration(tileSize: size, overlap: overlap, border: .blend, window: window)
                    let plan = TilePlan(height: extent, width: 1, configuration: config)
                    let weights = plan.axisWeights(border: .blend, window: window).rows
                    var sum = [Float](repeating: 0, count: extent)
                    for (t, w) in zip(plan.rowTiles, weights) {
                        for j in 0..<t.length {
                            XCTAssertGreaterThan(w[j], 0, "\(window) extent \(extent) size \(size) overlap \(overlap)")
                            sum[t.start + j] += w[j]
                        }
                    }
                    for s in sum { XCTAssertEqual(s, 1, accuracy: 1e-6, "\(window) extent \(extent) size \(size)") }
                }
            }
        }
    }

    func testRampsTaperOnlyTowardsNeighbours() {
        let tiles = AxisTiling.tiles(extent: 12, size: 8, overlap: 4)  // 0..<8, 4..<12
        let first = AxisTiling.weights(tiles, index: 0, window: .linear)
        XCTAssertEqual(first, [1, 1, 1, 1, 0.875, 0.625, 0.375, 0.125])
        let second = AxisTiling.weights(tiles, index: 1, window: .linear)
        XCTAssertEqual(second, [0.125, 0.375, 0.625, 0.875, 1, 1, 1, 1])
        // Equal linear ramps already sum to 1; the Hann ramps too (sin² + cos²).
        for j in 0..<4 { XCTAssertEqual(first[4 + j] + second[j], 1) }
        let hann = (0..<2).map { AxisTiling.weights(tiles, index: $0, window: .hann) }
        for j in 0..<4 { XCTAssertEqual(hann[0][4 + j] + hann[1][j], 1, accuracy: 1e-6) }
    }

    func testCropWeightsSelectExactlyOneTile() {
        let config = TilingConfiguration(tileSize: 5, overlap: 2)
        let plan = TilePlan(height: 13, width: 3, configuration: config)
        let weights = plan.axisWeights(border: .crop, window: .hann).rows
        var owners = [Int](repeating: 0, count: 13)
        for (t, w) in zip(plan.rowTiles, weights) {
            for j in 0..<t.length where w[j] != 0 {
                XCTAssertEqual(w[j], 1)
                owners[t.start + j] += 1
            }
        }
        XCTAssertEqual(owners, [Int](repeating: 1, count: 13))
        XCTAssertEqual(plan.colTiles.count, 1)
        XCTAssertEqual(plan.windows.count, plan.rowTiles.count)
    }
}
