import Foundation
import SeaIceCore

/// Bilinear interpolation on a regular latitude/longitude grid (ERA5 0.25° single levels), any axis order.
///
/// Latitude may be ascending or descending (ERA5: 90 → −90); longitude ascending in 0..360 or −180..180.
/// A global longitude axis (its spacing closes the circle) wraps between the last and first column.
/// Field values are row-major (latitude, longitude) as stored in the file; NaN corners with non-zero weight give NaN.
public struct LatLonInterpolator: Sendable {
    /// Latitudes and longitudes of the grid as in the file, degrees.
    public let latitudes: [Double], longitudes: [Double]
    /// Where a target point falls: the four corner indices into the field and their weights.
    public struct Stencil: Sendable, Equatable {
        /// Flat (latitude, longitude) indices of the four corners.
        public var index: [Int]
        /// Bilinear weights of the four corners (sum 1).
        public var weight: [Double]
    }
    private let ascendingLat: Bool
    private let global: Bool

    /// An interpolator over `latitudes` × `longitudes`.
    /// - Throws: `SeaIceError.invalidInput` naming `file` when an axis has fewer than 2 values or is not monotonic.
    public init(latitudes: [Double], longitudes: [Double], file: String) throws {
        guard latitudes.count >= 2, longitudes.count >= 2 else {
            throw SeaIceError.invalidInput(file: file, item: "latitude × longitude \(latitudes.count) × \(longitudes.count)", expected: "at least 2 × 2 grid points")
        }
        let dLat = zip(latitudes.dropFirst(), latitudes).map { $0 - $1 }
        guard dLat.allSatisfy({ $0 > 0 }) || dLat.allSatisfy({ $0 < 0 }) else {
            throw SeaIceError.invalidInput(file: file, item: "variable `latitude`", expected: "strictly monotonic values")
        }
        guard zip(longitudes.dropFirst(), longitudes).allSatisfy({ $0 > $1 }) else {
            throw SeaIceError.invalidInput(file: file, item: "variable `longitude`", expected: "strictly increasing values")
        }
        self.latitudes = latitudes
        self.longitudes = longitudes
        ascendingLat = dLat[0] > 0
        let step = longitudes[1] - longitudes[0]
        global = abs(longitudes[longitudes.count - 1] - longitudes[0] + step - 360) < step * 0.01
    }

    /// The stencil at (`latitude`, `longitude`) degrees, nil when the point lies outside the grid.
    public func stencil(latitude: Double, longitude: Double) -> Stencil? {
        let nLat = latitudes.count, nLon = longitudes.count
        // Latitude: index i of the row before the point in file order, and fraction towards row i + 1.
        let lat = ascendingLat ? latitudes : latitudes.reversed()
        guard latitude >= lat[0] - 1e-9, latitude <= lat[nLat - 1] + 1e-9 else { return nil }
        var lo = 0, hi = nLat - 1
        while hi - lo > 1 { let m = (lo + hi) / 2; if lat[m] <= latitude { lo = m } else { hi = m } }
        let fy = min(1, max(0, (latitude - lat[lo]) / (lat[hi] - lat[lo])))
        let (r0, r1) = ascendingLat ? (lo, hi) : (nLat - 1 - lo, nLat - 1 - hi)
        // Longitude relative to the first column, in [0, 360).
        var x = (longitude - longitudes[0]).truncatingRemainder(dividingBy: 360)
        if x < 0 { x += 360 }
        let span = longitudes[nLon - 1] - longitudes[0]
        let c0: Int, c1: Int, fx: Double
        if x <= span + 1e-9 {
            var a = 0, b = nLon - 1
            let target = longitudes[0] + x
            while b - a > 1 { let m = (a + b) / 2; if longitudes[m] <= target { a = m } else { b = m } }
            c0 = a; c1 = b
            fx = min(1, max(0, (target - longitudes[a]) / (longitudes[b] - longitudes[a])))
        } else if global {
            c0 = nLon - 1; c1 = 0
            fx = (x - span) / (360 - span)
        } else if 360 - x < 1e-9 {
            c0 = 0; c1 = 1; fx = 0
        } else {
            return nil
        }
        return Stencil(index: [r0 * nLon + c0, r0 * nLon + c1, r1 * nLon + c0, r1 * nLon + c1],
                       weight: [(1 - fy) * (1 - fx), (1 - fy) * fx, fy * (1 - fx), fy * fx])
    }

    /// Applies a stencil to a row-major (latitude, longitude) field.
    public static func apply(_ s: Stencil, to field: [Double]) -> Double {
        var sum = 0.0
        for k in 0..<4 where s.weight[k] > 0 {
            let v = field[s.index[k]]
            if v.isNaN { return .nan }
            sum += s.weight[k] * v
        }
        return sum
    }
}
