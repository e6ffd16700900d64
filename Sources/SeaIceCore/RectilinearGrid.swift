/// Tie-point positions on a rectilinear (line × sample) grid and bilinear interpolation of fields given on it.
///
/// The one tie-point interpolation of SeaIceKit: the Sentinel-1 annotation grid
/// (`Sentinel1GeolocationGrid`), the AI4Arctic 21 × 21 grid (`AI4ArcticTiePointGrid`) and the
/// simulator's template geometry all evaluate through it. Positions are in the caller's image coordinates
/// (pixel-index coordinates: the centre of pixel i at i, as the Sentinel-1 annotation's `line`/`pixel`).
/// Fields are row-major, `lines.count × samples.count` (rows = lines). Between the tie points the value is
/// bilinear; beyond the outermost ones the outermost cell is extrapolated linearly (no clamping), as ESA
/// intends for the geolocation grid.
///
/// Values are combined as (v₀₀·(1 − s) + v₀₁·s)·(1 − t) + (v₁₀·(1 − s) + v₁₁·s)·t, with t the fraction along
/// the line axis and s along the sample axis. This form returns every tie point exactly, the last line and
/// sample included (the a + s·(b − a) form can miss b by an ulp at s = 1).
public struct RectilinearGrid: Sendable, Hashable {
    /// Line (row) position of each tie-point row, strictly increasing.
    public let lines: [Double]
    /// Sample (column, "pixel" in Sentinel-1 annotations) position of each tie-point column, strictly increasing.
    public let samples: [Double]

    /// A grid over `lines × samples` tie points (at least 2 × 2, strictly increasing positions).
    public init(lines: [Double], samples: [Double]) {
        precondition(lines.count >= 2 && samples.count >= 2, "tie-point grid needs ≥ 2 × 2 points, got \(lines.count) × \(samples.count)")
        precondition(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 } && zip(samples, samples.dropFirst()).allSatisfy { $0 < $1 },
                     "tie-point positions must increase strictly: lines \(lines), samples \(samples)")
        self.lines = lines
        self.samples = samples
    }

    /// Number of tie points (the length of every field).
    public var count: Int { lines.count * samples.count }

    /// Where a coordinate falls along one axis: the lower tie point of its cell and the fraction along the cell.
    public struct Cell: Sendable, Hashable {
        /// Index of the cell's lower tie point, 0 … count − 2.
        public let index: Int
        /// Fraction along the cell: 0 at the lower tie point, 1 at the upper; < 0 or > 1 when extrapolating.
        public let fraction: Double

        /// A cell from its lower index and the fraction along it.
        @inlinable
        public init(index: Int, fraction: Double) {
            self.index = index
            self.fraction = fraction
        }
    }

    /// The cell of `axis` (strictly increasing, ≥ 2 positions) that holds `x`: the last i with axis[i] ≤ x,
    /// clamped to 0 … count − 2, so that coordinates outside the axis extrapolate its first or last cell.
    @inlinable
    public static func cell(_ x: Double, in axis: [Double]) -> Cell {
        var lo = 0, hi = axis.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if axis[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        return Cell(index: lo, fraction: (x - axis[lo]) / (axis[lo + 1] - axis[lo]))
    }

    /// The cell of the line axis holding `line`.
    @inlinable
    public func lineCell(_ line: Double) -> Cell { Self.cell(line, in: lines) }

    /// The cell of the sample axis holding `sample`.
    @inlinable
    public func sampleCell(_ sample: Double) -> Cell { Self.cell(sample, in: samples) }

    /// The four tie-point values around (`line`, `sample`) of a row-major `field`:
    /// (lower line, lower sample), (lower line, upper sample), (upper line, lower sample), (upper line, upper sample).
    @inlinable
    public func corners(_ field: [Double], line: Cell, sample: Cell) -> (Double, Double, Double, Double) {
        let n = samples.count, k = line.index * n + sample.index
        return (field[k], field[k + 1], field[k + n], field[k + n + 1])
    }

    /// Bilinear combination of four corner values at fraction `t` along the line axis and `s` along the sample axis
    /// (the weighted form of the type's documentation).
    @inlinable
    public static func bilinear(_ v00: Double, _ v01: Double, _ v10: Double, _ v11: Double, line t: Double, sample s: Double) -> Double {
        (v00 * (1 - s) + v01 * s) * (1 - t) + (v10 * (1 - s) + v11 * s) * t
    }

    /// A row-major `field` interpolated at the cells `line` and `sample` (looked up once per row and column
    /// when evaluating a whole image).
    @inlinable
    public func interpolate(_ field: [Double], line: Cell, sample: Cell) -> Double {
        let (v00, v01, v10, v11) = corners(field, line: line, sample: sample)
        return Self.bilinear(v00, v01, v10, v11, line: line.fraction, sample: sample.fraction)
    }

    /// A row-major `field` interpolated at (`line`, `sample`).
    @inlinable
    public func interpolate(_ field: [Double], line: Double, sample: Double) -> Double {
        interpolate(field, line: lineCell(line), sample: sampleCell(sample))
    }
}
