import Foundation

/// A smooth field evaluated on a coarse lattice of image pixels and interpolated bilinearly.
///
/// Smooth noise (domain warps, texture) changes little between neighbouring pixels; evaluating it
/// every `step` pixels and interpolating costs 1/step² of the direct evaluation. The lattice is
/// deterministic (same inputs, same values) and exact at lattice nodes.
struct CoarseLattice: Sendable {
    let step: Int, rows: Int, cols: Int
    let values: [Double]

    /// Samples `f(xKm, yKm)` every `step` pixels (plus the far edges) of a `lines × samples` image of
    /// `pixelKm` pixels.
    init(lines: Int, samples: Int, pixelKm: Double, step: Int, _ f: @Sendable (Double, Double) -> Double) {
        let step = max(1, step)
        self.step = step
        rows = (lines - 1) / step + 2
        cols = (samples - 1) / step + 2
        let out = SharedArray<Double>(repeating: 0, count: rows * cols)
        let cols = self.cols
        DispatchQueue.concurrentPerform(iterations: rows) { r in
            for c in 0..<cols { out[r * cols + c] = f(Double(c * step) * pixelKm, Double(r * step) * pixelKm) }
        }
        values = out.array
    }

    /// The step (pixels) that samples a field of finest feature size `scaleKm` at least `perFeature` times.
    static func step(scaleKm: Double, pixelKm: Double, perFeature: Double = 6) -> Int {
        max(1, min(32, Int(scaleKm / perFeature / pixelKm)))
    }

    /// The interpolated value at pixel (i, j).
    @inline(__always)
    func value(_ i: Int, _ j: Int) -> Double {
        let r = i / step, c = j / step
        let u = Double(i - r * step) / Double(step), v = Double(j - c * step) / Double(step)
        let a = values[r * cols + c], b = values[r * cols + c + 1]
        let d = values[(r + 1) * cols + c], e = values[(r + 1) * cols + c + 1]
        return (a * (1 - v) + b * v) * (1 - u) + (d * (1 - v) + e * v) * u
    }
}
