import Foundation
import SeaIceCore
import SeaIceSentinel1

/// The real thermal-noise pattern of a Sentinel-1 EW product, evaluated at the fractional product
/// coordinates of a simulated grid.
///
/// Noise power N(line, pixel) = range LUT × azimuth LUT; NESZ = N / A², with A the sigmaNought
/// calibration LUT (`../shared/specs/sentinel1.md`). The range LUT carries the sub-swath
/// scalloping in range, the azimuth blocks carry the per-sub-swath azimuth modulation. The vectors are
/// read by SeaIceSentinel1 (`NoiseAnnotation`, `CalibrationAnnotation`).
///
/// The evaluation is the simulator's own, not `NoiseAnnotation.row(at:into:)` and `LineVectorTable`,
/// because it means something else: it takes fractional lines and pixels of a rescaled window, in
/// Double (the preprocessor fills whole integer image rows in Float); where both range vectors around a
/// line are zero (the first lines, outside the imaged sub-swaths) it takes the next vector that has a value;
/// it holds the azimuth LUT constant beyond its end nodes (the preprocessor extends it linearly, as
/// sentinel1denoised does) and counts a block's last sample + 1 as inside the block.
public struct NoisePattern: Sendable {
    struct AzimuthBlock: Sendable {
        var swath: Int
        var firstLine: Double, lastLine: Double, firstSample: Double, lastSample: Double
        var lines: [Double], values: [Double]
    }
    let range: [LineVector]
    let azimuth: [AzimuthBlock]
    let calibration: [LineVector]
    /// Noise and calibration files read.
    public let sources: [String]

    /// Reads the noise and calibration XML of one polarisation of a product `width` samples wide.
    /// - Throws: `SeaIceError` naming the file when it is missing or malformed, or has fewer than 2 range
    ///   noise or calibration vectors.
    public init(noise: URL, calibration cal: URL, width: Int) throws {
        let n = try NoiseAnnotation(data: try SimulatorResources.contents(of: noise), file: noise.path, width: width)
        let c = try CalibrationAnnotation(data: try SimulatorResources.contents(of: cal), file: cal.path, width: width)
        guard n.range.vectors.count >= 2, c.sigmaNought.vectors.count >= 2 else {
            throw SeaIceError.missing(file: noise.path, item: "noiseRangeVectorList / calibrationVectorList with at least 2 vectors")
        }
        range = n.range.vectors
        azimuth = n.azimuthBlocks.map {
            AzimuthBlock(swath: Int($0.swath.filter(\.isNumber)) ?? 0,
                         firstLine: Double($0.firstLine), lastLine: Double($0.lastLine),
                         firstSample: Double($0.firstSample), lastSample: Double($0.lastSample),
                         lines: $0.lines, values: $0.values)
        }
        calibration = c.sigmaNought.vectors
        sources = [noise.lastPathComponent, cal.lastPathComponent]
    }

    /// Noise-equivalent σ⁰ (linear) at product coordinates.
    public func nesz(line: Double, pixel: Double) -> Double { row(line: line).nesz(pixel: pixel) }

    /// The sub-swath number (1…5 for EW) at product coordinates, 0 when no block covers it.
    public func swath(line: Double, pixel: Double) -> Int { row(line: line).swath(pixel: pixel) }

    /// The noise pattern along one product line, with the per-line lookups done once.
    public struct Row: Sendable {
        let range: [LineVector], calibration: [LineVector]
        let rangeLo: Int, rangeHi: Int, rangeT: Double
        let calLo: Int, calHi: Int, calT: Double
        let blocks: [(first: Double, last: Double, swath: Int, gain: Double)]

        /// NESZ (linear σ⁰) at product pixel `pixel` of this line.
        public func nesz(pixel: Double) -> Double {
            let a0 = NoisePattern.linear(calibration[calLo].pixels, calibration[calLo].values, pixel)
            let a1 = NoisePattern.linear(calibration[calHi].pixels, calibration[calHi].values, pixel)
            let a = a0 + (a1 - a0) * calT
            var n0 = NoisePattern.linear(range[rangeLo].pixels, range[rangeLo].values, pixel)
            var n1 = NoisePattern.linear(range[rangeHi].pixels, range[rangeHi].values, pixel)
            if n0 <= 0 && n1 <= 0 {
                // Outside the imaged sub-swaths of both vectors (first lines): the next vector that has it.
                for k in (rangeHi + 1)..<max(rangeHi + 1, range.count) {
                    let c = NoisePattern.linear(range[k].pixels, range[k].values, pixel)
                    if c > 0 { n0 = c; n1 = c; break }
                }
            } else if n0 <= 0 { n0 = n1 } else if n1 <= 0 { n1 = n0 }
            let n = (n0 + (n1 - n0) * rangeT) * gain(pixel)
            return a > 0 ? n / (a * a) : 0
        }

        /// NESZ (linear σ⁰) at ascending product pixels `pixels`, by one sweep through the vectors
        /// instead of a search per pixel; equal to `nesz(pixel:)` at every pixel.
        public func nesz(ascending pixels: [Double]) -> [Double] {
            let a0 = NoisePattern.sweep(calibration[calLo], pixels), a1 = NoisePattern.sweep(calibration[calHi], pixels)
            let n0 = NoisePattern.sweep(range[rangeLo], pixels), n1 = NoisePattern.sweep(range[rangeHi], pixels)
            var out = [Double](repeating: 0, count: pixels.count)
            for k in pixels.indices {
                var r0 = n0[k], r1 = n1[k]
                if r0 <= 0 && r1 <= 0 { out[k] = nesz(pixel: pixels[k]); continue }
                if r0 <= 0 { r0 = r1 } else if r1 <= 0 { r1 = r0 }
                let a = a0[k] + (a1[k] - a0[k]) * calT
                let n = (r0 + (r1 - r0) * rangeT) * gain(pixels[k])
                out[k] = a > 0 ? n / (a * a) : 0
            }
            return out
        }

        /// Sub-swath number at `pixel` (0 when no azimuth block covers it).
        public func swath(pixel: Double) -> Int {
            blocks.first { pixel >= $0.first && pixel <= $0.last + 1 }?.swath ?? 0
        }

        func gain(_ pixel: Double) -> Double {
            for b in blocks where pixel >= b.first && pixel <= b.last + 1 { return b.gain }
            return 1
        }
    }

    /// The per-line evaluator for product line `line`.
    public func row(line: Double) -> Row {
        func bracket(_ vs: [LineVector]) -> (Int, Int, Double) {
            var hi = vs.firstIndex { Double($0.line) > line } ?? vs.count - 1
            if hi == 0 { hi = 1 }
            let lo = hi - 1
            let l0 = Double(vs[lo].line), l1 = Double(vs[hi].line)
            return (lo, hi, min(max((line - l0) / (l1 - l0), 0), 1))
        }
        let r = bracket(range), c = bracket(calibration)
        let blocks = azimuth.filter { line >= $0.firstLine && line <= $0.lastLine + 1 }
            .map { (first: $0.firstSample, last: $0.lastSample, swath: $0.swath, gain: Self.linear($0.lines, $0.values, line)) }
        return Row(range: range, calibration: calibration, rangeLo: r.0, rangeHi: r.1, rangeT: r.2,
                   calLo: c.0, calHi: c.1, calT: c.2, blocks: blocks)
    }

    /// `linear` at ascending positions `xs` in one pass.
    static func sweep(_ v: LineVector, _ xs: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: xs.count)
        let px = v.pixels, py = v.values
        var seg = 0
        for (k, x) in xs.enumerated() {
            if x <= px[0] { out[k] = py[0]; continue }
            if x >= px[px.count - 1] { out[k] = py[py.count - 1]; continue }
            while seg < px.count - 2 && px[seg + 1] <= x { seg += 1 }
            let t = (x - px[seg]) / (px[seg + 1] - px[seg])
            out[k] = py[seg] + (py[seg + 1] - py[seg]) * t
        }
        return out
    }

    /// Piecewise-linear interpolation of (xs, ys) at x, held constant beyond the ends.
    static func linear(_ xs: [Double], _ ys: [Double], _ x: Double) -> Double {
        if x <= xs[0] { return ys[0] }
        if x >= xs[xs.count - 1] { return ys[ys.count - 1] }
        var lo = 0, hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        let t = (x - xs[lo]) / (xs[hi] - xs[lo])
        return ys[lo] + (ys[hi] - ys[lo]) * t
    }
}
