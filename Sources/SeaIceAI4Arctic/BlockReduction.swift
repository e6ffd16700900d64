/// Block reductions of row-major rasters (`rows × cols`, row-major, one channel).
///
/// The output has ⌈rows / f⌉ × ⌈cols / f⌉ pixels; output pixel (i, j) reduces the input block
/// [f·i, f·i + f) × [f·j, f·j + f) clipped to the raster, so a partial block at the bottom or
/// right edge still yields a pixel from the input pixels it has. This is the organisers' raw → ready
/// rule with f = 2 (2 × 2 mean for SAR, incidence angle and distance map; 2 × 2 max for charts) and
/// the reference downscaling of MMSeaIce with f = 10 (`nearest`).
public enum BlockReduction {
    /// Output extent along one axis for input extent `n` and factor `f`: ⌈n / f⌉.
    @inlinable public static func reducedExtent(_ n: Int, _ f: Int) -> Int { (n + f - 1) / f }

    /// Block mean. NaN propagates (a block with any NaN is NaN), as numpy's mean does.
    public static func mean(_ input: [Float], rows: Int, cols: Int, factor f: Int) -> [Float] {
        precondition(input.count == rows * cols && f > 0, "mean: \(input.count) values for \(rows) × \(cols), factor \(f)")
        let outRows = reducedExtent(rows, f), outCols = reducedExtent(cols, f)
        var out = [Float](repeating: 0, count: outRows * outCols)
        input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<outRows {
                    let r0 = i * f, r1 = min(r0 + f, rows)
                    for j in 0..<outCols {
                        let c0 = j * f, c1 = min(c0 + f, cols)
                        var sum: Double = 0
                        for r in r0..<r1 {
                            let base = r * cols
                            for c in c0..<c1 { sum += Double(src[base + c]) }
                        }
                        dst[i * outCols + j] = Float(sum / Double((r1 - r0) * (c1 - c0)))
                    }
                }
            }
        }
        return out
    }

    /// Block maximum (labels: a block with any 255 = masked pixel becomes 255).
    public static func max(_ input: [UInt8], rows: Int, cols: Int, factor f: Int) -> [UInt8] {
        precondition(input.count == rows * cols && f > 0, "max: \(input.count) values for \(rows) × \(cols), factor \(f)")
        let outRows = reducedExtent(rows, f), outCols = reducedExtent(cols, f)
        var out = [UInt8](repeating: 0, count: outRows * outCols)
        input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<outRows {
                    let r0 = i * f, r1 = min(r0 + f, rows)
                    for j in 0..<outCols {
                        let c0 = j * f, c1 = min(c0 + f, cols)
                        var m: UInt8 = 0
                        for r in r0..<r1 {
                            let base = r * cols
                            for c in c0..<c1 where src[base + c] > m { m = src[base + c] }
                        }
                        dst[i * outCols + j] = m
                    }
                }
            }
        }
        return out
    }

    /// Nearest subsampling: output (i, j) = input (f·i + o, f·j + o), clipped to the last row/column.
    /// With o = 0 (top-left) this is what `torch.nn.functional.interpolate(scale_factor = 1/f, mode = 'nearest')`
    /// picks (MMSeaIce's downscaling), but with ⌈n / f⌉ pixels.
    public static func nearest<T>(_ input: [T], rows: Int, cols: Int, factor f: Int, offset o: Int = 0) -> [T] {
        precondition(input.count == rows * cols && f > 0 && o >= 0, "nearest: \(input.count) values for \(rows) × \(cols), factor \(f), offset \(o)")
        let outRows = reducedExtent(rows, f), outCols = reducedExtent(cols, f)
        var out: [T] = []
        out.reserveCapacity(outRows * outCols)
        for i in 0..<outRows {
            let base = min(i * f + o, rows - 1) * cols
            for j in 0..<outCols { out.append(input[base + min(j * f + o, cols - 1)]) }
        }
        return out
    }
}
