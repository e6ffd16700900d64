import Foundation
import SeaIceCore

/// The real thermal-noise pattern of a Sentinel-1 EW product (IPF ≥ 2.9 noise format).
///
/// Noise power N(line, pixel) = range LUT × azimuth LUT; NESZ = N / A², with A the sigmaNought
/// calibration LUT (`../shared/specs/sentinel1.md`). The range LUT carries the sub-swath
/// scalloping in range, the azimuth blocks carry the per-sub-swath azimuth modulation.
public struct NoisePattern: Sendable {
    struct Vector: Sendable { var line: Double; var pixels: [Double]; var values: [Double] }
    struct AzimuthBlock: Sendable {
        var swath: Int
        var firstLine: Double, lastLine: Double, firstSample: Double, lastSample: Double
        var lines: [Double], values: [Double]
    }
    let range: [Vector]
    let azimuth: [AzimuthBlock]
    let calibration: [Vector]
    /// Noise and calibration files read.
    public let sources: [String]

    /// Reads the noise and calibration XML of one polarisation.
    public init(noise: URL, calibration cal: URL) throws {
        let nx = try XMLScan(contentsOf: noise), cx = try XMLScan(contentsOf: cal)
        var rv: [Vector] = []
        for r in nx.elements("noiseRangeVector") {
            let p = try nx.doubles("pixel", in: r), v = try nx.doubles("noiseRangeLut", in: r)
            guard p.count == v.count, !p.isEmpty else {
                throw SeaIceError.invalidInput(file: noise.path, item: "noiseRangeVector", expected: "equal pixel and noiseRangeLut counts")
            }
            rv.append(Vector(line: try nx.double("line", in: r), pixels: p, values: v))
        }
        var blocks: [AzimuthBlock] = []
        for r in nx.elements("noiseAzimuthVector") {
            let swathName = try nx.text("swath", in: r)
            let l = try nx.doubles("line", in: r), v = try nx.doubles("noiseAzimuthLut", in: r)
            guard l.count == v.count, !l.isEmpty else {
                throw SeaIceError.invalidInput(file: noise.path, item: "noiseAzimuthVector", expected: "equal line and noiseAzimuthLut counts")
            }
            blocks.append(AzimuthBlock(swath: Int(swathName.filter(\.isNumber)) ?? 0,
                                       firstLine: try nx.double("firstAzimuthLine", in: r), lastLine: try nx.double("lastAzimuthLine", in: r),
                                       firstSample: try nx.double("firstRangeSample", in: r), lastSample: try nx.double("lastRangeSample", in: r),
                                       lines: l, values: v))
        }
        var cv: [Vector] = []
        for r in cx.elements("calibrationVector") {
            let p = try cx.doubles("pixel", in: r), v = try cx.doubles("sigmaNought", in: r)
            guard p.count == v.count, !p.isEmpty else {
                throw SeaIceError.invalidInput(file: cal.path, item: "calibrationVector", expected: "equal pixel and sigmaNought counts")
            }
            cv.append(Vector(line: try cx.double("line", in: r), pixels: p, values: v))
        }
        guard rv.count >= 2, cv.count >= 2 else {
            throw SeaIceError.missing(file: noise.path, item: "noiseRangeVectorList / calibrationVectorList with at least 2 vectors")
        }
        range = rv; azimuth = blocks; calibration = cv
        sources = [noise.lastPathComponent, cal.lastPathComponent]
    }

    /// Noise-equivalent σ⁰ (linear) at product coordinates.
    public func nesz(line: Double, pixel: Double) -> Double {
        let a = Self.lookup(calibration, line: line, pixel: pixel, skipZeros: false)
        let n = Self.lookup(range, line: line, pixel: pixel, skipZeros: true) * azimuthGain(line: line, pixel: pixel)
        return a > 0 ? n / (a * a) : 0
    }

    /// The sub-swath number (1…5 for EW) at product coordinates, 0 when no block covers it.
    public func swath(line: Double, pixel: Double) -> Int {
        block(line: line, pixel: pixel)?.swath ?? 0
    }

    func block(line: Double, pixel: Double) -> AzimuthBlock? {
        azimuth.first { line >= $0.firstLine && line <= $0.lastLine + 1 && pixel >= $0.firstSample && pixel <= $0.lastSample + 1 }
    }

    func azimuthGain(line: Double, pixel: Double) -> Double {
        guard let b = block(line: line, pixel: pixel) else { return 1 }
        return Self.linear(b.lines, b.values, line)
    }

    /// Linear interpolation in azimuth between the bracketing vectors, each interpolated in range;
    /// with `skipZeros`, zero entries (outside the imaged sub-swaths of a vector) defer to the other vector.
    static func lookup(_ vs: [Vector], line: Double, pixel: Double, skipZeros: Bool) -> Double {
        var hi = vs.firstIndex { $0.line > line } ?? vs.count - 1
        if hi == 0 { hi = 1 }
        let lo = hi - 1
        let a = linear(vs[lo].pixels, vs[lo].values, pixel), b = linear(vs[hi].pixels, vs[hi].values, pixel)
        if skipZeros {
            if a <= 0 && b <= 0 {
                for k in (hi + 1)..<max(hi + 1, vs.count) {
                    let c = linear(vs[k].pixels, vs[k].values, pixel)
                    if c > 0 { return c }
                }
                return 0
            }
            if a <= 0 { return b }
            if b <= 0 { return a }
        }
        let t = min(max((line - vs[lo].line) / (vs[hi].line - vs[lo].line), 0), 1)
        return a + (b - a) * t
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
