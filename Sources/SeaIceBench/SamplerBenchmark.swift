import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceSampling

/// Times batch assembly (`TrainingSampler.nextBatch`) on scenes of the released size.
///
/// The scenes are SYNTHETIC (seeded noise of the right shapes: 4999 × 5213 pixels at 80 m, a 199 × 208
/// 2 km grid, a 21 × 21 tie-point grid, labels with a masked band): the timing measures the sampler, not
/// the data, and every figure it produces must be reported as measured on synthetic scenes.
public enum SamplerBenchmark {
    /// Result of a run.
    public struct Result: Sendable {
        /// Wall-clock seconds per batch, one entry per timed batch.
        public let secondsPerBatch: [Double]
        /// CPU seconds of the assembling thread per batch (robust to other load on a shared machine).
        public let cpuSecondsPerBatch: [Double]
        /// Batch shape N, C, H, W.
        public let shape: [Int]
        /// Mean seconds per batch.
        public var mean: Double { secondsPerBatch.reduce(0, +) / Double(max(secondsPerBatch.count, 1)) }
        /// Fastest batch, s.
        public var min: Double { secondsPerBatch.min() ?? 0 }
        /// Mean CPU seconds per batch.
        public var meanCPU: Double { cpuSecondsPerBatch.reduce(0, +) / Double(max(cpuSecondsPerBatch.count, 1)) }
    }

    /// A synthetic downscaled scene the size of a released ready-to-train scene (80 m: `lines × samples`).
    public static func syntheticScene(configuration c: SamplerConfiguration, lines: Int = 4999, samples: Int = 5213,
                                      month: Int = 3, using g: inout SeededGenerator) -> DownscaledScene {
        let geometry = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 80)
        let rows = BlockReduction.reducedExtent(lines, c.downscaleFactor), cols = BlockReduction.reducedExtent(samples, c.downscaleFactor)
        func noise(_ n: Int) -> [Float] { (0..<n).map { _ in Float(g.nextGaussian()) } }
        var full: [String: [Float]] = [:], twoKm: [String: [Float]] = [:]
        for channel in c.channels {
            switch channel {
            case let .fullGrid(n): full[n] = noise(rows * cols)
            case let .twoKm(n): twoKm[n] = noise(geometry.twoKmLines * geometry.twoKmSamples)
            case .time, .latitude, .longitude: break
            }
        }
        let masked = rows / 5  // a band of rows without chart, as at real scene borders
        var labels = [[UInt8]]()
        for classes in [11, 6, 7] as [UInt64] {
            labels.append((0..<(rows * cols)).map { $0 / cols < masked ? 255 : UInt8(g.next() % classes) })
        }
        let lat = (0..<441).map { 65 + Double($0 / 21) * 0.5 }, lon = (0..<441).map { -70 + Double($0 % 21) * 0.8 }
        return DownscaledScene(sceneID: "synthetic_\(month)", month: month, geometry: geometry, factor: c.downscaleFactor,
                               downsampling: c.downsampling, fullGrid: full, labels: labels, twoKm: twoKm,
                               tiePoints: .spanning(lines: lines, samples: samples, latitude: lat, longitude: lon))
    }

    /// Assembles `warmup + batches` batches from `scenes`, timing the last `batches`.
    public static func run(configuration: SamplerConfiguration, scenes: [DownscaledScene], batches: Int, warmup: Int = 1,
                           seed: UInt64) throws -> Result {
        try run(configuration: configuration, source: InMemorySceneSource(scenes), batches: batches, warmup: warmup, seed: seed)
    }

    /// Times reading + downscaling each ready-to-train file once (seconds per file, in order).
    public static func timeLoads(_ source: ReadyFileSceneSource) throws -> [Double] {
        try (0..<source.count).map { i in
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try source.scene(at: i)
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }
    }

    /// Assembles `warmup + batches` batches from any scene source, timing the last `batches`.
    public static func run(configuration: SamplerConfiguration, source: any SceneSource, batches: Int, warmup: Int = 1,
                           seed: UInt64) throws -> Result {
        let sampler = try TrainingSampler(configuration: configuration, source: source)
        var g = SeededGenerator(seed: seed)
        for _ in 0..<warmup { _ = try sampler.nextBatch(using: &g) }
        var times: [Double] = [], cpu: [Double] = []
        var shape: [Int] = []
        for _ in 0..<batches {
            let t0 = DispatchTime.now().uptimeNanoseconds, c0 = threadCPUSeconds()
            let b = try sampler.nextBatch(using: &g)
            cpu.append(threadCPUSeconds() - c0)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            shape = [b.count, b.channels, b.size, b.size]
        }
        return Result(secondsPerBatch: times, cpuSecondsPerBatch: cpu, shape: shape)
    }

    /// CPU time consumed by the calling thread, s.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
