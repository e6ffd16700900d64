import SeaIceCore
import SeaIceTensor
import SeaIceTestSupport
import SeaIceTiling
import XCTest

/// A network with a bounded receptive field and outputs of several shapes: `point` is a 1 × 1
/// convolution to 10 channels (radius 0, like a ten-class classifier's logits), `local` two stacked
/// 3 × 3 convolutions with zero padding (radius 2, 2 channels), `single` a one-channel regression map.
struct LocalNetwork {
    let w1: Tensor, w3a: Tensor, w3b: Tensor, w1s: Tensor

    init(channels: Int, generator g: inout SeededGenerator) throws {
        w1 = try Tensor.randn([10, channels, 1, 1], generator: &g)
        w3a = try Tensor.randn([4, channels, 3, 3], generator: &g)
        w3b = try Tensor.randn([2, 4, 3, 3], generator: &g)
        w1s = try Tensor.randn([1, channels, 1, 1], generator: &g)
    }

    func callAsFunction(_ x: Tensor) throws -> [String: Tensor] {
        let local = try Functional.conv2d(Functional.relu(Functional.conv2d(x, weight: w3a, padding: 1)),
                                          weight: w3b, padding: 1)
        return ["point": try Functional.conv2d(x, weight: w1), "local": local,
                "single": try Functional.conv2d(x, weight: w1s)]
    }
}

final class TiledInferenceTests: XCTestCase {
    static let sizes = [(1, 1), (1, 20), (7, 7), (8, 8), (9, 8), (7, 9), (13, 20), (20, 7), (17, 33)]

    /// An image `[1, C, H, W]` and the input closure cutting its tiles.
    private func image(_ h: Int, _ w: Int, channels: Int = 2, seed: UInt64) throws
        -> (Tensor, ([TileWindow]) throws -> Tensor) {
        var g = SeededGenerator(seed: seed)
        let x = try Tensor.randn([1, channels, h, w], generator: &g)
        let cut: ([TileWindow]) throws -> Tensor = { windows in
            try Tensor.cat(windows.map { t in
                try x.narrow(dim: 2, start: t.row, length: t.rows).narrow(dim: 3, start: t.col, length: t.cols)
            }, dim: 0).contiguous()
        }
        return (x, cut)
    }

    private func compare(_ tiled: [String: Tensor], _ whole: [String: Tensor], names: [String], _ context: String)
        throws {
        XCTAssertEqual(Set(tiled.keys), Set(whole.keys), context)
        for name in names {
            XCTAssertEqual(tiled[name]!.shape, whole[name]!.shape, "\(context) \(name)")
            assertAllClose(try tiled[name]!.floats(), try whole[name]!.floats(), rtol: 1e-5, atol: 1e-5,
                           "\(context) \(name)")
        }
    }

    func testCropEqualsWholeImageWhenOverlapCoversTheReceptiveField() throws {
        var g = SeededGenerator(seed: 3)
        let net = try LocalNetwork(channels: 2, generator: &g)
        // Radius 2 (two 3 × 3 convolutions): overlap 4 = 2 × radius suffices.
        for batch in [1, 3] {
            let engine = try TiledInference(TilingConfiguration(tileSize: 8, overlap: 4, tilesPerBatch: batch))
            for (h, w) in Self.sizes {
                let (x, cut) = try image(h, w, seed: UInt64(h * 100 + w))
                let whole = try net(x)
                let tiled = try engine.run(height: h, width: w, input: cut, network: net.callAsFunction)
                try compare(tiled, whole, names: ["point", "local", "single"], "crop \(h) × \(w) batch \(batch)")
            }
        }
    }

    func testCropWithTooLittleOverlapDiffers() throws {
        // The test above could not pass by accident: overlap 2 < 2 × radius 2 leaves seams.
        var g = SeededGenerator(seed: 3)
        let net = try LocalNetwork(channels: 2, generator: &g)
        let engine = try TiledInference(TilingConfiguration(tileSize: 8, overlap: 2))
        let (x, cut) = try image(13, 20, seed: 9)
        let tiled = try engine.run(height: 13, width: 20, input: cut, network: net.callAsFunction)
        let a = try tiled["local"]!.floats(), b = try net(x)["local"]!.floats()
        XCTAssertGreaterThan(zip(a, b).map { abs($0 - $1) }.max()!, 1e-3)
    }

    func testBlendEqualsWholeImageForAPointwiseNetwork() throws {
        var g = SeededGenerator(seed: 4)
        let net = try LocalNetwork(channels: 3, generator: &g)
        for window in BlendWindow.allCases {
            let engine = try TiledInference(TilingConfiguration(tileSize: 8, overlap: 3, border: .blend, window: window,
                                                                tilesPerBatch: 2))
            for (h, w) in Self.sizes {
                let (x, cut) = try image(h, w, channels: 3, seed: UInt64(h * 31 + w))
                let tiled = try engine.run(height: h, width: w, input: cut, network: net.callAsFunction)
                try compare(tiled, try net(x), names: ["point", "single"], "blend \(window) \(h) × \(w)")
            }
        }
    }

    func testBatchingAndMemoryBoundDoNotChangeResults() throws {
        var g = SeededGenerator(seed: 5)
        let net = try LocalNetwork(channels: 2, generator: &g)
        let (_, cut) = try image(30, 41, seed: 11)
        for border in TileBorder.allCases {
            let one = try TiledInference(TilingConfiguration(tileSize: 8, overlap: 4, border: border))
            let reference = try one.run(height: 30, width: 41, input: cut, network: net.callAsFunction)
            // 8 × 8 tiles at 16 B/pixel: 1024 B each; a 3500 B bound allows 3 of the 7 requested.
            let bounded = try TiledInference(TilingConfiguration(tileSize: 8, overlap: 4, border: border,
                                                                 tilesPerBatch: 7, memoryLimitBytes: 3500))
            XCTAssertEqual(try bounded.batchSize(tilePixels: 64, bytesPerPixel: 16), 3)
            var batches: [Int] = []
            let result = try bounded.run(height: 30, width: 41, bytesPerPixel: 16, input: cut) { x in
                batches.append(x.shape[0])
                return try net(x)
            }
            let tiles = bounded.plan(height: 30, width: 41).windows.count
            XCTAssertEqual(batches.reduce(0, +), tiles)
            XCTAssertEqual(batches.max(), 3, "\(border): batches \(batches)")
            try compare(result, reference, names: ["point", "local", "single"], "\(border) bounded batches")
        }
    }

    func testMemoryBoundBelowOneTileThrows() throws {
        let engine = try TiledInference(TilingConfiguration(tileSize: 8, overlap: 2, memoryLimitBytes: 100))
        XCTAssertThrowsError(try engine.batchSize(tilePixels: 64, bytesPerPixel: 4)) { error in
            XCTAssertTrue("\(error)".contains("`memoryLimitBytes` is 100"), "\(error)")
        }
        let unbounded = try TiledInference(TilingConfiguration(tilesPerBatch: 5))
        XCTAssertEqual(try unbounded.batchSize(tilePixels: 64, bytesPerPixel: nil), 5)
    }

    func testSmallImageGoesThroughInOnePass() throws {
        var g = SeededGenerator(seed: 6)
        let net = try LocalNetwork(channels: 2, generator: &g)
        let engine = try TiledInference(TilingConfiguration(tileSize: 16, overlap: 4))
        let (x, cut) = try image(9, 16, seed: 2)
        var calls: [[Int]] = []
        var returned: Tensor?
        let out = try engine.run(height: 9, width: 16, input: cut) { batch in
            calls.append(batch.shape)
            let o = try net(batch)
            returned = o["local"]
            return o
        }
        XCTAssertEqual(calls, [[1, 2, 9, 16]])
        XCTAssertTrue(out["local"] === returned, "one tile: the network's tensor itself")
        try compare(out, try net(x), names: ["point", "local"], "one pass")
    }

    func testWrongOutputShapeNamesTheOutput() throws {
        let engine = try TiledInference(TilingConfiguration(tileSize: 4, overlap: 1))
        let (_, cut) = try image(6, 6, seed: 1)
        XCTAssertThrowsError(try engine.run(height: 6, width: 6, input: cut) { x in
            ["map": try x.narrow(dim: 3, start: 0, length: 3)]
        }) { error in
            XCTAssertTrue("\(error)".contains("network output `map`"), "\(error)")
        }
    }
}
