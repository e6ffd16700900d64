import Foundation

/// Sizes and repeats of `UNetBenchmark` (`seaice bench unet`).
public struct UNetBenchmarkOptions: Codable, Equatable, Sendable {
    /// Timed repeats per phase and side (after `warmup` untimed ones).
    public var iterations: Int
    /// Untimed warm-up repeats per phase and side.
    public var warmup: Int
    /// libtorch intra-op threads on both sides.
    public var threads: Int
    /// Training batch size.
    public var batch: Int
    /// Training patch side in pixels.
    public var patch: Int
    /// Inference scene height and width in pixels.
    public var sceneHeight: Int, sceneWidth: Int
    /// Input channels and U-Net filters (MMSeaIce: 18, [32, 32, 64, 64]).
    public var channels: Int, filters: [Int]
    /// Whether the Python worker's glibc keeps freed memory (`PythonScript.retainFreedMemoryTunables`,
    /// the closest equivalent of SeaIceKit's `HostMemory` cache) instead of glibc's defaults (PyTorch as its users run it).
    public var pythonRetainsFreedMemory = false
    /// Whether the Swift training network stores activations channels-last (NHWC) instead of NCHW
    /// (the default of `UNetConfiguration`); inference (`UNetInference`) is channels-last either way.
    public var swiftChannelsLast = false

    /// The full benchmark of the task: batch 16 × 256 × 256 training, one 500 × 520 scene inference.
    public init(iterations: Int = 5, warmup: Int = 1, threads: Int = 2, batch: Int = 16, patch: Int = 256,
                sceneHeight: Int = 500, sceneWidth: Int = 520, channels: Int = 18, filters: [Int] = [32, 32, 64, 64]) {
        self.iterations = iterations
        self.warmup = warmup
        self.threads = threads
        self.batch = batch
        self.patch = patch
        self.sceneHeight = sceneHeight
        self.sceneWidth = sceneWidth
        self.channels = channels
        self.filters = filters
    }

    /// Small sizes for a smoke test (batch 2 × 64 × 64, a 96 × 104 scene, 2 iterations, no warm-up).
    public static func quick(threads: Int = 2) -> UNetBenchmarkOptions {
        UNetBenchmarkOptions(iterations: 2, warmup: 0, threads: threads, batch: 2, patch: 64, sceneHeight: 96, sceneWidth: 104)
    }
}

/// Figures of one `UNetBenchmark` run.
public struct UNetBenchmarkReport: Codable, Sendable {
    /// The options used.
    public var options: UNetBenchmarkOptions
    /// Per-iteration milliseconds of one training step (forward, loss, backward, SGD step).
    public var swiftTrainMs: [Double], pythonTrainMs: [Double]
    /// Per-iteration milliseconds of one scene inference.
    public var swiftInferMs: [Double], pythonInferMs: [Double]
    /// Peak resident memory (KiB) during each phase, per process.
    public var swiftTrainPeakKiB: Int, pythonTrainPeakKiB: Int, swiftInferPeakKiB: Int, pythonInferPeakKiB: Int
    /// Best measured float32 matmul throughput (GFLOP/s) at the benchmark's thread count.
    public var peakGFLOPs: Double
    /// Analytic convolution FLOPs of one training step (3 × forward) and one inference (forward).
    public var trainFLOPs: Double, inferFLOPs: Double

    /// Creates a report from measured figures.
    public init(options: UNetBenchmarkOptions, swiftTrainMs: [Double], pythonTrainMs: [Double], swiftInferMs: [Double],
                pythonInferMs: [Double], swiftTrainPeakKiB: Int, pythonTrainPeakKiB: Int, swiftInferPeakKiB: Int,
                pythonInferPeakKiB: Int, peakGFLOPs: Double, trainFLOPs: Double, inferFLOPs: Double) {
        self.options = options
        self.swiftTrainMs = swiftTrainMs
        self.pythonTrainMs = pythonTrainMs
        self.swiftInferMs = swiftInferMs
        self.pythonInferMs = pythonInferMs
        self.swiftTrainPeakKiB = swiftTrainPeakKiB
        self.pythonTrainPeakKiB = pythonTrainPeakKiB
        self.swiftInferPeakKiB = swiftInferPeakKiB
        self.pythonInferPeakKiB = pythonInferPeakKiB
        self.peakGFLOPs = peakGFLOPs
        self.trainFLOPs = trainFLOPs
        self.inferFLOPs = inferFLOPs
    }

    /// Median of `values` (mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double { Statistics.median(values) }

    /// A Markdown table of the medians, speed-ups, memory and fraction of peak.
    public var markdown: String {
        func row(_ name: String, _ swift: [Double], _ python: [Double], _ flops: Double, _ sKiB: Int, _ pKiB: Int) -> String {
            let s = Self.median(swift), p = Self.median(python)
            let fraction = { (ms: Double) in flops / (ms / 1000) / 1e9 / peakGFLOPs * 100 }
            let pairs = Self.median(zip(python, swift).map { $0 / $1 })
            return String(format: "| %@ | %.0f | %.0f | %.2f× (pairs %.2f×) | %.0f / %.0f | %.1f %% / %.1f %% |",
                          name, s, p, p / s, pairs, Double(sKiB) / 1024, Double(pKiB) / 1024, fraction(s), fraction(p))
        }
        let o = options
        return """
        | phase | Swift median ms | Python median ms | speed-up (median of alternating pairs) | peak RSS MiB Swift / Python | of peak FLOP/s Swift / Python |
        |---|---|---|---|---|---|
        \(row("train \(o.batch)×\(o.channels)×\(o.patch)×\(o.patch)", swiftTrainMs, pythonTrainMs, trainFLOPs, swiftTrainPeakKiB, pythonTrainPeakKiB))
        \(row("infer 1×\(o.channels)×\(o.sceneHeight)×\(o.sceneWidth)", swiftInferMs, pythonInferMs, inferFLOPs, swiftInferPeakKiB, pythonInferPeakKiB))

        Peak float32 matmul: \(String(format: "%.1f", peakGFLOPs)) GFLOP/s at \(o.threads) threads; conv FLOPs per step \(String(format: "%.1f", trainFLOPs / 1e9)) G (train, 3 × forward), \(String(format: "%.1f", inferFLOPs / 1e9)) G (inference). \(o.iterations) alternating repeats after \(o.warmup) warm-up; inputs are synthetic (simulated data). C heap: Swift caches freed tensor memory (HostMemory, as `seaice train`); Python \(o.pythonRetainsFreedMemory ? "glibc keeping freed memory (GLIBC_TUNABLES)" : "glibc's defaults, as PyTorch users run it").
        """
    }
}
