import Logging
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTensor
import SeaIceTiling

/// How whole scenes are pushed through the network.
public struct PredictionSettings: Codable, Sendable, Equatable {
    /// A downscaled scene with at most this many pixels goes through the network in one piece
    /// (the paper's whole-scene inference); larger scenes are cut into tiles.
    public var maxPixelsPerPass: Int
    /// Tile side in downscaled pixels when tiling.
    public var tileSize: Int
    /// Overlap between neighbouring tiles (downscaled pixels); each tile keeps its centre,
    /// dropping about `overlap / 2` pixels on every side it shares with another tile (`AxisTiling`).
    public var overlap: Int

    /// Defaults: one pass up to 2048 × 2048 downscaled pixels (a full AutoICE scene is ≈ 500 × 520),
    /// else 512-pixel tiles overlapping by 64.
    public init(maxPixelsPerPass: Int = 2048 * 2048, tileSize: Int = 512, overlap: Int = 64) {
        self.maxPixelsPerPass = maxPixelsPerPass
        self.tileSize = tileSize
        self.overlap = overlap
    }

    /// Checks the settings.
    /// - Throws: `SeaIceError.configuration` naming the key: `maxPixelsPerPass` > 0, `tileSize` > `overlap` ≥ 0.
    public func validate() throws {
        guard maxPixelsPerPass > 0 else {
            throw SeaIceError.configuration("prediction `maxPixelsPerPass` is \(maxPixelsPerPass); expected > 0")
        }
        guard overlap >= 0 else {
            throw SeaIceError.configuration("prediction `overlap` is \(overlap); expected ≥ 0")
        }
        guard tileSize > overlap else {
            throw SeaIceError.configuration(
                "prediction `tileSize` is \(tileSize); expected greater than `overlap` \(overlap)")
        }
    }

    private enum CodingKeys: String, CodingKey { case maxPixelsPerPass, tileSize, overlap }

    /// Decodes the three keys and validates them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(maxPixelsPerPass: try c.decode(Int.self, forKey: .maxPixelsPerPass),
                  tileSize: try c.decode(Int.self, forKey: .tileSize),
                  overlap: try c.decode(Int.self, forKey: .overlap))
        try validate()
    }

    /// The tiling of a `rows × cols` scene: cropped tiles of `tileSize`, one at a time, or one tile of the
    /// whole scene when it has at most `maxPixelsPerPass` pixels.
    public func tiling(rows: Int, cols: Int) -> TilingConfiguration {
        let whole = rows * cols <= maxPixelsPerPass
        return TilingConfiguration(tileSize: whole ? max(tileSize, rows, cols) : tileSize, overlap: overlap,
                                   border: .crop, tilesPerBatch: 1)
    }
}

/// Whole-scene prediction on the downscaled grid (MMSeaIce practice: the whole downscaled scene
/// through the network), in overlapping tiles when the scene exceeds `maxPixelsPerPass`.
///
/// Tiling is SeaIceTiling's `TiledInference` in crop mode: the network's raw outputs are stitched,
/// then decoded by `OutputDecoder`; decoding is per pixel, so this equals decoding each tile and
/// pasting its kept centre. A `UNet` runs through the fast inference path: a `UNetInference` snapshot
/// (BatchNorm folded, conv → ReLU fused, channels-last) taken when the predictor is made, so weights
/// changed later are not seen (make a new predictor). Other networks run in evaluation mode without autograd.
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
    /// - Throws: `SeaIceError.configuration` naming an invalid key of `settings`; `SeaIceError` when the
    ///   `UNet` snapshot cannot be made.
    public init(network: any MultiTaskNetwork, inputs: SamplerConfiguration, settings: PredictionSettings = .init(),
                device: Device = .cpu) throws {
        try settings.validate()
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

    /// The NCHW batch `[n, C, h, w]` of the tile windows, in order.
    func input(_ scene: DownscaledScene, windows: [TileWindow]) throws -> Tensor {
        let tiles = try windows.map { try input(scene, row: $0.row, col: $0.col, rows: $0.rows, cols: $0.cols) }
        return tiles.count == 1 ? tiles[0] : try Tensor.cat(tiles, dim: 0)
    }

    /// The network's outputs for an NCHW batch, keyed by task (`sic`, `sod`, `floe`).
    func outputs(_ x: Tensor) throws -> [String: Tensor] {
        let out = try inference.map { try $0(x) } ?? network.outputs(x)
        return ["sic": out.sic, "sod": out.sod, "floe": out.floe]
    }

    /// Predicts `scene`, whole or tiled.
    public func predict(_ scene: DownscaledScene) throws -> DownscaledPrediction {
        network.eval()
        let engine = try TiledInference(settings.tiling(rows: scene.rows, cols: scene.cols))
        return try Tensor.withNoGrad {
            let maps = try engine.run(height: scene.rows, width: scene.cols,
                                      input: { try input(scene, windows: $0) }, network: outputs)
            return try OutputDecoder.decode(TaskOutputs(sic: maps["sic"]!, sod: maps["sod"]!, floe: maps["floe"]!),
                                            head: network.sicHead)
        }
    }
}
