import SeaIceAI4Arctic

/// Sub-pixel-aligned sampling of the 2 km AMSR2/ERA5 grid at downscaled patch pixels.
///
/// Downscaled pixel i (scene index, factor f) stands for the 80 m continuous coordinate
/// y(i) = f·i + ½ with `nearest` downsampling (the 80 m pixel f·i) or y(i) = f·i + f/2 with
/// `blockMean` (the block centre). The 2 km cell-index coordinate (cell k's centre at k, cells of
/// c = 25 pixels at 80 m) is u = y / c − ½, and the value is interpolated bilinearly between cells
/// ⌊u⌋ and ⌊u⌋ + 1, u clamped to [0, K − 1] (edge cells extend to the scene border).
///
/// The reference code (MMSeaIce `loaders.py`) crops cells from ⌊row·f / c⌋ and resizes the crop to
/// the patch, with the sub-cell offset computed by an `int()` of a fraction that is always 0: its
/// patches are misaligned by up to one 2 km cell. This type computes the offset exactly.
public enum TwoKmSampling {
    /// The 80 m continuous coordinate represented by downscaled pixel index `i`.
    @inlinable
    public static func position(ofDownscaled i: Int, factor f: Int, downsampling: Downsampling) -> Double {
        switch downsampling {
        case .nearest: return Double(f * i) + 0.5
        case .blockMean: return Double(f * i) + Double(f) / 2
        }
    }

    /// Bilinear weights along one axis: for each patch pixel, lower cell, upper cell and upper weight.
    public struct AxisWeights: Sendable, Equatable {
        /// Lower cell index per patch pixel.
        public let lower: [Int]
        /// Upper cell index per patch pixel (= lower at the clamped edges).
        public let upper: [Int]
        /// Weight of the upper cell, in [0, 1].
        public let fraction: [Float]
    }

    /// Weights for patch pixels `start ..< start + count` (downscaled scene indices) on an axis of `cells` cells.
    public static func weights(start: Int, count: Int, factor: Int, downsampling: Downsampling,
                               pixelsPerCell c: Int, cells: Int) -> AxisWeights {
        precondition(cells > 0, "2 km grid has no cells")
        var lower = [Int](), upper = [Int](), fraction = [Float]()
        lower.reserveCapacity(count); upper.reserveCapacity(count); fraction.reserveCapacity(count)
        for i in start..<(start + count) {
            let y = position(ofDownscaled: i, factor: factor, downsampling: downsampling)
            let u = min(max(y / Double(c) - 0.5, 0), Double(cells - 1))
            let k0 = min(Int(u.rounded(.down)), cells - 1)
            lower.append(k0)
            upper.append(min(k0 + 1, cells - 1))
            fraction.append(Float(u - Double(k0)))
        }
        return AxisWeights(lower: lower, upper: upper, fraction: fraction)
    }

    /// Samples a row-major `lines × samples` 2 km field at the patch pixels given by the row and column weights,
    /// writing `rows.lower.count × cols.lower.count` values row-major into `out`.
    public static func sample(_ field: [Float], samples: Int, rows: AxisWeights, cols: AxisWeights,
                              into out: inout ArraySlice<Float>) {
        let h = rows.lower.count, w = cols.lower.count
        precondition(out.count == h * w, "output holds \(out.count) values for \(h) × \(w)")
        field.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                var i = 0
                for a in 0..<h {
                    let r0 = rows.lower[a] * samples, r1 = rows.upper[a] * samples, fy = rows.fraction[a]
                    for b in 0..<w {
                        let c0 = cols.lower[b], c1 = cols.upper[b], fx = cols.fraction[b]
                        let top = v[r0 + c0] + (v[r0 + c1] - v[r0 + c0]) * fx
                        let bottom = v[r1 + c0] + (v[r1 + c1] - v[r1 + c0]) * fx
                        o[i] = top + (bottom - top) * fy
                        i += 1
                    }
                }
            }
        }
    }
}
