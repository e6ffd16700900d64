import Foundation
import SeaIceCore

/// Typed choices of swath-to-grid resampling (`SwathGridResampler`).
///
/// Distances are chord lengths between points on a sphere of radius 6 370 997 m (what pyresample's
/// `kd_tree` measures, so the two agree sample for sample); Gaussian weights are exp(−d²/σ²), pyresample's
/// `resample_gauss` definition (σ here is √2 × the standard deviation of a normal kernel).
public struct GridResamplingConfiguration: Codable, Sendable, Equatable {
    /// How samples become cell values.
    public enum Method: String, Codable, Sendable, CaseIterable {
        /// Drop-in-the-bucket: the mean of every valid sample whose projected position falls inside the cell
        /// (NSIDC-0802-style "drop in the bucket" gridding); no radius.
        case bucket
        /// The nearest valid sample within the radius of influence (pyresample `resample_nearest`).
        case nearest
        /// Σ wᵢxᵢ / Σ wᵢ over the `neighbours` nearest samples within the radius, wᵢ = exp(−dᵢ²/σ²)
        /// (pyresample `resample_gauss`): a footprint-aware average.
        case gaussian
    }

    /// The method (default gaussian).
    public var method: Method = .gaussian
    /// Radius of influence, metres: samples farther from a cell centre are ignored (nearest, gaussian).
    public var radiusOfInfluence: Double = 10_000
    /// Gaussian σ, metres.
    public var sigma: Double = 5_000
    /// Most samples per cell, nearest first (pyresample's `neighbours`, default 8; nearest uses the first valid).
    public var neighbours: Int = 8

    /// Sphere radius of the distance computation, metres (pyresample's `Cartesian` value).
    public static let earthRadius = 6_370_997.0

    /// The defaults: Gaussian, 10 km radius, σ 5 km, 8 neighbours (for AMSR2's ~10 km sampling at 36.5 GHz).
    public init() {}

    /// A configuration.
    public init(method: Method, radiusOfInfluence: Double = 10_000, sigma: Double = 5_000, neighbours: Int = 8) {
        self.method = method
        self.radiusOfInfluence = radiusOfInfluence
        self.sigma = sigma
        self.neighbours = neighbours
    }

    /// Checks the numbers.
    /// - Throws: `SeaIceError.configuration` naming the key: radius and σ must be finite and > 0 (radius
    ///   ≤ 200 km), neighbours 1…64.
    public func validate() throws {
        guard radiusOfInfluence.isFinite, radiusOfInfluence > 0, radiusOfInfluence <= 200_000 else {
            throw SeaIceError.configuration("resampling radiusOfInfluence \(radiusOfInfluence) m: expected 0 < r ≤ 200000")
        }
        guard sigma.isFinite, sigma > 0 else {
            throw SeaIceError.configuration("resampling sigma \(sigma) m: expected a finite value > 0")
        }
        guard (1...64).contains(neighbours) else {
            throw SeaIceError.configuration("resampling neighbours \(neighbours): expected 1…64")
        }
    }
}
