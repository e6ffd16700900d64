import Foundation

/// Gaussian-weighted resampling of swath footprints (e.g. AMSR2 observation points) to the 2 km cell centres.
///
/// Each cell value is Σ wᵢ·xᵢ / Σ wᵢ over the footprints i within `radiusKm` (great-circle distance dᵢ on a
/// sphere of radius 6371 km) with wᵢ = exp(−dᵢ² / 2σ²) and a valid (non-NaN) value; a cell with no contribution is NaN.
/// The neighbour lists are computed once per geolocation and reused for every channel sharing it.
public struct SwathResampler: Sendable {
    /// Mean Earth radius, km.
    public static let earthRadiusKm = 6371.0
    /// Search radius and Gaussian σ, km.
    public let radiusKm: Double, sigmaKm: Double
    /// For every cell, the footprint indices within the radius and their weights.
    public let neighbours: [[(index: Int, weight: Double)]]
    /// Number of footprints the resampler was built for.
    public let footprintCount: Int

    /// Neighbour lists from the footprints at (`latitude`, `longitude`) (degrees; NaN = no geolocation) to the
    /// cell centres of `grid`.
    public init(grid: AuxiliaryGrid, latitude: [Double], longitude: [Double], radiusKm: Double, sigmaKm: Double) {
        precondition(latitude.count == longitude.count, "\(latitude.count) latitudes for \(longitude.count) longitudes")
        precondition(radiusKm > 0 && sigmaKm > 0, "radius \(radiusKm) km, sigma \(sigmaKm) km")
        self.radiusKm = radiusKm
        self.sigmaKm = sigmaKm
        footprintCount = latitude.count
        let R = SwathResampler.earthRadiusKm
        let cells = grid.unitVectors()
        var centre = cells.reduce(SIMD3<Double>(repeating: 0), +)
        centre /= (centre * centre).sum().squareRoot()
        let sceneChord = cells.map { dist($0, centre) }.max() ?? 0
        let limit = sceneChord + radiusKm / R
        // Tangent plane at the scene centre (orthographic: projected distances never exceed true ones).
        var east = SIMD3<Double>(-centre.y, centre.x, 0)
        let el = (east * east).sum().squareRoot()
        east = el > 1e-12 ? east / el : SIMD3(1, 0, 0)
        let north = SIMD3(centre.y * east.z - centre.z * east.y, centre.z * east.x - centre.x * east.z, centre.x * east.y - centre.y * east.x)
        let bin = radiusKm
        func key(_ p: SIMD3<Double>) -> SIMD2<Int> {
            SIMD2(Int(((p * east).sum() * R / bin).rounded(.down)), Int(((p * north).sum() * R / bin).rounded(.down)))
        }
        var bins: [SIMD2<Int>: [(Int, SIMD3<Double>)]] = [:]
        for i in 0..<latitude.count where latitude[i].isFinite && longitude[i].isFinite {
            let p = AuxiliaryGrid.unitVector(latitude: latitude[i], longitude: longitude[i])
            guard dist(p, centre) <= limit else { continue }
            bins[key(p), default: []].append((i, p))
        }
        let twoSigma2 = 2 * sigmaKm * sigmaKm
        neighbours = cells.map { c in
            let k = key(c)
            var list: [(index: Int, weight: Double)] = []
            for dy in -1...1 {
                for dx in -1...1 {
                    for (i, p) in bins[SIMD2(k.x + dx, k.y + dy)] ?? [] {
                        let d = 2 * R * asin(min(1, dist(p, c) / 2))
                        if d <= radiusKm { list.append((i, exp(-d * d / twoSigma2))) }
                    }
                }
            }
            return list
        }
    }

    /// The resampled field (row-major 2 km grid) of footprint `values` (NaN = invalid footprint).
    public func resample(_ values: [Double]) -> [Double] {
        precondition(values.count == footprintCount, "\(values.count) values for \(footprintCount) footprints")
        return neighbours.map { list in
            var sw = 0.0, swx = 0.0
            for (i, w) in list where !values[i].isNaN { sw += w; swx += w * values[i] }
            return sw > 0 ? swx / sw : .nan
        }
    }
}

/// Chord length between two unit vectors.
@inline(__always)
private func dist(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
    let d = a - b
    return (d * d).sum().squareRoot()
}
