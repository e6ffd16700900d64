/// A normalised 1-D Gaussian kernel applied separably with "reflect" boundaries.
///
/// Matches `scipy.ndimage.gaussian_filter(x, sigma)` (truncate 4.0, mode "reflect":
/// d c b a | a b c d | d c b a), which NERSC's texture-noise correction uses.
public struct GaussianKernel: Sendable {
    /// Standard deviation in pixels.
    public let sigma: Double
    /// Half width: `Int(4·σ + 0.5)`.
    public let radius: Int
    /// The 2·radius + 1 weights, summing to 1.
    public let weights: [Float]

    /// A kernel of standard deviation `sigma` pixels (> 0).
    public init(sigma: Double) {
        precondition(sigma > 0, "Gaussian sigma \(sigma)")
        self.sigma = sigma
        radius = Int(4 * sigma + 0.5)
        var w = (-radius...radius).map { Double($0) }.map { exp(-0.5 * $0 * $0 / (sigma * sigma)) }
        let s = w.reduce(0, +)
        w = w.map { $0 / s }
        weights = w.map { Float($0) }
    }

    /// The index `i` reflected into `0..<n` (scipy "reflect").
    @inline(__always)
    public static func reflect(_ i: Int, _ n: Int) -> Int {
        var i = i
        if n == 1 { return 0 }
        while i < 0 || i >= n {
            if i < 0 { i = -i - 1 }
            if i >= n { i = 2 * n - i - 1 }
        }
        return i
    }

    /// Filters one row `src[0..<n]` along its length into `dst` (8 outputs at a time in the interior).
    public func filterRow(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, count n: Int) {
        weights.withUnsafeBufferPointer { w in
            let r = radius, taps = 2 * r + 1
            let interiorEnd = n - r
            var x = r
            if interiorEnd > r {
                let raw = UnsafeRawPointer(src)
                while x + 8 <= interiorEnd {
                    var acc = SIMD8<Float>(repeating: 0)
                    for k in 0..<taps {
                        acc += w[k] * raw.loadUnaligned(fromByteOffset: (x - r + k) * 4, as: SIMD8<Float>.self)
                    }
                    UnsafeMutableRawPointer(dst).storeBytes(of: acc, toByteOffset: x * 4, as: SIMD8<Float>.self)
                    x += 8
                }
            }
            for i in 0..<n where i < r || i >= x {
                var acc: Float = 0
                for k in 0..<taps { acc += w[k] * src[GaussianKernel.reflect(i + k - r, n)] }
                dst[i] = acc
            }
        }
    }

    /// Filters across rows: `dst[x] = Σ_k w[k] · rows[k][x]` for 2·radius + 1 row pointers (already reflected by the caller).
    public func combineRows(_ rows: [UnsafePointer<Float>], _ dst: UnsafeMutablePointer<Float>, count n: Int) {
        precondition(rows.count == weights.count, "\(rows.count) rows for a kernel of \(weights.count)")
        weights.withUnsafeBufferPointer { w in
            rows.withUnsafeBufferPointer { rp in
                var x = 0
                while x + 8 <= n {
                    var acc = SIMD8<Float>(repeating: 0)
                    for k in 0..<rp.count {
                        acc += w[k] * UnsafeRawPointer(rp[k]).loadUnaligned(fromByteOffset: x * 4, as: SIMD8<Float>.self)
                    }
                    UnsafeMutableRawPointer(dst).storeBytes(of: acc, toByteOffset: x * 4, as: SIMD8<Float>.self)
                    x += 8
                }
                while x < n {
                    var acc: Float = 0
                    for k in 0..<rp.count { acc += w[k] * rp[k][x] }
                    dst[x] = acc
                    x += 1
                }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
