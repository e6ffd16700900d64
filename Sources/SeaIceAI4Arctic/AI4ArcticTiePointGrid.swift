import SeaIceCore

/// The 21 × 21 geolocation tie-point grid of a scene, with bilinear interpolation to any pixel.
///
/// Positions are pixel-index coordinates of the scene's full grid (the centre of pixel i is at i,
/// as in the Sentinel-1 annotation's `line`/`pixel`). Raw files give each point's position
/// (`sar_grid_line`, `sar_grid_sample`); ready-to-train files do not, and their grid spans the
/// first to the last pixel centre evenly (`AI4ArcticGeometry.tiePointCoordinate`). Values are
/// stored row-major: rows = lines, columns = samples. Outside the grid the outermost cell is
/// extrapolated linearly (SeaIceCore's `RectilinearGrid` interpolates). Longitude is unwrapped across ±180°
/// per cell, against the cell's first corner, and returned in (−180, 180].
///
/// A type of its own beside `Sentinel1GeolocationGrid` (both interpolate through `RectilinearGrid`)
/// because the two differ in meaning, not only in names: this one reads the 21 × 21 netCDF variables
/// (line- or sample-major, or spanning the scene for ready-to-train files), has no height or elevation
/// angle, follows block reductions (`reduced(by:)`) and keeps the longitude convention above; the
/// Sentinel-1 grid is built from an annotation's scattered points, unwraps longitude once against its
/// first tie point and returns [−180, 180).
public struct AI4ArcticTiePointGrid: Sendable, Hashable {
    /// Tie-point positions (lines, samples; full-grid pixel indices) and the interpolation over them.
    public let grid: RectilinearGrid
    /// Line (row) position of each tie-point row, strictly increasing, in full-grid pixel indices.
    public var linePositions: [Double] { grid.lines }
    /// Sample (column) position of each tie-point column, strictly increasing.
    public var samplePositions: [Double] { grid.samples }
    /// Latitude, degrees north, `rows × columns` row-major.
    public let latitude: [Double]
    /// Longitude, degrees east, `rows × columns` row-major.
    public let longitude: [Double]
    /// Incidence angle, degrees (raw files only).
    public let incidenceAngle: [Double]?

    /// A grid from explicit positions and row-major values.
    public init(linePositions: [Double], samplePositions: [Double], latitude: [Double],
                longitude: [Double], incidenceAngle: [Double]? = nil) {
        grid = RectilinearGrid(lines: linePositions, samples: samplePositions)
        let n = grid.count
        precondition(latitude.count == n && longitude.count == n && (incidenceAngle?.count ?? n) == n,
                     "tie-point values: \(latitude.count), \(longitude.count) for \(n) points")
        self.latitude = latitude
        self.longitude = longitude
        self.incidenceAngle = incidenceAngle
    }

    /// The ready-to-train grid: `side × side` values spanning pixel centre 0 to n − 1 along each axis.
    public static func spanning(lines: Int, samples: Int, latitude: [Double], longitude: [Double],
                                side: Int = AI4ArcticGeometry.tiePointsPerSide) -> AI4ArcticTiePointGrid {
        func positions(_ n: Int) -> [Double] {
            (0..<side).map { Double($0) * Double(max(n - 1, 1)) / Double(side - 1) }
        }
        return AI4ArcticTiePointGrid(linePositions: positions(lines), samplePositions: positions(samples),
                            latitude: latitude, longitude: longitude)
    }

    /// The raw grid from the 441 scattered points (`line`, `sample` per point), line-major or sample-major.
    ///
    /// Throws naming `file` and `sar_grid_line` if the points do not form a 21 × 21 rectilinear grid.
    public static func fromPoints(file: String, line: [Double], sample: [Double], latitude: [Double],
                                  longitude: [Double], incidenceAngle: [Double]?) throws -> AI4ArcticTiePointGrid {
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
        return AI4ArcticTiePointGrid(linePositions: rows, samplePositions: cols, latitude: reorder(latitude),
                            longitude: reorder(longitude), incidenceAngle: incidenceAngle.map(reorder))
    }

    /// A row-major field at the cells `r` (line) and `c` (sample); `wrap360` unwraps the three other corners
    /// against the first (longitude) and wraps the result to (−180, 180].
    @inline(__always)
    func value(_ field: [Double], _ r: RectilinearGrid.Cell, _ c: RectilinearGrid.Cell, wrap360: Bool) -> Double {
        let (v00, v01, v10, v11) = grid.corners(field, line: r, sample: c)
        guard wrap360 else { return RectilinearGrid.bilinear(v00, v01, v10, v11, line: r.fraction, sample: c.fraction) }
        func unwrap(_ v: Double) -> Double { v - 360 * ((v - v00) / 360).rounded() }
        var v = RectilinearGrid.bilinear(v00, unwrap(v01), unwrap(v10), unwrap(v11), line: r.fraction, sample: c.fraction)
        v -= 360 * (v / 360).rounded()
        if v <= -180 { v += 360 }
        return v
    }

    /// Bilinear interpolation of a row-major field at pixel-index coordinates (line, sample).
    func interpolate(_ field: [Double], line: Double, sample: Double, wrap360: Bool = false) -> Double {
        value(field, grid.lineCell(line), grid.sampleCell(sample), wrap360: wrap360)
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
        let rows = lines.map { grid.lineCell($0) }
        let cols = samples.map { grid.sampleCell($0) }
        var out: [Double] = []
        out.reserveCapacity(lines.count * samples.count)
        for r in rows {
            for c in cols { out.append(value(values, r, c, wrap360: wrap)) }
        }
        return out
    }

    /// The grid after a `factor` block reduction: positions p → (p − (factor − 1)/2) / factor,
    /// the pixel-index coordinate of the same point on the reduced grid (block-mean pixel centres).
    public func reduced(by factor: Int) -> AI4ArcticTiePointGrid {
        let f = Double(factor), shift = (f - 1) / 2
        return AI4ArcticTiePointGrid(linePositions: linePositions.map { ($0 - shift) / f },
                            samplePositions: samplePositions.map { ($0 - shift) / f },
                            latitude: latitude, longitude: longitude, incidenceAngle: incidenceAngle)
    }
}
