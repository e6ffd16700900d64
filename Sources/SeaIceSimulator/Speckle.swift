import SeaIceCore

/// Multiplicative SAR speckle: Gamma(L, 1/L) deviates of unit mean for L looks.
///
/// Marsaglia & Tsang (2000) "A simple method for generating gamma variables" for L < 20; for
/// L ≥ 20 (multilooked pixels) the Wilson–Hilferty cube of a normal deviate,
/// (1 − 1/(9L) + z/√(9L))³, whose mean and variance match Gamma(L, 1/L) to O(1/L²).
/// The intensity of an L-look image is Gamma distributed with shape L (Goodman 1976).
public struct Speckle: Sendable {
    /// Equivalent number of looks.
    public let looks: Double
    let d: Double, c: Double, wh: Double

    /// Speckle with `looks` (≥ 1) equivalent looks.
    public init(looks: Double) {
        precondition(looks >= 1, "speckle needs at least one look, got \(looks)")
        self.looks = looks
        d = looks - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
        wh = 1 / (9 * looks).squareRoot()
    }

    /// One unit-mean Gamma deviate.
    @inline(__always)
    public func sample(_ g: inout SeededGenerator) -> Double {
        if looks >= 20 {
            let x = 1 - 1 / (9 * looks) + g.nextGaussian() * wh
            return max(x, 0) * max(x, 0) * max(x, 0)
        }
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = g.nextGaussian()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = g.nextUnitDouble()
            if u < 1 - 0.0331 * x * x * x * x { return d * v / looks }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v / looks }
        }
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
