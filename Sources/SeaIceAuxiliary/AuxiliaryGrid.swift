import Foundation

/// The AI4Arctic 2 km grid of a scene: one cell per 2000 m of the SAR grid (`2km_grid_lines × 2km_grid_samples`),
/// with the geographic position of every cell centre and the local directions of the SAR image axes.
///
/// All arrays are row-major (line, sample) = (`lines`, `samples`). Directions are unit vectors in the local
/// east/north tangent plane: `sampleEast/sampleNorth` points along increasing sample (image column),
/// `lineEast/lineNorth` along increasing line (image row). They are derived from the geolocation itself
/// (positions half a cell before and after the centre along each axis), so any grid orientation is handled.
public struct AuxiliaryGrid: Sendable {
    /// Number of 2 km cells along the lines (rows) and samples (columns).
    public let lines: Int, samples: Int
    /// Cell-centre latitude and longitude, degrees (longitude in [−180, 180)).
    public let latitude: [Double], longitude: [Double]
    /// Unit vector (east, north components) along increasing sample at each cell centre.
    public let sampleEast: [Double], sampleNorth: [Double]
    /// Unit vector (east, north components) along increasing line at each cell centre.
    public let lineEast: [Double], lineNorth: [Double]

    /// Builds the grid from a geolocation function.
    /// - Parameter locate: latitude and longitude (degrees) at fractional 2 km cell coordinates (line, sample),
    ///   where (i, j) is the centre of cell (i, j) and ±0.5 its edges; it must extrapolate smoothly beyond the grid.
    public init(lines: Int, samples: Int, locate: (_ line: Double, _ sample: Double) -> (latitude: Double, longitude: Double)) {
        precondition(lines > 0 && samples > 0, "2 km grid of \(lines) × \(samples) cells")
        self.lines = lines
        self.samples = samples
        let n = lines * samples
        var lat = [Double](repeating: 0, count: n), lon = lat, se = lat, sn = lat, le = lat, ln = lat
        for i in 0..<lines {
            for j in 0..<samples {
                let o = i * samples + j, y = Double(i), x = Double(j)
                let c = locate(y, x)
                lat[o] = c.latitude
                lon[o] = AuxiliaryGrid.wrap(c.longitude)
                let s = AuxiliaryGrid.direction(from: locate(y, x - 0.5), to: locate(y, x + 0.5))
                let l = AuxiliaryGrid.direction(from: locate(y - 0.5, x), to: locate(y + 0.5, x))
                se[o] = s.east; sn[o] = s.north; le[o] = l.east; ln[o] = l.north
            }
        }
        latitude = lat; longitude = lon
        sampleEast = se; sampleNorth = sn; lineEast = le; lineNorth = ln
    }

    /// Number of cells.
    public var count: Int { lines * samples }

    /// Longitude wrapped to [−180, 180) degrees.
    public static func wrap(_ lon: Double) -> Double {
        var l = lon.truncatingRemainder(dividingBy: 360)
        if l >= 180 { l -= 360 } else if l < -180 { l += 360 }
        return l
    }

    /// Unit vector (east, north) of the initial bearing from `a` to `b` on the sphere (forward azimuth formula).
    public static func direction(from a: (latitude: Double, longitude: Double),
                                 to b: (latitude: Double, longitude: Double)) -> (east: Double, north: Double) {
        let φ1 = a.latitude * .pi / 180, φ2 = b.latitude * .pi / 180
        let Δλ = (b.longitude - a.longitude) * .pi / 180
        let east = sin(Δλ) * cos(φ2)
        let north = cos(φ1) * sin(φ2) - sin(φ1) * cos(φ2) * cos(Δλ)
        let norm = (east * east + north * north).squareRoot()
        return norm > 0 ? (east / norm, north / norm) : (0, 0)
    }

    /// Rotates east/north wind components (m/s) into the SAR geometry at every cell (AI4Arctic `u10m_rotated`,
    /// `v10m_rotated`): `u` = component along increasing sample, `v` = component along the perpendicular to it that
    /// points to increasing line. The image axes of a GRD scene are orthogonal on the ground only to within ~ 1–2°
    /// (geolocation skew), so the line axis is orthogonalised against the sample axis: this is a true rotation
    /// (|(u, v)| is preserved) by the angle of the sample axis from east, with a reflection when the image is mirrored.
    public func rotate(east u: [Double], north v: [Double]) -> (u: [Double], v: [Double]) {
        precondition(u.count == count && v.count == count, "wind of \(u.count)/\(v.count) values on a grid of \(count) cells")
        var ru = [Double](repeating: .nan, count: count), rv = ru
        for o in 0..<count {
            // Perpendicular to the sample axis, on the side of the line axis.
            var pe = -sampleNorth[o], pn = sampleEast[o]
            if pe * lineEast[o] + pn * lineNorth[o] < 0 { pe = -pe; pn = -pn }
            ru[o] = u[o] * sampleEast[o] + v[o] * sampleNorth[o]
            rv[o] = u[o] * pe + v[o] * pn
        }
        return (ru, rv)
    }

    /// Unit vector on the sphere of each cell centre (x, y, z), used for great-circle distances.
    func unitVectors() -> [SIMD3<Double>] {
        (0..<count).map { AuxiliaryGrid.unitVector(latitude: latitude[$0], longitude: longitude[$0]) }
    }

    /// Earth-centred unit vector of a latitude/longitude in degrees.
    static func unitVector(latitude: Double, longitude: Double) -> SIMD3<Double> {
        let φ = latitude * .pi / 180, λ = longitude * .pi / 180
        return SIMD3(cos(φ) * cos(λ), cos(φ) * sin(λ), sin(φ))
    }
}
