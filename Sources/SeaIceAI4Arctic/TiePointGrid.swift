import SeaIceCore

/// The 21 × 21 geolocation tie-point grid of a scene, with bilinear interpolation to any pixel.
///
/// Positions are pixel-index coordinates of the scene's full grid (the centre of pixel i is at i,
/// as in the Sentinel-1 annotation's `line`/`pixel`). Raw files give each point's position
/// (`sar_grid_line`, `sar_grid_sample`); ready-to-train files do not, and their grid spans the
/// first to the last pixel centre evenly (`AI4ArcticGeometry.tiePointCoordinate`). Values are
/// stored row-major: rows = lines, columns = samples. Outside the grid the outermost cell is
/// extrapolated linearly. Longitude is unwrapped across ±180° before interpolating.
public struct TiePointGrid: Sendable, Hashable {
    /// Line (row) position of each tie-point row, strictly increasing, in full-grid pixel indices.
    public let linePositions: [Double]
    /// Sample (column) position of each tie-point column, strictly increasing.
    public let samplePositions: [Double]
    /// Latitude, degrees north, `rows × columns` row-major.
    public let latitude: [Double]
    /// Longitude, degrees east, `rows × columns` row-major.
    public let longitude: [Double]
    /// Incidence angle, degrees (raw files only).
    public let incidenceAngle: [Double]?

    /// A grid from explicit positions and row-major values.
    public init(linePositions: [Double], samplePositions: [Double], latitude: [Double],
                longitude: [Double], incidenceAngle: [Double]? = nil) {
        let n = linePositions.count * samplePositions.count
        precondition(linePositions.count >= 2 && samplePositions.count >= 2, "tie-point grid needs ≥ 2 × 2 points")
        precondition(latitude.count == n && longitude.count == n && (incidenceAngle?.count ?? n) == n,
                     "tie-point values: \(latitude.count), \(longitude.count) for \(n) points")
        self.linePositions = linePositions
        self.samplePositions = samplePositions
        self.latitude = latitude
        self.longitude = longitude
        self.incidenceAngle = incidenceAngle
    }

    /// The ready-to-train grid: `side × side` values spanning pixel centre 0 to n − 1 along each axis.
    public static func spanning(lines: Int, samples: Int, latitude: [Double], longitude: [Double],
                                side: Int = AI4ArcticGeometry.tiePointsPerSide) -> TiePointGrid {
        func positions(_ n: Int) -> [Double] {
            (0..<side).map { Double($0) * Double(max(n - 1, 1)) / Double(side - 1) }
        }
        return TiePointGrid(linePositions: positions(lines), samplePositions: positions(samples),
                            latitude: latitude, longitude: longitude)
    }

    /// The raw grid from the 441 scattered points (`line`, `sample` per point), line-major or sample-major.
    ///
    /// Throws naming `file` and `sar_grid_line` if the points do not form a 21 × 21 rectilinear grid.
    public static func fromPoints(file: String, line: [Double], sample: [Double], latitude: [Double],
                                  longitude: [Double], incidenceAngle: [Double]?) throws -> TiePointGrid {
        let side = AI4ArcticGeometry.tiePointsPerSide
        let expected = "\(side * side) tie points forming a \(side) × \(side) grid with increasing lines and samples"
        guard line.count == side * side, sample.count == line.count else {
            throw SeaIceError.invalidInput(file: file, item: AI4ArcticSchema.Name.gridLine, expected: expected)
        }
        let lineMajor = line[0] == line[1]
        // Index of point (row r, column c) in the stored order.
        func at(_ r: Int, _ c: Int) -> Int { lineMajor ? r * side + c : c * side + r }
        let rows = (0..<side).map { line[at($0, 0)] }
        let cols = (0..<side).map { sample[at(0, $0)] }
        let increasing = { (v: [Double]) in zip(v, v.dropFirst()).allSatisfy { $0 < $1 } }
        guard increasing(rows), increasing(cols) else {
            throw SeaIceError.invalidInput(file: file, item: AI4ArcticSchema.Name.gridLine, expected: expected)
        }
        func reorder(_ v: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: side * side)
            for r in 0..<side { for c in 0..<side { out[r * side + c] = v[at(r, c)] } }
            return out
        }
        return TiePointGrid(linePositions: rows, samplePositions: cols, latitude: reorder(latitude),
                            longitude: reorder(longitude), incidenceAngle: incidenceAngle.map(reorder))
    }

    /// Bilinear weights along one axis: lower index and fraction (may be < 0 or > 1 when extrapolating).
    @inline(__always)
    static func bracket(_ x: Double, in p: [Double]) -> (Int, Double) {
        var lo = 0, hi = p.count - 2
        while lo < hi {  // last i with p[i] <= x, clamped to [0, n − 2]
            let mid = (lo + hi + 1) / 2
            if p[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        return (lo, (x - p[lo]) / (p[lo + 1] - p[lo]))
    }

    /// Bilinear interpolation of a row-major field at pixel-index coordinates (line, sample).
    func interpolate(_ field: [Double], line: Double, sample: Double, wrap360: Bool = false) -> Double {
        let (r, fy) = Self.bracket(line, in: linePositions)
        let (c, fx) = Self.bracket(sample, in: samplePositions)
        let w = samplePositions.count
        let v00 = field[r * w + c]
        var v01 = field[r * w + c + 1]
        var v10 = field[(r + 1) * w + c], v11 = field[(r + 1) * w + c + 1]
        if wrap360 {
            func unwrap(_ v: Double) -> Double { v - 360 * ((v - v00) / 360).rounded() }
            v01 = unwrap(v01); v10 = unwrap(v10); v11 = unwrap(v11)
        }
        let top = v00 + (v01 - v00) * fx
        let bottom = v10 + (v11 - v10) * fx
        var v = top + (bottom - top) * fy
        if wrap360 {
            v -= 360 * (v / 360).rounded()
            if v <= -180 { v += 360 }
        }
        return v
    }

    /// Latitude, degrees north, at pixel-index coordinates (line, sample).
    public func latitude(line: Double, sample: Double) -> Double {
        interpolate(latitude, line: line, sample: sample)
    }

    /// Longitude, degrees east in (−180, 180], at pixel-index coordinates (line, sample).
    public func longitude(line: Double, sample: Double) -> Double {
        interpolate(longitude, line: line, sample: sample, wrap360: true)
    }

    /// Incidence angle, degrees, at pixel-index coordinates; nil for ready-to-train grids.
    public func incidenceAngle(line: Double, sample: Double) -> Double? {
        incidenceAngle.map { interpolate($0, line: line, sample: sample) }
    }

    /// The tie-point field a grid evaluation reads.
    public enum Field: Sendable {
        /// Latitude, degrees north.
        case latitude
        /// Longitude, degrees east (wrapped to (−180, 180]).
        case longitude
        /// Incidence angle, degrees (NaN for grids without it).
        case incidenceAngle
    }

    /// `field` at every (line, sample) of the rectilinear set `lines × samples` (pixel-index coordinates),
    /// row-major; the same bilinear interpolation as the point accessors, brackets computed once per row/column.
    public func evaluate(_ field: Field, lines: [Double], samples: [Double]) -> [Double] {
        let values: [Double]
        switch field {
        case .latitude: values = latitude
        case .longitude: values = longitude
        case .incidenceAngle:
            guard let inc = incidenceAngle else { return [Double](repeating: .nan, count: lines.count * samples.count) }
            values = inc
        }
        let wrap = field == .longitude
        let rows = lines.map { Self.bracket($0, in: linePositions) }
        let cols = samples.map { Self.bracket($0, in: samplePositions) }
        let w = samplePositions.count
        var out = [Double](repeating: 0, count: lines.count * samples.count)
        var o = 0
        for (r, fy) in rows {
            for (c, fx) in cols {
                let v00 = values[r * w + c]
                var v01 = values[r * w + c + 1], v10 = values[(r + 1) * w + c], v11 = values[(r + 1) * w + c + 1]
                if wrap {
                    v01 -= 360 * ((v01 - v00) / 360).rounded()
                    v10 -= 360 * ((v10 - v00) / 360).rounded()
                    v11 -= 360 * ((v11 - v00) / 360).rounded()
                }
                let top = v00 + (v01 - v00) * fx
                var v = top + (v10 + (v11 - v10) * fx - top) * fy
                if wrap {
                    v -= 360 * (v / 360).rounded()
                    if v <= -180 { v += 360 }
                }
                out[o] = v
                o += 1
            }
        }
        return out
    }

    /// The grid after a `factor` block reduction: positions p → (p − (factor − 1)/2) / factor,
    /// the pixel-index coordinate of the same point on the reduced grid (block-mean pixel centres).
    public func reduced(by factor: Int) -> TiePointGrid {
        let f = Double(factor), shift = (f - 1) / 2
        return TiePointGrid(linePositions: linePositions.map { ($0 - shift) / f },
                            samplePositions: samplePositions.map { ($0 - shift) / f },
                            latitude: latitude, longitude: longitude, incidenceAngle: incidenceAngle)
    }
}
