/// Nearest-neighbour upsampling from the downscaled grid back to the 80 m grid, as MMSeaIce's
/// `F.interpolate(mode='nearest')`: 80 m pixel (i, j) takes downscaled pixel (⌊i/f⌋, ⌊j/f⌋).
public enum NearestUpsampling {
    /// Upsamples a row-major `rows × cols` plane by `factor` to `lines × samples`
    /// (lines ≤ rows·factor, samples ≤ cols·factor; the excess is cropped).
    public static func upsample<T>(_ input: [T], rows: Int, cols: Int, factor f: Int, lines: Int, samples: Int) -> [T] {
        precondition(input.count == rows * cols && f > 0 && lines <= rows * f && samples <= cols * f,
                     "upsample \(input.count) values of \(rows) × \(cols) by \(f) to \(lines) × \(samples)")
        guard lines > 0, samples > 0, let first = input.first else { return [] }
        var out = [T](repeating: first, count: lines * samples)
        out.withUnsafeMutableBufferPointer { dst in
            input.withUnsafeBufferPointer { src in
                for r in 0..<rows {
                    let y0 = r * f
                    guard y0 < lines else { break }
                    let rowBase = y0 * samples
                    for j in 0..<samples { dst[rowBase + j] = src[r * cols + j / f] }
                    for y in (y0 + 1)..<min(y0 + f, lines) {
                        let base = y * samples
                        for j in 0..<samples { dst[base + j] = dst[rowBase + j] }
                    }
                }
            }
        }
        return out
    }

    /// Upsamples `planes` class-major planes (`planes × rows × cols`) to `planes × lines × samples`.
    public static func upsamplePlanes(_ input: [Float], planes: Int, rows: Int, cols: Int, factor f: Int,
                                      lines: Int, samples: Int) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(planes * lines * samples)
        let n = rows * cols
        for k in 0..<planes {
            out += upsample(Array(input[(k * n)..<((k + 1) * n)]), rows: rows, cols: cols, factor: f, lines: lines, samples: samples)
        }
        return out
    }
}
