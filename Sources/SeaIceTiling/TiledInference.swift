import SeaIceCore
import SeaIceTensor

/// The patch-and-stitch engine every system's inference goes through: cuts an H × W image into
/// overlapping tiles (`TilePlan`), runs the network on batches of tiles and stitches each named
/// output back to the whole image, by cropping or blending the overlaps (`TilingConfiguration`).
///
/// Callers cut tiles from their own data (`input` makes the NCHW batch `[n, C, h, w]` of a list of
/// windows) and run their own network (`network` maps that batch to named float outputs, each
/// `[n, K, h, w]` at the input's resolution): a multi-task U-Net returns SIC/SOD/FLOE maps, a classifier
/// its logits, a regression model a one-channel map.
public struct TiledInference: Sendable {
    /// The validated settings.
    public let configuration: TilingConfiguration

    /// An engine with `configuration`.
    /// - Throws: `SeaIceError.configuration` naming the invalid key (`TilingConfiguration.validate`).
    public init(_ configuration: TilingConfiguration) throws {
        try configuration.validate()
        self.configuration = configuration
    }

    /// The tiles of an H × W image.
    public func plan(height: Int, width: Int) -> TilePlan {
        TilePlan(height: height, width: width, configuration: configuration)
    }

    /// Tiles per network call for tiles of `tilePixels` pixels: `tilesPerBatch`, lowered to
    /// ⌊memoryLimitBytes / (bytesPerPixel · tilePixels)⌋ when a memory bound is set.
    /// - Parameter bytesPerPixel: the caller's estimate of the bytes one tile pixel needs (inputs,
    ///   activations, outputs); required when `memoryLimitBytes` is set.
    /// - Throws: `SeaIceError.configuration` when not even one tile fits the bound.
    public func batchSize(tilePixels: Int, bytesPerPixel: Int?) throws -> Int {
        guard let limit = configuration.memoryLimitBytes else { return configuration.tilesPerBatch }
        guard let bytesPerPixel else {
            preconditionFailure("memoryLimitBytes \(limit) is set but no per-pixel estimate was given")
        }
        precondition(bytesPerPixel > 0 && tilePixels > 0, "estimate \(bytesPerPixel) B/pixel, \(tilePixels) pixels")
        let perTile = bytesPerPixel * tilePixels
        guard perTile <= limit else {
            throw SeaIceError.configuration(
                "tiling `memoryLimitBytes` is \(limit); one tile of \(tilePixels) pixels needs an estimated "
                    + "\(perTile) bytes: lower `tileSize` or raise the bound")
        }
        return min(configuration.tilesPerBatch, limit / perTile)
    }

    /// Runs `network` over the tiles of an H × W image and stitches its outputs.
    ///
    /// - Parameters:
    ///   - input: the NCHW batch `[n, C, h, w]` for the given windows, in their order.
    ///   - network: named outputs of a batch, each `[n, K, h, w]` (any floating dtype, any device).
    /// - Returns: each output stitched to `[1, K, H, W]`. When one tile covers the image the network's
    ///   own tensors are returned unchanged (no copy, on its device); otherwise float32 CPU tensors.
    /// - Throws: errors of the closures; `SeaIceError.configuration` when an output's shape or name set
    ///   differs from what the first batch established.
    public func run(height: Int, width: Int, bytesPerPixel: Int? = nil,
                    input: ([TileWindow]) throws -> Tensor,
                    network: (Tensor) throws -> [String: Tensor]) throws -> [String: Tensor] {
        let plan = plan(height: height, width: width)
        let windows = plan.windows
        let h = plan.tileRows, w = plan.tileCols
        if windows.count == 1 {
            let outputs = try network(try batch(windows, input: input, rows: h, cols: w))
            for (name, t) in outputs { try Self.check(t, name: name, n: 1, rows: h, cols: w, channels: nil) }
            return outputs
        }
        let n = try batchSize(tilePixels: h * w, bytesPerPixel: bytesPerPixel)
        var stitcher = TileStitcher(plan: plan, border: configuration.border, window: configuration.window)
        var start = 0
        while start < windows.count {
            let indices = start..<min(start + n, windows.count)
            let outputs = try network(try batch(Array(windows[indices]), input: input, rows: h, cols: w))
            for (name, t) in outputs {
                try Self.check(t, name: name, n: indices.count, rows: h, cols: w, channels: stitcher.channels[name])
            }
            try stitcher.add(outputs, tiles: indices)
            start = indices.upperBound
        }
        return try stitcher.tensors()
    }

    /// The input batch of `windows`, checked against the tile size.
    private func batch(_ windows: [TileWindow], input: ([TileWindow]) throws -> Tensor,
                       rows: Int, cols: Int) throws -> Tensor {
        let x = try input(windows)
        let s = x.shape
        precondition(s.count == 4 && s[0] == windows.count && s[2] == rows && s[3] == cols,
                     "input for \(windows.count) tiles of \(rows) × \(cols) must be [n, C, h, w], got \(s)")
        return x
    }

    /// Checks that output `name` is `[n, K, h, w]` (K as before when known).
    static func check(_ t: Tensor, name: String, n: Int, rows: Int, cols: Int, channels: Int?) throws {
        let s = t.shape
        guard s.count == 4, s[0] == n, s[2] == rows, s[3] == cols, channels.map({ $0 == s[1] }) ?? true else {
            let k = channels.map(String.init) ?? "K"
            throw SeaIceError.configuration(
                "network output `\(name)` has shape \(s); expected [\(n), \(k), \(rows), \(cols)] "
                    + "(NCHW at the tile size)")
        }
    }
}
