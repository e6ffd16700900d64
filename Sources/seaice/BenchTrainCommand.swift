import ArgumentParser
import Foundation
import Logging
import SeaIceBench
import SeaIceMultiTask
import SeaIceTraining

/// `seaice bench train`: SeaIceKit's trainer against the PyTorch reference trainer, per epoch and per seed.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one configuration with SeaIceKit and with python/train_reference.py on the same scenes and seeds; compare seconds per epoch, validation scores and memory.",
        discussion: "Default data: the main job's ready-to-train scenes (.build/demo/ready, written by `make demo`)."
    )

    @Option(help: "Training configuration (JSON).")
    var config = "configs/demo.json"

    @Option(help: "Folder of ready-to-train files.")
    var data = ".build/demo/ready"

    @Option(parsing: .upToNextOption, help: "Seeds; each trains once per side.")
    var seeds: [UInt64] = [2026, 2027, 2028]

    @Option(help: "Override the configuration's epochs.")
    var epochs: Int?

    @Option(help: "Override the configuration's iterations per epoch.")
    var iterations: Int?

    @Option(help: "Hold out this many scenes drawn from --data (replaces a named validation list such as valset2).")
    var validationCount: Int?

    @Option(help: "libtorch threads on both sides.")
    var threads = 2

    @Option(help: "Working folder (exported scenes, runs, report.md, report.json).")
    var work = ".build/bench-train"

    @Flag(help: "Run the PyTorch reference with the same C-heap setting as SeaIceKit (glibc: no mmap, no trim) instead of glibc's defaults.")
    var pythonRetainFreedMemory = false

    @Option(help: "Repository holding python/train_reference.py and scripts/python (default: the current folder).")
    var repository: String = FileManager.default.currentDirectoryPath

    func validate() throws {
        guard !seeds.isEmpty else { throw ValidationError("--seeds needs at least one seed") }
        guard threads > 0 else { throw ValidationError("--threads must be at least 1") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let validationCount, validationCount < 0 { throw ValidationError("--validation-count must be ≥ 0") }
        guard FileManager.default.fileExists(atPath: data) else {
            throw ValidationError("no data folder \(data): run `make demo` first (it writes .build/demo/ready) or pass --data")
        }
    }

    @OptionGroup var output: OutputOptions

    func run() throws {
        let logger = output.logger("seaice.bench", normal: .info)
        let configuration = try TrainingParityBenchmark.Options.configuration(
            TrainingConfiguration.load(URL(fileURLWithPath: config)), epochs: epochs, iterationsPerEpoch: iterations,
            validationCount: validationCount)
        let options = TrainingParityBenchmark.Options(
            configuration: configuration, data: URL(fileURLWithPath: data), seeds: seeds, threads: threads,
            work: URL(fileURLWithPath: work), repository: URL(fileURLWithPath: repository),
            pythonRetainsFreedMemory: pythonRetainFreedMemory)
        let report = try TrainingParityBenchmark(options: options, logger: logger).run()
        Console.line(report.markdown)
        Console.line("report: \(work)/report.md, \(work)/report.json")
    }
}
