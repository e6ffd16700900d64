/// The three grids of one AI4Arctic scene and how they sit on each other.
///
/// Coordinates are continuous pixel coordinates of the full grid: pixel (i, j) covers
/// [i, i + 1) × [j, j + 1), so its centre is at (i + 0.5, j + 0.5).
///
/// - **Full grid**: `lines × samples` pixels of `pixelSpacing` m (40 raw, 80 ready-to-train).
/// - **2 km grid**: one cell = `pixelsPerCell × pixelsPerCell` full pixels (50 × 50 at 40 m,
///   25 × 25 at 80 m). Cell (k, l) covers pixels [k·c, (k+1)·c) × [l·c, (l+1)·c) from the
///   top-left corner of the scene; its centre is at continuous coordinate ((k + ½)·c, (l + ½)·c),
///   i.e. on the corner between pixels c·k + c/2 − 1 and c·k + c/2. The grid has
///   ⌊lines / c⌋ × ⌊samples / c⌋ cells in the released files (9985 × 10372 → 199 × 207,
///   4999 × 5213 → 199 × 208); the partial strip at the bottom/right edge has no cell.
/// - **Tie-point grid**: 21 × 21 geolocation points. Raw files give each point's line/sample;
///   ready-to-train files give only the 21 × 21 values, taken to span the scene corner pixel
///   centre to corner pixel centre (the reference code interpolates them with `align_corners`).
public struct AI4ArcticGeometry: Sendable, Hashable, Codable {
    /// Rows of the full grid.
    public let lines: Int
    /// Columns of the full grid.
    public let samples: Int
    /// Full-grid pixel spacing, m (40 raw, 80 ready-to-train).
    public let pixelSpacing: Int
    /// Rows of the 2 km grid.
    public let twoKmLines: Int
    /// Columns of the 2 km grid.
    public let twoKmSamples: Int

    /// Size of one AMSR2/ERA5 cell, m.
    public static let twoKmCellSize = 2000
    /// Tie points per side of the geolocation grid (21 × 21 = 441).
    public static let tiePointsPerSide = 21

    /// Geometry with the 2 km grid derived from the full grid (⌊n / c⌋ cells per side).
    public init(lines: Int, samples: Int, pixelSpacing: Int) {
        precondition(lines > 0 && samples > 0, "empty grid \(lines) × \(samples)")
        precondition(pixelSpacing > 0 && Self.twoKmCellSize % pixelSpacing == 0,
                     "pixel spacing \(pixelSpacing) m does not divide 2000 m")
        let c = Self.twoKmCellSize / pixelSpacing
        self.init(lines: lines, samples: samples, pixelSpacing: pixelSpacing,
                  twoKmLines: lines / c, twoKmSamples: samples / c)
    }

    /// Geometry with explicit 2 km dimensions (as read from a file).
    public init(lines: Int, samples: Int, pixelSpacing: Int, twoKmLines: Int, twoKmSamples: Int) {
        self.lines = lines
        self.samples = samples
        self.pixelSpacing = pixelSpacing
        self.twoKmLines = twoKmLines
        self.twoKmSamples = twoKmSamples
    }

    /// Full-grid pixels per 2 km cell side: 50 at 40 m, 25 at 80 m.
    public var pixelsPerCell: Int { Self.twoKmCellSize / pixelSpacing }

    /// Whether a 2 km extent is consistent with the full grid: ⌊n / c⌋ or ⌈n / c⌉ cells per side.
    public var twoKmGridIsConsistent: Bool {
        let c = pixelsPerCell
        func ok(_ cells: Int, _ n: Int) -> Bool { cells == n / c || cells == (n + c - 1) / c }
        return ok(twoKmLines, lines) && ok(twoKmSamples, samples)
    }

    /// The geometry after a `factor` × `factor` block reduction (raw 40 m → ready 80 m with factor 2).
    ///
    /// The full grid becomes ⌈n / factor⌉ (a partial edge block still yields a pixel);
    /// the 2 km grid is unchanged (same cells, now `pixelsPerCell / factor` pixels per side).
    public func reduced(by factor: Int) -> AI4ArcticGeometry {
        precondition(factor > 0 && pixelsPerCell % factor == 0, "factor \(factor) does not divide \(pixelsPerCell)")
        return AI4ArcticGeometry(lines: (lines + factor - 1) / factor, samples: (samples + factor - 1) / factor,
                                 pixelSpacing: pixelSpacing * factor,
                                 twoKmLines: twoKmLines, twoKmSamples: twoKmSamples)
    }

    /// The 2 km cell containing full-grid pixel index `pixel` (along one axis): ⌊pixel / c⌋.
    public func cell(containingPixel pixel: Int) -> Int { pixel / pixelsPerCell }

    /// The full-grid pixel indices covered by 2 km cell `cell` (along one axis).
    public func pixelRange(ofCell cell: Int) -> Range<Int> {
        (cell * pixelsPerCell)..<((cell + 1) * pixelsPerCell)
    }

    /// The 2 km cell-index coordinate of a continuous full-grid coordinate `x` (cell k's centre is at k).
    ///
    /// Formula: u = x / c − ½. The centre of pixel i (x = i + ½) maps to (i + ½) / c − ½.
    public func twoKmCoordinate(ofContinuous x: Double) -> Double {
        x / Double(pixelsPerCell) - 0.5
    }

    /// The tie-point index coordinate (0 … 20) of a continuous coordinate along lines (`alongLines`) or samples,
    /// for the ready-to-train convention: tie point 0 at the centre of pixel 0, tie point 20 at the centre of the
    /// last pixel. Formula: t = (x − ½) · 20 / (n − 1); for n = 1 the grid collapses to t = 0.
    public func tiePointCoordinate(ofContinuous x: Double, alongLines: Bool) -> Double {
        let n = alongLines ? lines : samples
        guard n > 1 else { return 0 }
        return (x - 0.5) * Double(Self.tiePointsPerSide - 1) / Double(n - 1)
    }
}
