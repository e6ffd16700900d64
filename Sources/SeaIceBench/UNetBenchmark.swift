import Foundation
import Logging
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceTensor

/// `seaice bench unet`: the seed-001 U-Net in SeaIceKit against the same network in Python
/// PyTorch (python/bench_unet.py, run the way the reference runs it: NCHW, defaults).
///
/// Phases: one training step (forward, MMSeaIce loss, backward, SGD step) on a batch, and one
/// inference of a scene. Swift and Python repeats alternate (S, P, S, P, …) so slow drifts of a
/// shared machine hit both; warm-up repeats are excluded; peak RSS is read per phase and process
/// (VmHWM, reset at the start of each phase). Inputs are deterministic synthetic tensors.
public struct UNetBenchmark {
    /// Sizes and repeats.
    public let options: UNetBenchmarkOptions
    /// The repository holding python/bench_unet.py and scripts/python.
    public let repository: URL
    private let logger: Logger

    /// Creates the benchmark.
    public init(options: UNetBenchmarkOptions, repository: URL, logger: Logger) {
        self.options = options
        self.repository = repository
        self.logger = logger
    }

    /// Runs both sides and returns the figures.
    public func run() throws -> UNetBenchmarkReport {
        let o = options
        try TorchRuntime.setThreads(o.threads)
        try HostMemory.enableCache()  // as `seaice train` runs
        let peak = try PeakThroughput.matmulGFLOPs()
        logger.info("peak float32 matmul \(String(format: "%.1f", peak)) GFLOP/s at \(o.threads) threads")
        let config = UNetConfiguration(inputChannels: o.channels, filters: o.filters, channelsLast: o.swiftChannelsLast)
        let python = try PythonWorker(repository: repository, arguments: [
            "--threads", "\(o.threads)", "--batch", "\(o.batch)", "--size", "\(o.patch)",
            "--scene", "\(o.sceneHeight)", "\(o.sceneWidth)", "--channels", "\(o.channels)", "--filters",
        ] + o.filters.map(String.init), retainFreedMemory: o.pythonRetainsFreedMemory)
        defer { python.stop() }
        let swift = try UNetWorkload(configuration: config, options: o)

        let train = try phase("train", python: python) { try swift.trainStep() }
        let infer = try phase("infer", python: python) { try swift.infer() }
        let forwardMACs = config.multiplyAccumulates(height: o.patch, width: o.patch)
        return UNetBenchmarkReport(
            options: o, swiftTrainMs: train.swiftMs, pythonTrainMs: train.pythonMs,
            swiftInferMs: infer.swiftMs, pythonInferMs: infer.pythonMs,
            swiftTrainPeakKiB: train.swiftKiB, pythonTrainPeakKiB: train.pythonKiB,
            swiftInferPeakKiB: infer.swiftKiB, pythonInferPeakKiB: infer.pythonKiB, peakGFLOPs: peak,
            trainFLOPs: 3 * 2 * forwardMACs * Double(o.batch),
            inferFLOPs: 2 * config.multiplyAccumulates(height: o.sceneHeight, width: o.sceneWidth))
    }

    private func phase(_ name: String, python: PythonWorker, _ body: () throws -> Void) throws
        -> (swiftMs: [Double], pythonMs: [Double], swiftKiB: Int, pythonKiB: Int) {
        HostMemory.releaseCache()  // the previous phase's cached blocks do not count against this one
        ProcessMemory.resetPeak()
        _ = try python.send("reset")
        for _ in 0..<options.warmup {
            try body()
            _ = try python.send("\(name) 1")
        }
        var swiftMs: [Double] = [], pythonMs: [Double] = []
        var pythonKiB = 0
        for i in 0..<options.iterations {
            let start = ContinuousClock.now
            try body()
            swiftMs.append(PeakThroughput.seconds(ContinuousClock.now - start) * 1000)
            let answer = try python.send("\(name) 1")
            pythonMs += answer.ms
            pythonKiB = answer.hwm_kb
            logger.info("\(name) \(i + 1)/\(options.iterations): Swift \(String(format: "%.0f", swiftMs.last!)) ms, Python \(String(format: "%.0f", answer.ms.first ?? .nan)) ms")
        }
        return (swiftMs, pythonMs, ProcessMemory.peakKiB() ?? 0, pythonKiB)
    }
}
