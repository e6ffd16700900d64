import Logging
import SeaIceCore
import SeaIceModels
import SeaIceSampling
import SeaIceTensor

/// How whole scenes are pushed through the network.
public struct PredictionSettings: Codable, Sendable, Equatable {
    /// A downscaled scene with at most this many pixels goes through the network in one piece
    /// (the paper's whole-scene inference); larger scenes are cut into tiles.
    public var maxPixelsPerPass: Int
    /// Tile side in downscaled pixels when tiling.
    public var tileSize: Int
    /// Overlap between neighbouring tiles (downscaled pixels); each tile keeps its centre,
    /// dropping `overlap / 2` pixels on every side it shares with another tile.
    public var overlap: Int

    /// Defaults: one pass up to 2048 × 2048 downscaled pixels (a full AutoICE scene is ≈ 500 × 520),
    /// else 512-pixel tiles overlapping by 64.
    public init(maxPixelsPerPass: Int = 2048 * 2048, tileSize: Int = 512, overlap: Int = 64) {
        self.maxPixelsPerPass = maxPixelsPerPass
        self.tileSize = tileSize
        self.overlap = overlap
    }
}

/// Whole-scene prediction on the downscaled grid (MMSeaIce practice: the whole downscaled scene
/// through the network), in overlapping tiles when the scene exceeds `maxPixelsPerPass`.
///
/// A `UNet` runs through the fast inference path: a `UNetInference` snapshot (BatchNorm folded,
/// conv → ReLU fused, channels-last) taken when the predictor is made, so weights changed later are
/// not seen (make a new predictor). Other networks run in evaluation mode without autograd.
public struct ScenePredictor {
    /// The network (switched to evaluation mode when the predictor is made and for each prediction).
    public let network: any MultiTaskNetwork
    /// The folded snapshot of `network` when it is a `UNet`.
    public let inference: UNetInference?
    /// Channels, downscaling and standardisation of the network's inputs.
    public let inputs: SamplerConfiguration
    /// Tiling.
    public let settings: PredictionSettings
    /// Device the network lives on.
    public let device: Device

    /// A predictor for `network` on `device`.
    ///
    /// - Throws: `SeaIceError` when the `UNet` snapshot cannot be made.
    public init(network: any MultiTaskNetwork, inputs: SamplerConfiguration, settings: PredictionSettings = .init(),
                device: Device = .cpu) throws {
        precondition(settings.tileSize > settings.overlap && settings.overlap >= 0,
                     "tile size \(settings.tileSize) must exceed the overlap \(settings.overlap) ≥ 0")
        self.network = network
        network.eval()
        inference = try (network as? UNet).map { try UNetInference($0) }
        self.inputs = inputs
        self.settings = settings
        self.device = device
    }

    /// The NCHW input `[1, C, h, w]` of the window at (row, col), cut by `PatchExtractor` (pixels
    /// beyond the scene edge are 0).
    public func input(_ scene: DownscaledScene, row: Int, col: Int, rows h: Int, cols w: Int) throws -> Tensor {
        var c = inputs
        c.patchSize = max(h, w)
        let sample = try PatchExtractor(configuration: c).extract(from: scene, row: row, col: col)
        var t = try Tensor(sample.inputs, shape: [1, sample.channels, c.patchSize, c.patchSize])
        if h != c.patchSize { t = try t.narrow(dim: 2, start: 0, length: h) }
        if w != c.patchSize { t = try t.narrow(dim: 3, start: 0, length: w) }
        return try t.contiguous().to(device)
    }

    /// Predicts one window.
    func predictWindow(_ scene: DownscaledScene, row: Int, col: Int, rows h: Int, cols w: Int) throws -> DownscaledPrediction {
        let x = try input(scene, row: row, col: col, rows: h, cols: w)
        return try Tensor.withNoGrad {
            try OutputDecoder.decode(inference.map { try $0(x) } ?? network.outputs(x), head: network.sicHead)
        }
    }

    /// Predicts `scene`, whole or tiled.
    public func predict(_ scene: DownscaledScene) throws -> DownscaledPrediction {
        network.eval()
        let rows = scene.rows, cols = scene.cols
        if rows * cols <= settings.maxPixelsPerPass {
            return try predictWindow(scene, row: 0, col: 0, rows: rows, cols: cols)
        }
        var out = DownscaledPrediction(rows: rows, cols: cols, withSpread: network.sicHead == .classification)
        let rowTiles = Self.tiles(extent: rows, size: settings.tileSize, overlap: settings.overlap)
        let colTiles = Self.tiles(extent: cols, size: settings.tileSize, overlap: settings.overlap)
        for rt in rowTiles {
            for ct in colTiles {
                let tile = try predictWindow(scene, row: rt.start, col: ct.start, rows: rt.length, cols: ct.length)
                out.paste(tile, tileRow: rt.start, tileCol: ct.start, rows: rt.keep, cols: ct.keep)
            }
        }
        return out
    }

    /// One tile along an axis: where it starts, its length, and the range of scene pixels it keeps.
    public struct AxisTile: Equatable, Sendable {
        /// First scene pixel of the tile.
        public var start: Int
        /// Tile length (≤ size; the extent when the axis is shorter than a tile).
        public var length: Int
        /// Scene pixels this tile writes (the kept ranges partition 0 ..< extent).
        public var keep: Range<Int>
    }

    /// Tiles covering `0 ..< extent` with the given size and overlap; the last tile is shifted inwards
    /// so that no tile leaves the scene, and the kept ranges partition the axis (each boundary in the
    /// middle of an overlap).
    public static func tiles(extent: Int, size: Int, overlap: Int) -> [AxisTile] {
        precondition(extent >= 0 && size > overlap && overlap >= 0, "tiles(extent: \(extent), size: \(size), overlap: \(overlap))")
        guard extent > size else { return extent == 0 ? [] : [AxisTile(start: 0, length: extent, keep: 0..<extent)] }
        var starts: [Int] = []
        var s = 0
        while true {
            starts.append(min(s, extent - size))
            if s + size >= extent { break }
            s += size - overlap
        }
        var out: [AxisTile] = []
        for (i, start) in starts.enumerated() {
            let lower = i == 0 ? 0 : out[i - 1].keep.upperBound
            let upper: Int
            if i == starts.count - 1 {
                upper = extent
            } else {
                let next = starts[i + 1]
                upper = (start + size + next) / 2  // middle of the overlap with the next tile
            }
            out.append(AxisTile(start: start, length: size, keep: lower..<upper))
        }
        return out
    }
}
