import ArgumentParser
import Foundation
import Logging
import SeaIceBench

/// `seaice bench`: performance measurements (figures go to BENCHMARKS.md).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory (figures go to BENCHMARKS.md).",
        subcommands: [BenchUNetCommand.self, BenchTrainCommand.self, BenchPredictCommand.self, BenchPreprocessCommand.self, BenchRCMCommand.self, BenchPMGridCommand.self, AI4ArcticCommand.BenchSampler.self, BenchReliabilityCommand.self, BenchAMSR2SimCommand.self, BenchSimulateCommand.self]
    )
}

/// `seaice bench unet`: the seed-001 U-Net, Swift against Python PyTorch.
struct BenchUNetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unet",
        abstract: "Time one U-Net training step (batch 16×256×256) and one 500×520 scene inference, Swift vs Python."
    )

    @Option(help: "Timed repeats per phase and side.")
    var iterations = 5

    @Option(help: "libtorch threads on both sides.")
    var threads = 2

    @Flag(help: "Small sizes for a smoke test (batch 2×64×64, a 96×104 scene, 2 repeats).")
    var quick = false

    @Option(help: "Training batch size (default 16; ignored with --quick).")
    var batch = 16

    @Option(help: "Training patch side in pixels (default 256; ignored with --quick).")
    var patch = 256

    @Option(help: "Input channels (default 18).")
    var channels = 18

    @Option(parsing: .upToNextOption, help: "U-Net filters per level (default 32 32 64 64).")
    var filters: [Int] = [32, 32, 64, 64]

    @Flag(help: "Train the Swift network with channels-last (NHWC) activations instead of NCHW (inference is always channels-last).")
    var swiftChannelsLast = false

    @Flag(help: "Run the Python side with the same C-heap setting as SeaIceKit (glibc: no mmap, no trim) instead of glibc's defaults.")
    var pythonRetainFreedMemory = false

    @Option(help: "Repository holding python/bench_unet.py and scripts/python (default: the current folder).")
    var repository: String = FileManager.default.currentDirectoryPath

    func validate() throws {
        guard iterations > 0 else { throw ValidationError("--iterations must be at least 1") }
        guard threads > 0 else { throw ValidationError("--threads must be at least 1") }
        guard batch > 0, patch >= 16 else { throw ValidationError("--batch must be ≥ 1 and --patch ≥ 16") }
        guard channels > 0, !filters.isEmpty, filters.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--channels and every --filters value must be ≥ 1")
        }
    }

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        var options = quick ? UNetBenchmarkOptions.quick(threads: threads) : UNetBenchmarkOptions(threads: threads)
        if !quick {
            options.iterations = iterations
            options.batch = batch
            options.patch = patch
        }
        options.channels = channels
        options.pythonRetainsFreedMemory = pythonRetainFreedMemory
        options.swiftChannelsLast = swiftChannelsLast
        options.filters = filters
        let logger = output.logger("seaice.bench", normal: .info)
        let report = try UNetBenchmark(options: options, repository: URL(fileURLWithPath: repository), logger: logger).run()
        Console.line(report.markdown)
    }
}
