/// One tile along an image axis: where it starts, its length, and the pixels it keeps in crop mode.
public struct AxisTile: Equatable, Sendable {
    /// First image pixel of the tile.
    public var start: Int
    /// Tile length in pixels (the tile size, or the extent when the axis is shorter than a tile).
    public var length: Int
    /// Image pixels this tile writes in crop mode; the kept ranges of an axis partition 0 ..< extent.
    public var keep: Range<Int>

    /// A tile of `length` pixels from `start`, keeping `keep`.
    public init(start: Int, length: Int, keep: Range<Int>) {
        self.start = start
        self.length = length
        self.keep = keep
    }

    /// The tile's pixels `start ..< start + length`.
    public var range: Range<Int> { start..<(start + length) }
}

/// The tiles of one axis (rows or columns) and their blending weights.
public enum AxisTiling {
    /// Tiles covering `0 ..< extent` with the given size and overlap (pixels).
    ///
    /// Tiles start every `size − overlap` pixels; the last is shifted inwards so that no tile leaves the
    /// image (its overlap with the previous one is then larger). An axis no longer than `size` is one tile
    /// of the whole extent. Each kept range ends in the middle of the overlap with the next tile
    /// (⌊(end of this tile + start of the next) / 2⌋), so the kept ranges partition the axis and every
    /// kept pixel inside the image is at least ⌊overlap / 2⌋ pixels from a tile edge.
    public static func tiles(extent: Int, size: Int, overlap: Int) -> [AxisTile] {
        precondition(extent >= 0 && size > overlap && overlap >= 0,
                     "tiles(extent: \(extent), size: \(size), overlap: \(overlap)): "
                        + "needs extent ≥ 0 and size > overlap ≥ 0")
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
            let upper = i == starts.count - 1 ? extent : (start + size + starts[i + 1]) / 2
            out.append(AxisTile(start: start, length: size, keep: lower..<upper))
        }
        return out
    }

    /// The blending weight of every pixel of tile `index` in `tiles`, before normalisation.
    ///
    /// 1 inside; on a side the tile shares with a neighbour, a ramp over the actual overlap L with that
    /// neighbour, w(j) = f((j + ½) / L) for the j-th pixel from the tile edge, f(t) = t (`linear`) or
    /// sin²(π t / 2) (`hann`). Sides at the image edge are not tapered, so every weight is > 0 and the
    /// weights of overlapping tiles can be normalised to sum to 1.
    public static func weights(_ tiles: [AxisTile], index: Int, window: BlendWindow) -> [Float] {
        precondition(tiles.indices.contains(index), "tile \(index) of \(tiles.count)")
        let tile = tiles[index]
        var w = [Float](repeating: 1, count: tile.length)
        func ramp(_ overlap: Int, fromEnd: Bool) {
            let l = min(overlap, tile.length)
            guard l > 0 else { return }
            for j in 0..<l {
                let t = (Double(j) + 0.5) / Double(l)
                let value = Float(window.shape(t))
                let i = fromEnd ? tile.length - 1 - j : j
                w[i] = min(w[i], value)
            }
        }
        if index > 0 { ramp(tiles[index - 1].range.upperBound - tile.start, fromEnd: false) }
        if index < tiles.count - 1 { ramp(tile.range.upperBound - tiles[index + 1].start, fromEnd: true) }
        return w
    }
}
