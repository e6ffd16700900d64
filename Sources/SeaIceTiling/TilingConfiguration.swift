import Foundation
import SeaIceCore

/// How the borders of overlapping tiles are combined.
public enum TileBorder: String, Codable, Sendable, CaseIterable {
    /// Each tile keeps its centre: the kept regions partition the image (`AxisTiling.tiles`), every
    /// output pixel comes from exactly one tile.
    case crop
    /// A weighted average of the overlapping tiles with a separable window (`BlendWindow`), weights
    /// normalised to sum to 1 at every pixel.
    case blend
}

/// The ramp shape of blended tile borders.
public enum BlendWindow: String, Codable, Sendable, CaseIterable {
    /// f(t) = t over the overlap.
    case linear
    /// f(t) = sin²(π t / 2), the rising half of a Hann window.
    case hann

    /// The ramp value at t ∈ (0, 1).
    public func shape(_ t: Double) -> Double {
        switch self {
        case .linear: return t
        case .hann: let s = sin(Double.pi * t / 2); return s * s
        }
    }
}

/// Patch-and-stitch settings of `TiledInference` (JSON keys as the property names; all but `tileSize`
/// and `overlap` optional). Sizes are in pixels of the image the network sees.
public struct TilingConfiguration: Codable, Sendable, Equatable {
    /// Tile side (pixels); an image side no longer than this is one tile.
    public var tileSize: Int
    /// Overlap between neighbouring tiles (pixels), 0 ≤ overlap < tileSize. For a network whose
    /// receptive field has radius r, crop mode equals whole-image inference when overlap ≥ 2r.
    public var overlap: Int
    /// Cropping or blending of the overlaps.
    public var border: TileBorder
    /// The ramp of `blend` mode (ignored by `crop`).
    public var window: BlendWindow
    /// Most tiles per network call (batch size N), ≥ 1.
    public var tilesPerBatch: Int
    /// Upper bound (bytes) on a batch's estimated memory: the batch size is lowered to
    /// ⌊memoryLimitBytes / tile estimate⌋ (`TiledInference.batchSize`); nil: no bound.
    public var memoryLimitBytes: Int?

    /// Settings; defaults: 512-pixel tiles overlapping by 64, cropped, one tile per batch, no bound.
    public init(tileSize: Int = 512, overlap: Int = 64, border: TileBorder = .crop, window: BlendWindow = .hann,
                tilesPerBatch: Int = 1, memoryLimitBytes: Int? = nil) {
        self.tileSize = tileSize
        self.overlap = overlap
        self.border = border
        self.window = window
        self.tilesPerBatch = tilesPerBatch
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// Checks every setting.
    /// - Throws: `SeaIceError.configuration` naming the key and the expected range.
    public func validate() throws {
        guard overlap >= 0 else {
            throw SeaIceError.configuration("tiling `overlap` is \(overlap); expected ≥ 0")
        }
        guard tileSize > overlap else {
            throw SeaIceError.configuration(
                "tiling `tileSize` is \(tileSize); expected greater than `overlap` \(overlap)")
        }
        guard tilesPerBatch >= 1 else {
            throw SeaIceError.configuration("tiling `tilesPerBatch` is \(tilesPerBatch); expected ≥ 1")
        }
        if let limit = memoryLimitBytes, limit <= 0 {
            throw SeaIceError.configuration("tiling `memoryLimitBytes` is \(limit); expected > 0 or absent")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case tileSize, overlap, border, window, tilesPerBatch, memoryLimitBytes
    }

    /// Decodes and validates; absent optional keys take the defaults of `init`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TilingConfiguration()
        self.init(tileSize: try c.decode(Int.self, forKey: .tileSize),
                  overlap: try c.decode(Int.self, forKey: .overlap),
                  border: try c.decodeIfPresent(TileBorder.self, forKey: .border) ?? d.border,
                  window: try c.decodeIfPresent(BlendWindow.self, forKey: .window) ?? d.window,
                  tilesPerBatch: try c.decodeIfPresent(Int.self, forKey: .tilesPerBatch) ?? d.tilesPerBatch,
                  memoryLimitBytes: try c.decodeIfPresent(Int.self, forKey: .memoryLimitBytes))
        try validate()
    }
}
