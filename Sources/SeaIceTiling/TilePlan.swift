import SeaIceCore

/// A tile's window in the image, in pixels (SeaIceCore's `GridWindow`).
public typealias TileWindow = GridWindow

/// The tiles of an H × W image: the row and column tilings (`AxisTiling.tiles`) and their product.
///
/// Every tile has the same size (min(tileSize, H) × min(tileSize, W)), so tiles stack into one NCHW
/// batch; an image no larger than a tile is one tile of the whole image.
public struct TilePlan: Equatable, Sendable {
    /// Image rows H.
    public let height: Int
    /// Image columns W.
    public let width: Int
    /// Tiles along the rows.
    public let rowTiles: [AxisTile]
    /// Tiles along the columns.
    public let colTiles: [AxisTile]

    /// The plan for an H × W image (H, W ≥ 1) with `configuration`'s tile size and overlap.
    public init(height: Int, width: Int, configuration: TilingConfiguration) {
        precondition(height >= 1 && width >= 1, "image size \(height) × \(width) must be at least 1 × 1")
        self.height = height
        self.width = width
        rowTiles = AxisTiling.tiles(extent: height, size: configuration.tileSize, overlap: configuration.overlap)
        colTiles = AxisTiling.tiles(extent: width, size: configuration.tileSize, overlap: configuration.overlap)
    }

    /// Tile rows h (the same for every tile).
    public var tileRows: Int { rowTiles[0].length }
    /// Tile columns w (the same for every tile).
    public var tileCols: Int { colTiles[0].length }

    /// Every tile, row-major (all tiles of the first tile row, then the next).
    public var windows: [TileWindow] {
        rowTiles.flatMap { r in
            colTiles.map { c in TileWindow(row: r.start, col: c.start, rows: r.length, cols: c.length) }
        }
    }

    /// The (row tile, column tile) indices of `windows[index]`.
    public func axisIndices(of index: Int) -> (row: Int, col: Int) {
        (index / colTiles.count, index % colTiles.count)
    }

    /// Per-axis stitching weights, each normalised so that at every image pixel the weights of the tiles
    /// covering it sum to 1: `[tile][pixel within the tile]`. Crop: 1 on the kept range, else 0;
    /// blend: `AxisTiling.weights` divided by their sum over the tiles. The weight of a pixel of tile
    /// (i, j) is rows[i][y] · cols[j][x], which also sums to 1 over tiles (the sums factorise).
    public func axisWeights(border: TileBorder, window: BlendWindow) -> (rows: [[Float]], cols: [[Float]]) {
        (Self.normalisedWeights(rowTiles, extent: height, border: border, window: window),
         Self.normalisedWeights(colTiles, extent: width, border: border, window: window))
    }

    static func normalisedWeights(_ tiles: [AxisTile], extent: Int, border: TileBorder,
                                  window: BlendWindow) -> [[Float]] {
        switch border {
        case .crop:
            return tiles.map { t in (t.start..<(t.start + t.length)).map { t.keep.contains($0) ? 1 : 0 } }
        case .blend:
            let raw = tiles.indices.map { AxisTiling.weights(tiles, index: $0, window: window) }
            var sum = [Float](repeating: 0, count: extent)
            for (t, w) in zip(tiles, raw) { for j in 0..<t.length { sum[t.start + j] += w[j] } }
            return zip(tiles, raw).map { t, w in (0..<t.length).map { w[$0] / sum[t.start + $0] } }
        }
    }
}
