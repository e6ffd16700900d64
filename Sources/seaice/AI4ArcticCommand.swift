import ArgumentParser
import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceBench
import SeaIceCharts
import SeaIceCore
import SeaIceSampling

/// `seaice ai4arctic`: tools for the AI4Arctic / AutoICE dataset.
struct AI4ArcticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ai4arctic",
        abstract: "Convert and sample the AI4Arctic Sea Ice Challenge dataset.",
        subcommands: [Prepare.self]
    )

    /// `seaice ai4arctic prepare RAW_FILES... --out DIR`.
    struct Prepare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert raw AI4Arctic scenes (40 m) into ready-to-train files (80 m), as the organisers made them.",
            discussion: "Bad files are reported and skipped; the summary lists what failed and why. Exit status 1 if any failed."
        )

        @Argument(help: "Raw AI4Arctic netCDF files (S1x_EW_GRDM_1SDH_..._icechart_<dmi|cis>_....nc).")
        var rawFiles: [String]

        @Option(name: .long, help: "Output directory for the <YYYYMMDDTHHMMSS>_<dmi|cis>_prep.nc files.")
        var out: String

        @Option(name: .long, help: "Files converted at the same time.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .long, help: "Standard-scaling statistics JSON ({\"var\": {\"mean\": m, \"std\": s}}); default: the official ones.")
        var statistics: String?

        @Option(name: .long, help: "Chart conversion: reference (reproduces the released labels) or corrected.")
        var chartMode: String = ConversionMode.reference.rawValue

        @Option(name: .long, help: "Ready-to-train rows converted per block (memory per variable ≈ 2 × rows × samples × 4 B).")
        var rowBlock: Int = 256

        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
            guard rowBlock >= 1 else { throw ValidationError("--row-block must be at least 1.") }
            guard ConversionMode(rawValue: chartMode) != nil else {
                throw ValidationError("--chart-mode must be one of: \(ConversionMode.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }

        func run() throws {
            output.activate()
            try OutputFolder.prepare(URL(fileURLWithPath: out), option: "--out")
            var options = ReadyConversionOptions()
            options.rowBlock = rowBlock
            options.chartConverter = EggCodeConverter(mode: ConversionMode(rawValue: chartMode)!)
            if let statistics { options.statistics = try AI4ArcticStatistics.load(URL(fileURLWithPath: statistics)) }
            let logger = output.logger("seaice.ai4arctic")  // failures are listed in the summary
            let batch = ConversionBatch(converter: ReadyConverter(options: options, logger: logger), jobs: jobs)
            let bar = output.progressBar()
            let summary = batch.run(rawFiles.map { URL(fileURLWithPath: $0) }, outputDirectory: URL(fileURLWithPath: out)) { p in
                bar.draw(fraction: p.overallFraction, label: "\(p.finishedFiles)/\(p.totalFiles) files")
            }
            bar.finish()
            Console.line("converted \(summary.converted.count) of \(rawFiles.count) files into \(out)")
            for (input, output) in summary.converted { Console.line("  ok      \(input.lastPathComponent) → \(output.lastPathComponent)") }
            for (input, reason) in summary.failed { Console.error("  FAILED  \(input.lastPathComponent): \(reason)") }
            if !summary.failed.isEmpty { throw ExitCode(1) }
        }
    }

    /// `seaice bench sampler`: time to assemble training batches.
    struct BenchSampler: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sampler",
            abstract: "Time the assembly of training batches (default 16 patches of 256 × 256, 18 channels).",
            discussion: "Without files the scenes are synthetic (seeded noise of the released scene size); figures from them must say so."
        )

        @Option(help: "Comma-separated channels (default: the 16 MMSeaIce inputs + btemp_6_9h, btemp_6_9v = 18).")
        var channels: String = (InputChannel.mmseaice.map(\.rawValue) + ["btemp_6_9h", "btemp_6_9v"]).joined(separator: ",")
        @Option(help: "Patches per batch.") var batchSize = 16
        @Option(help: "Patch side (downscaled pixels).") var patchSize = 256
        @Option(help: "Synthetic scenes of the released size (4999 × 5213 at 80 m).") var scenes = 4
        @Option(help: "Timed batches.") var batches = 10
        @Option(parsing: .unconditional, help: "Seed (a non-negative integer).", transform: SeedOption.parse)
        var seed: UInt64 = 1
        @Flag(help: "Disable augmentations.") var noAugmentation = false
        @Argument(help: "Ready-to-train files to sample from instead of synthetic scenes (their load time is reported too).")
        var readyFiles: [String] = []

        @OptionGroup var output: OutputOptions

        func run() throws {
            output.activate()
            var config = SamplerConfiguration()
            config.channels = try channels.split(separator: ",").map { name in
                guard let c = InputChannel(rawValue: String(name)) else { throw ValidationError("unknown channel `\(name)`.") }
                return c
            }
            config.batchSize = batchSize
            config.patchSize = patchSize
            if noAugmentation { config.augmentation = .none }
            try config.validate()
            let r: SamplerBenchmark.Result
            let origin: String
            if readyFiles.isEmpty {
                var g = SeededGenerator(seed: seed)
                let data = (0..<scenes).map { i in SamplerBenchmark.syntheticScene(configuration: config, month: 1 + i % 12, using: &g) }
                r = try SamplerBenchmark.run(configuration: config, scenes: data, batches: batches, seed: seed)
                origin = "SYNTHETIC scenes"
            } else {
                config.cacheCapacity = max(config.cacheCapacity, readyFiles.count)
                let source = ReadyFileSceneSource(files: readyFiles.map { URL(fileURLWithPath: $0) }, configuration: config)
                let loads = try SamplerBenchmark.timeLoads(source)
                Console.line(String(format: "scene load + downscale: mean %.3f s over %d files", loads.reduce(0, +) / Double(loads.count), loads.count))
                r = try SamplerBenchmark.run(configuration: config, source: source, batches: batches, seed: seed)
                origin = "\(readyFiles.count) ready-to-train files"
            }
            Console.line("batch \(r.shape.map(String.init).joined(separator: " × ")) (NCHW), augmentation \(noAugmentation ? "off" : "on"), \(origin)")
            Console.line(String(format: "assembly: wall mean %.3f s (min %.3f s), CPU mean %.3f s per batch over %d batches",
                         r.mean, r.min, r.meanCPU, batches))
        }
    }
}

/// A one-line progress bar on standard error, redrawn in place.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private var last = -1

    /// A bar drawn only when `enabled` and standard error is a terminal.
    init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) != 0 }

    func draw(fraction: Double, label: String) {
        guard enabled else { return }
        let percent = Int((fraction * 100).rounded(.down))
        guard percent != last else { return }
        last = percent
        let width = 30, filled = Int(Double(width) * fraction)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% \(label)".utf8))
    }

    func finish() {
        if enabled && last >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
