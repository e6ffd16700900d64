import Foundation
import SeaIceCore

/// How separable the ten classes (open water + nine stages) of `StageSignatureTable` are on simulated
/// pixels: a per-pixel Gaussian classifier (one 2-D normal per class on HH and HV in dB, equal priors)
/// fitted on half the floes of a simulated panel and scored on the other half. SIMULATED figure.
///
/// The panel is a real EW geometry window (template 0, its incidence angles and thermal noise) tiled
/// with square floes of `floePixels` pixels, each of a random class; backscatter, texture, speckle,
/// noise and denoising are `SARSynthesis`'s, so the figure measures the table as the scenes use it.
public enum StageSeparability {
    /// The outcome: overall accuracy and per-class recall (index = `WorldSurfaceClass` 0…9).
    public struct Result: Sendable {
        /// Fraction of test pixels classified correctly.
        public var accuracy: Double
        /// Recall of each class.
        public var recall: [Double]
        /// Test pixels scored.
        public var pixels: Int
    }

    /// Measures the classifier on a `size × size` panel at `pixelSpacing` m for `month`.
    public static func measure(resources: SimulatorResources, stages: StageSignatureTable = StageSignatureTable(), month: Int = 1,
                               size: Int = 400, pixelSpacing: Int = 40, floePixels: Int = 20, windSpeed: Double = 6,
                               seed: UInt64 = 0) -> Result {
        var g = SeededGenerator(seed: seed)
        let template = resources.templates[0]
        let geo = ScaledGeometry(base: template.geometry, lines: size, samples: size, pixelSpacing: Double(pixelSpacing),
                                 offset: (g.nextUnitDouble(), g.nextUnitDouble()))
        let blocks = (size + floePixels - 1) / floePixels
        let blockClass = (0..<(blocks * blocks)).map { _ in UInt8(g.next() % 10) }
        let blockKey = (0..<(blocks * blocks)).map { _ in Float(g.nextUnitDouble()) }
        let n = size * size
        var surface = [UInt8](repeating: 0, count: n), key = [Float](repeating: 0.5, count: n), train = [Bool](repeating: false, count: n)
        for i in 0..<size {
            for j in 0..<size {
                let b = (i / floePixels) * blocks + j / floePixels
                surface[i * size + j] = blockClass[b]; key[i * size + j] = blockKey[b]
                train[i * size + j] = ((i / floePixels) + (j / floePixels)) % 2 == 0
            }
        }
        let enl = 10.7 * max(1, Double(pixelSpacing * pixelSpacing) / 1600)
        var gs = g.split()
        let sar = SARSynthesis(table: stages.base, classes: stages.classes(month: month), enl: enl, textureDB: 1,
                               noiseScalingError: 0.05)
            .run(geometry: geo, template: template, surface: surface, floeKey: key, sheltered: [Bool](repeating: false, count: n),
                 wind: [Float](repeating: Float(windSpeed), count: n), incidence: geo.grid(template.geometry.incidence),
                 generator: &gs)
        // Fit one 2-D Gaussian per class on the training floes.
        var sum = [[Double]](repeating: [0, 0, 0, 0, 0], count: 10), count = [Double](repeating: 0, count: 10)
        for k in 0..<n where train[k] {
            let c = Int(surface[k]), a = Double(sar.hh[k]), b = Double(sar.hv[k])
            sum[c][0] += a; sum[c][1] += b; sum[c][2] += a * a; sum[c][3] += b * b; sum[c][4] += a * b; count[c] += 1
        }
        let models = (0..<10).map { c -> (Double, Double, Double, Double, Double, Double)? in
            guard count[c] > 10 else { return nil }
            let m = count[c], ma = sum[c][0] / m, mb = sum[c][1] / m
            let va = sum[c][2] / m - ma * ma + 1e-6, vb = sum[c][3] / m - mb * mb + 1e-6, cab = sum[c][4] / m - ma * mb
            let det = va * vb - cab * cab
            return (ma, mb, vb / det, va / det, -cab / det, log(det))
        }
        var correct = 0, total = 0
        var hits = [Double](repeating: 0, count: 10), seen = [Double](repeating: 0, count: 10)
        for k in 0..<n where !train[k] {
            let a = Double(sar.hh[k]), b = Double(sar.hv[k])
            var best = -1, bestScore = -Double.infinity
            for (c, model) in models.enumerated() {
                guard let (ma, mb, ia, ib, iab, logDet) = model else { continue }
                let da = a - ma, db = b - mb
                let score = -0.5 * (da * da * ia + db * db * ib + 2 * da * db * iab) - 0.5 * logDet
                if score > bestScore { bestScore = score; best = c }
            }
            let truth = Int(surface[k])
            seen[truth] += 1; total += 1
            if best == truth { correct += 1; hits[truth] += 1 }
        }
        return Result(accuracy: Double(correct) / Double(max(total, 1)),
                      recall: (0..<10).map { seen[$0] > 0 ? hits[$0] / seen[$0] : .nan }, pixels: total)
    }
}
