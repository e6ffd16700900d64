import Foundation

/// A smooth random field in space and time whose value at every point is exactly N(0, 1).
///
/// Independent N(0, 1) values sit on a lattice of `scale` kilometres in space and `period` days in time;
/// the field is their smooth-step (trilinear) interpolation divided by √Σw², which keeps the variance at 1
/// everywhere. The lattice of each time step is shifted by `drift` × time (advection), so features move
/// and persist: two days `period` apart are independent, consecutive days correlate. Two octaves (the
/// second at half the scale and weight ½). Stateless (`LatticeNoise` bits): any window, any order, any
/// thread gives the same values. Coordinates in km (a polar-stereographic plane), time in days.
public struct SmoothGaussianField: Sendable {
    /// Lattice keys (one per octave).
    let octaves: [LatticeNoise]
    /// Feature size, km; time step, days; drift of the lattice, km/day along x and y.
    public let scale: Double, period: Double, drift: (x: Double, y: Double)

    /// A field keyed by `seed`.
    public init(seed: UInt64, scale: Double, period: Double, drift: (x: Double, y: Double) = (0, 0)) {
        octaves = (0..<2).map { LatticeNoise(seed: seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        self.scale = scale
        self.period = period
        self.drift = drift
    }

    /// The N(0, 1) value at (x, y) km and time `day` (days).
    public func value(x: Double, y: Double, day: Double) -> Double {
        let a = Self.octave(octaves[0], x - drift.x * day, y - drift.y * day, day / period, scale)
        let b = Self.octave(octaves[1], x - drift.x * day, y - drift.y * day, day / period, scale / 2)
        return (a + 0.5 * b) / 1.25.squareRoot()
    }

    /// A standard normal value for lattice node (i, j, k) (Box–Muller on its 64 bits).
    @inline(__always)
    static func normal(_ noise: LatticeNoise, _ i: Int, _ j: Int, _ k: Int) -> Double {
        let bits = noise.bits(i, j, UInt64(bitPattern: Int64(k)) &+ 0x5851_F42D)
        let u1 = (Double(bits >> 32) + 0.5) / 4_294_967_296.0
        let u2 = Double(bits & 0xFFFF_FFFF) / 4_294_967_296.0
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    static func octave(_ noise: LatticeNoise, _ x: Double, _ y: Double, _ t: Double, _ scale: Double) -> Double {
        let fx = x / scale
        let fy = y / scale
        let x0 = fx.rounded(.down)
        let y0 = fy.rounded(.down)
        let t0 = t.rounded(.down)
        func smooth(_ u: Double) -> Double { u * u * (3 - 2 * u) }
        let wx = smooth(fx - x0)
        let wy = smooth(fy - y0)
        let wt = smooth(t - t0)
        let ix = Int(x0)
        let iy = Int(y0)
        let it = Int(t0)
        var sum = 0.0
        var norm = 0.0
        for dt in 0...1 {
            let a = dt == 0 ? 1 - wt : wt
            for dy in 0...1 {
                let b = a * (dy == 0 ? 1 - wy : wy)
                for dx in 0...1 {
                    let w = b * (dx == 0 ? 1 - wx : wx)
                    sum += w * normal(noise, ix + dx, iy + dy, it + dt)
                    norm += w * w
                }
            }
        }
        return sum / norm.squareRoot()
    }

    /// The standard normal cumulative distribution Φ(z).
    public static func cumulative(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
