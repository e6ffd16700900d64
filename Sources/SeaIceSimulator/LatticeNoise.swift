import SeaIceCore

/// Stateless random values on an integer lattice, keyed by a seed drawn from a `SeededGenerator`.
///
/// Each lattice value is the SplitMix64 finaliser of (seed, x, y), so a field can be evaluated
/// at any point, in any order and on any thread with the same result: this is what keeps the
/// parallel simulator deterministic. Smooth fields (value-noise fBm) and cellular fields
/// (Worley nearest / second-nearest feature points) are built on it. Coordinates are in
/// kilometres throughout the simulator.
public struct LatticeNoise: Sendable {
    /// The key of this field.
    public let seed: UInt64

    /// A field keyed by the next value of `generator`.
    public init(_ generator: inout SeededGenerator) { seed = generator.next() }

    /// A field with an explicit key.
    public init(seed: UInt64) { self.seed = seed }

    /// 64 random bits for lattice point (x, y) and channel `k`.
    @inline(__always)
    public func bits(_ x: Int, _ y: Int, _ k: UInt64 = 0) -> UInt64 {
        var z = seed &+ UInt64(bitPattern: Int64(x)) &* 0x9E37_79B9_7F4A_7C15
        z ^= UInt64(bitPattern: Int64(y)) &* 0xC2B2_AE3D_27D4_EB4F
        z &+= k &* 0x1656_67B1_9E37_79F9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1) for lattice point (x, y), channel `k`.
    @inline(__always)
    public func unit(_ x: Int, _ y: Int, _ k: UInt64 = 0) -> Double {
        Double(bits(x, y, k) >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Smooth value noise in [−1, 1] with feature size `scale` (same unit as x, y).
    public func value(_ x: Double, _ y: Double, scale: Double) -> Double {
        let fx = x / scale, fy = y / scale
        let x0 = fx.rounded(.down), y0 = fy.rounded(.down)
        let ix = Int(x0), iy = Int(y0)
        var u = fx - x0, v = fy - y0
        u = u * u * (3 - 2 * u); v = v * v * (3 - 2 * v)
        let a = unit(ix, iy), b = unit(ix + 1, iy), c = unit(ix, iy + 1), d = unit(ix + 1, iy + 1)
        return 2 * ((a * (1 - u) + b * u) * (1 - v) + (c * (1 - u) + d * u) * v) - 1
    }

    /// Fractal (fBm) value noise: `octaves` octaves from `scale` down, each half the size and
    /// `gain` times the amplitude; normalised to roughly [−1, 1].
    public func fbm(_ x: Double, _ y: Double, scale: Double, octaves: Int = 4, gain: Double = 0.5) -> Double {
        var sum = 0.0, amp = 1.0, norm = 0.0, s = scale
        for o in 0..<octaves {
            let shifted = LatticeNoise(seed: seed &+ UInt64(o) &* 0xA24B_AED4_963E_E407)
            sum += amp * shifted.value(x, y, scale: s)
            norm += amp; amp *= gain; s *= 0.5
        }
        return sum / norm
    }

    /// Cellular (Worley) noise with one jittered feature point per `scale` × `scale` cell:
    /// distances to the nearest and second-nearest points (in x/y units) and the nearest cell's key.
    public func worley(_ x: Double, _ y: Double, scale: Double) -> (f1: Double, f2: Double, cell: UInt64) {
        let fx = x / scale, fy = y / scale
        let cx = Int(fx.rounded(.down)), cy = Int(fy.rounded(.down))
        var f1 = Double.infinity, f2 = Double.infinity, best: UInt64 = 0
        for dy in -1...1 {
            for dx in -1...1 {
                let gx = cx + dx, gy = cy + dy
                let h = bits(gx, gy, 7)
                let px = Double(gx) + Double(h & 0xFFFF) / 65536.0
                let py = Double(gy) + Double((h >> 16) & 0xFFFF) / 65536.0
                // Squared distances compare like distances: two square roots at the end instead of nine.
                let d = (px - fx) * (px - fx) + (py - fy) * (py - fy)
                if d < f1 { f2 = f1; f1 = d; best = h } else if d < f2 { f2 = d }
            }
        }
        return (f1.squareRoot() * scale, f2.squareRoot() * scale, best)
    }
}
