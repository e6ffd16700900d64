import Foundation

/// Separable Gaussian blur of a row-major image (edges renormalised), parallel over rows/columns.
enum Blur {
    static func gaussian(_ x: [Float], lines: Int, samples: Int, sigma: Double) -> [Float] {
        let r = max(1, Int((3 * sigma).rounded(.up)))
        let kernel = (-r...r).map { Float(exp(-0.5 * Double($0 * $0) / (sigma * sigma))) }
        let t = SharedArray<Float>(repeating: 0, count: x.count), o = SharedArray<Float>(repeating: 0, count: x.count)
        do {
            DispatchQueue.concurrentPerform(iterations: lines) { i in
                for j in 0..<samples {
                    var s: Float = 0, w: Float = 0
                    for k in max(-r, -j)...min(r, samples - 1 - j) {
                        s += kernel[k + r] * x[i * samples + j + k]; w += kernel[k + r]
                    }
                    t[i * samples + j] = s / w
                }
            }
        }
        do {
            DispatchQueue.concurrentPerform(iterations: lines) { i in
                for j in 0..<samples {
                    var s: Float = 0, w: Float = 0
                    for k in max(-r, -i)...min(r, lines - 1 - i) {
                        s += kernel[k + r] * t[(i + k) * samples + j]; w += kernel[k + r]
                    }
                    o[i * samples + j] = s / w
                }
            }
        }
        return o.array
    }
}

/// Distance to the nearest marked pixel by a two-pass chamfer transform with anisotropic steps
/// (range step `dx`, azimuth step `dy`, diagonal √(dx² + dy²)); within a few percent of Euclidean.
enum DistanceTransform {
    /// Distances (same unit as dx, dy) from every pixel to the nearest pixel where `mask` is true;
    /// `cap` where the mask is empty or farther than `cap`.
    static func distance(to mask: [Bool], lines: Int, samples: Int, dx: Double, dy: Double, cap: Double) -> [Float] {
        let dd = (dx * dx + dy * dy).squareRoot()
        var d = mask.map { $0 ? 0.0 : Double.infinity }
        for i in 0..<lines {
            for j in 0..<samples {
                let k = i * samples + j
                var v = d[k]
                if j > 0 { v = min(v, d[k - 1] + dx) }
                if i > 0 {
                    v = min(v, d[k - samples] + dy)
                    if j > 0 { v = min(v, d[k - samples - 1] + dd) }
                    if j < samples - 1 { v = min(v, d[k - samples + 1] + dd) }
                }
                d[k] = v
            }
        }
        for i in stride(from: lines - 1, through: 0, by: -1) {
            for j in stride(from: samples - 1, through: 0, by: -1) {
                let k = i * samples + j
                var v = d[k]
                if j < samples - 1 { v = min(v, d[k + 1] + dx) }
                if i < lines - 1 {
                    v = min(v, d[k + samples] + dy)
                    if j < samples - 1 { v = min(v, d[k + samples + 1] + dd) }
                    if j > 0 { v = min(v, d[k + samples - 1] + dd) }
                }
                d[k] = v
            }
        }
        return d.map { Float(min($0, cap)) }
    }
}
