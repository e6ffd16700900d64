import Foundation
import SeaIceCore

/// One annotated vector of a `LineVectorTable`: an image line and the table's values at pixel positions along it.
public struct LineVector: Sendable, Equatable {
    /// Image line (row) of the vector.
    public var line: Int
    /// Pixel positions, non-decreasing.
    public var pixels: [Double]
    /// Table values at `pixels` (units of the table: DN² for noise, amplitude gain per DN for calibration).
    public var values: [Double]
}

/// A look-up table given at sparse (line, pixel) nodes: one vector of pixel positions and values per annotated line.
///
/// The layout of the calibration (`sigmaNought`) and range-noise (`noiseRangeLut`, `noiseLut`)
/// annotations. `row(at:)` evaluates it bilinearly (linear in pixel along each vector, then
/// linear in line between the two vectors around the line), as ESA's Sentinel-1 Level-1
/// calibration note (ESA-EOPG-CSCOP-TN-0002) and SNAP do; outside the annotated range the
/// nearest vector/pixel is used (constant extrapolation).
public struct LineVectorTable: Sendable {
    /// Annotated lines, ascending.
    public let lines: [Int]
    /// The annotated vectors as parsed (one per line of `lines`, same order), for callers that interpolate them
    /// otherwise than `row(at:)` (the scene simulator evaluates them at fractional product coordinates).
    public let vectors: [LineVector]
    /// For each annotated line, the table expanded to every pixel `0..<width`.
    private let expanded: [[Float]]
    /// Image width in pixels.
    public let width: Int

    /// Builds the table from vectors (line, pixel nodes, values), expanding each along `0..<width`.
    /// - Throws: `SeaIceError.invalidInput` naming `file`/`item` when vectors are empty, unsorted, of unequal length
    ///   or hold a NaN or ±∞ value.
    public init(vectors: [LineVector], width: Int, file: String, item: String) throws {
        guard !vectors.isEmpty else { throw SeaIceError.missing(file: file, item: "\(item) vectors") }
        let sorted = vectors.sorted { $0.line < $1.line }
        var lines: [Int] = []
        var kept: [LineVector] = []
        var rows: [[Float]] = []
        for v in sorted {
            guard v.pixels.count == v.values.count, !v.pixels.isEmpty else {
                throw SeaIceError.invalidInput(file: file, item: "\(item) at line \(v.line)", expected: "as many values as pixels, found \(v.values.count) and \(v.pixels.count)")
            }
            if let k = v.values.firstIndex(where: { !$0.isFinite }) {
                let position = "\(item) at line \(v.line), value \(k + 1) (\(v.values[k]))"
                throw SeaIceError.invalidInput(file: file, item: position, expected: "finite values")
            }
            for k in 1..<max(v.pixels.count, 1) where v.pixels[k] < v.pixels[k - 1] {
                throw SeaIceError.invalidInput(file: file, item: "\(item) pixel list at line \(v.line)", expected: "non-decreasing pixel positions")
            }
            if let last = lines.last, last == v.line { continue }  // duplicate line: keep the first
            lines.append(v.line)
            kept.append(v)
            rows.append(LineVectorTable.expand(pixels: v.pixels, values: v.values, width: width))
        }
        self.lines = lines
        self.vectors = kept
        self.expanded = rows
        self.width = width
    }

    /// Piecewise-linear interpolation of (pixels, values) at every integer pixel 0..<width (constant outside).
    static func expand(pixels: [Double], values: [Double], width: Int) -> [Float] {
        var out = [Float](repeating: 0, count: width)
        var k = 0
        let n = pixels.count
        for x in 0..<width {
            let xd = Double(x)
            while k + 1 < n, pixels[k + 1] <= xd { k += 1 }
            if xd <= pixels[0] { out[x] = Float(values[0]); continue }
            if k + 1 >= n { out[x] = Float(values[n - 1]); continue }
            let x0 = pixels[k], x1 = pixels[k + 1]
            let t = x1 > x0 ? (xd - x0) / (x1 - x0) : 1
            out[x] = Float(values[k] + t * (values[k + 1] - values[k]))
        }
        return out
    }

    /// The two vectors around `line` and the weight of the second (0 ≤ t ≤ 1).
    @inline(__always)
    func bracket(_ line: Int) -> (Int, Int, Float) {
        if line <= lines[0] { return (0, 0, 0) }
        if line >= lines[lines.count - 1] { return (lines.count - 1, lines.count - 1, 0) }
        var lo = 0, hi = lines.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lines[mid] <= line { lo = mid } else { hi = mid }
        }
        let t = Float(line - lines[lo]) / Float(lines[hi] - lines[lo])
        return (lo, hi, t)
    }

    /// Writes the bilinearly interpolated values of image row `line` for pixels `x0..<x0+out.count`.
    public func row(at line: Int, from x0: Int = 0, into out: UnsafeMutableBufferPointer<Float>) {
        let (a, b, t) = bracket(line)
        let ra = expanded[a], rb = expanded[b]
        precondition(x0 >= 0 && x0 + out.count <= width, "row window \(x0)+\(out.count) outside width \(width)")
        ra.withUnsafeBufferPointer { pa in
            rb.withUnsafeBufferPointer { pb in
                for i in 0..<out.count {
                    let va = pa[x0 + i]
                    out[i] = va + t * (pb[x0 + i] - va)
                }
            }
        }
    }

    /// The interpolated value at one (line, pixel) (convenience for tests and spot checks).
    public func value(line: Int, pixel: Int) -> Float {
        var v: Float = 0
        withUnsafeMutablePointer(to: &v) { p in row(at: line, from: pixel, into: UnsafeMutableBufferPointer(start: p, count: 1)) }
        return v
    }
}

/// The calibration annotation (`annotation/calibration/calibration-….xml`): σ⁰ LUT A(line, pixel).
///
/// σ⁰ (linear) = DN² / A² with A the `sigmaNought` LUT bilinearly interpolated (ESA, Sentinel-1
/// radiometric calibration of Level-1 products, ESA-EOPG-CSCOP-TN-0002).
public struct CalibrationAnnotation: Sendable {
    /// The `sigmaNought` table (dimensionless amplitude gain A, per DN).
    public let sigmaNought: LineVectorTable
    /// `absoluteCalibrationConstant` (already folded into the LUT by ESA; recorded for provenance).
    public let absoluteCalibrationConstant: Double

    /// Parses the calibration XML `data` read from `file`, for an image `width` samples wide.
    public init(data: Data, file: String, width: Int) throws {
        let root = try XMLTree.parse(data, file: file)
        guard root.name == "calibration" else {
            throw SeaIceError.invalidInput(file: file, item: "root element <\(root.name)>", expected: "<calibration>")
        }
        absoluteCalibrationConstant = (try? root.double("calibrationInformation/absoluteCalibrationConstant")) ?? 1
        let list = try root.required("calibrationVectorList")
        let vectors = try list.children("calibrationVector").map { v in
            LineVector(line: try v.int("line"), pixels: try v.doubles("pixel"), values: try v.doubles("sigmaNought"))
        }
        // σ⁰ = DN²/A²: an A of 0, NaN or ±∞ gives a σ⁰ of ∞ or NaN, so the scene would silently be all missing.
        for v in vectors {
            if let k = v.values.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
                throw SeaIceError.invalidInput(
                    file: file,
                    item: "calibrationVector/sigmaNought at line \(v.line), value \(k + 1) (\(v.values[k]))",
                    expected: "finite gains > 0 (σ⁰ = DN²/A²)")
            }
            if let k = v.pixels.firstIndex(where: { !$0.isFinite }) {
                throw SeaIceError.invalidInput(
                    file: file, item: "calibrationVector/pixel at line \(v.line), value \(k + 1) (\(v.pixels[k]))",
                    expected: "finite pixel positions")
            }
        }
        sigmaNought = try LineVectorTable(vectors: vectors, width: width, file: file, item: "calibrationVector/sigmaNought")
    }
}
