import SeaIceAI4Arctic
import SeaIceTestSupport
import XCTest

final class BlockReductionTests: XCTestCase {
    /// Every small size and factor against a direct per-block computation.
    func testMeanAndMaxOverSmallSizes() {
        for rows in [1, 2, 3, 5, 10] { for cols in [1, 2, 3, 5] { for f in [1, 2, 3, 10] {
            let input = (0..<(rows * cols)).map { Float(($0 * 7) % 11) }
            let labels = input.map { UInt8($0) }
            let mean = BlockReduction.mean(input, rows: rows, cols: cols, factor: f)
            let maxed = BlockReduction.max(labels, rows: rows, cols: cols, factor: f)
            let nearest = BlockReduction.nearest(input, rows: rows, cols: cols, factor: f)
            let oh = (rows + f - 1) / f, ow = (cols + f - 1) / f
            XCTAssertEqual(mean.count, oh * ow)
            for i in 0..<oh { for j in 0..<ow {
                var block = [Float]()
                for r in (i * f)..<min(i * f + f, rows) { for c in (j * f)..<min(j * f + f, cols) { block.append(input[r * cols + c]) } }
                XCTAssertEqual(mean[i * ow + j], block.reduce(0, +) / Float(block.count), accuracy: 1e-5)
                XCTAssertEqual(maxed[i * ow + j], UInt8(block.max()!))
                XCTAssertEqual(nearest[i * ow + j], input[i * f * cols + j * f])
            } }
        } } }
    }

    func testMeanPropagatesNaNAndMaxPropagatesMask() {
        let m = BlockReduction.mean([1, .nan, 3, 4, 5, 6, 7, 8], rows: 2, cols: 4, factor: 2)
        XCTAssertTrue(m[0].isNaN)
        XCTAssertEqual(m[1], 5.5)
        XCTAssertEqual(BlockReduction.max([0, 3, 255, 1], rows: 2, cols: 2, factor: 2), [255])
        XCTAssertEqual(BlockReduction.max([UInt8](), rows: 0, cols: 3, factor: 2), [])
    }
}
