import SeaIceGDAL

/// Scratch buffers and the per-block steps of `ChannelProcessor` for one worker thread.
struct BlockWorker<Channel: SARChannel> {
    let width: Int, height: Int
    let channel: Channel
    var dn: [UInt16]
    /// σ⁰ − NESZ (or σ⁰ without noise removal), linear, per block row including the halo.
    var signal: [Float]
    var nesz: [Float]
    var smoothed: [Float]
    /// Final full-resolution values of the block's central rows (NaN = no data).
    var values: [Float]
    /// The radiometry of the current row (the channel's calibration and NESZ).
    var radiometry: RadiometryRow
    var g: [Float]

    init(width: Int, height: Int, rows: Int, channel: Channel) {
        self.width = width; self.height = height; self.channel = channel
        dn = [UInt16](repeating: 0, count: width * rows)
        signal = [Float](repeating: 0, count: width * rows)
        nesz = signal; smoothed = signal; values = signal
        radiometry = RadiometryRow(width: width)
        g = [Float](repeating: 0, count: width)
    }

    /// Computes `values` for full-resolution rows y0..<y1 (reading y0 − halo ..< y1 + halo).
    mutating func run(raster: GDALRaster, y0: Int, y1: Int, halo: Int, kernel: GaussianKernel?,
                      config c: PreprocessConfiguration, meanNESZ: Float) throws {
        let W = width
        let ya = max(0, y0 - halo), yb = min(height, y1 + halo)
        try dn.withUnsafeMutableBufferPointer { buf in
            try raster.readUInt16(x: 0, y: ya, width: W, height: yb - ya,
                                  into: UnsafeMutableBufferPointer(rebasing: buf[0..<(W * (yb - ya))]))
        }
        let subtract: Float = c.noise == .none ? 0 : 1
        for r in 0..<(yb - ya) {
            let y = ya + r
            channel.radiometry(line: y, into: &radiometry)
            dn.withUnsafeBufferPointer { d in
                signal.withUnsafeMutableBufferPointer { s in
                    nesz.withUnsafeMutableBufferPointer { n in
                        radiometry.gain.withUnsafeBufferPointer { G in
                            radiometry.offset.withUnsafeBufferPointer { B in
                                radiometry.nesz.withUnsafeBufferPointer { E in
                                    let o = r * W
                                    for x in 0..<W {
                                        let v = Float(d[o + x])
                                        let e = E[x]
                                        n[o + x] = e
                                        s[o + x] = v * v * G[x] + B[x] - subtract * e
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let rows = y1 - y0
        if let k = kernel {
            signal.withUnsafeBufferPointer { s in
                smoothed.withUnsafeMutableBufferPointer { h in
                    for r in 0..<(yb - ya) { k.filterRow(s.baseAddress! + r * W, h.baseAddress! + r * W, count: W) }
                }
            }
            let w = c.textureWeight
            for y in y0..<y1 {
                smoothed.withUnsafeBufferPointer { h in
                    let ptrs = (-k.radius...k.radius).map { h.baseAddress! + (GaussianKernel.reflect(y + $0, height) - ya) * W }
                    g.withUnsafeMutableBufferPointer { k.combineRows(ptrs, $0.baseAddress!, count: W) }
                }
                let o = (y - ya) * W, vo = (y - y0) * W
                signal.withUnsafeBufferPointer { s in
                    nesz.withUnsafeBufferPointer { n in
                        g.withUnsafeBufferPointer { G in
                            values.withUnsafeMutableBufferPointer { v in
                                for x in 0..<W {
                                    let e = n[o + x]
                                    if e > 0 {
                                        let snr = G[x] / e
                                        v[vo + x] = (w * G[x] + snr * s[o + x]) / (w + snr) + meanNESZ
                                    } else {
                                        v[vo + x] = s[o + x] + meanNESZ
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            let o = (y0 - ya) * W
            for i in 0..<(rows * W) { values[i] = signal[o + i] }
        }
        let o = (y0 - ya) * W
        for i in 0..<(rows * W) where dn[o + i] == 0 { values[i] = .nan }
    }

    /// Block-means `values` (rows y0..<y1, a multiple of `factor`) into output rows y0/f ..< y1/f.
    func multilook(y0: Int, y1: Int, factor f: Int, outWidth: Int, config c: PreprocessConfiguration,
                   decibels: Bool, into out: UnsafeMutableBufferPointer<Float>) {
        let W = width
        values.withUnsafeBufferPointer { v in
            for oy in (y0 / f)..<(y1 / f) {
                let base = (oy * f - y0) * W
                for ox in 0..<outWidth {
                    var sum: Float = 0, n = 0
                    for dy in 0..<f {
                        let row = base + dy * W + ox * f
                        for dx in 0..<f {
                            let x = v[row + dx]
                            if !x.isNaN { sum += x; n += 1 }
                        }
                    }
                    var m: Float = n > 0 ? sum / Float(n) : .nan
                    if m <= 0 { m = c.negativePower == .clampToFloor ? c.powerFloor : .nan }
                    out[oy * outWidth + ox] = decibels ? 10 * log10f(m) : m
                }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
