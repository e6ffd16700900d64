import ArgumentParser
import Foundation
import Logging
import SeaIceCore
import SeaIceSimulator

/// `seaice simulate`: realistic simulated scenes (SIMULATED DATA) in the formats users have.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate Sentinel-1 EW scenes with ice charts, AMSR2 and ERA5 (clearly marked as simulated).",
        discussion: """
        Built on real structure from ../shared/data: Sentinel-1 EW geometry and thermal noise, AMSR2 \
        signatures, land mask. The same --seed gives the same files. Scene k uses seed K + k.
        """,
        subcommands: [SimulateAMSR2Command.self, SimulateRCMCommand.self, SimulateDayCommand.self]
    )

    @Option(help: "Output format: \(SimulationOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: SimulationOutputFormat = .ai4arcticRaw

    @Option(help: "Number of scenes.")
    var scenes: Int = 1

    @Option(help: "Scene size in pixels (square; for safe: the product side, rounded to a whole reduction of the real product).")
    var size: Int = 1000

    @Option(help: "Pixel spacing in m, a divisor of 2000 (40 = AI4Arctic raw; 400 ≈ the whole EW swath at 1000 pixels).")
    var pixelSpacing: Int = 40

    @Option(parsing: .unconditional, help: "Random seed (a non-negative integer).", transform: SeedOption.parse)
    var seed: UInt64 = 0

    @Option(help: "Month 1–12 of the weather and microwave signatures (default: the real geometry's month).")
    var month: Int?

    @Option(help: "Real geometry: 0 Kara Sea 2022-11-30, 1 East Greenland 2020-01-20 (default: from the seed).")
    var template: Int?

    @Option(help: "A JSON SimulationConfig file (overrides the defaults; --size and other options still apply).")
    var config: String?

    @Option(help: "The shared data folder (default: $SEAICE_DATA, ../shared/data, or shared/data beside the checkout of this binary).")
    var data: String?

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard scenes >= 1 else { throw ValidationError("--scenes must be at least 1") }
        guard size >= 8 else { throw ValidationError("--size must be at least 8 pixels") }
        try SimulationConfig(size: size).checkSize()
        guard pixelSpacing > 0, 2000 % pixelSpacing == 0 else {
            throw ValidationError("--pixel-spacing must divide 2000 (40, 50, 80, 100, 200, 400, 500, 1000)")
        }
        if let m = month, !(1...12).contains(m) { throw ValidationError("--month must be 1…12") }
        if format == .ai4arcticReady && pixelSpacing != 40 {
            throw ValidationError("--format ai4arctic-ready converts 40 m raw scenes: use --pixel-spacing 40")
        }
    }

    func run() throws {
        let logger = output.logger("seaice.simulate", normal: .info)  // -v: the time of every stage
        var cfg = SimulationConfig(size: size)
        if let path = config {
            cfg = try ConfigurationFile.decodeJSON(SimulationConfig.self, from: URL(fileURLWithPath: path))
            cfg.lines = size; cfg.samples = size
        }
        cfg.pixelSpacing = pixelSpacing
        let folder = URL(fileURLWithPath: out)
        try OutputFolder.prepare(folder, option: "--out")
        if let m = month { cfg.month = m }
        if let t = template { cfg.template = t }
        let dataFolder = try SharedDataLocator.locate(explicit: data)
        let resources = try SimulatorResources(dataFolder: dataFolder)
        let simulator = SceneSimulator(resources: resources, logger: logger)
        let writer = SimulatedDatasetWriter(format: format, safeTemplate: SimulatedSAFEWriter.template(dataFolder: dataFolder), logger: logger)
        cfg = try writer.prepare(cfg, resources: resources)
        let bar = output.progressBar()
        defer { bar.finish() }
        for k in 0..<scenes {
            bar.draw(fraction: Double(k) / Double(scenes), label: "scene \(k + 1) of \(scenes)")
            let started = Date()
            let scene = try simulator.simulate(config: cfg, seed: seed &+ UInt64(k))
            let simulated = Date().timeIntervalSince(started)
            let url = try writer.write(scene, to: folder)
            let total = Date().timeIntervalSince(started)
            Console.line("SIMULATED \(url.path) (\(scene.lines)×\(scene.samples) at \(cfg.pixelSpacing) m, \(scene.templateName), simulate \(String(format: "%.2f", simulated)) s, total \(String(format: "%.2f", total)) s)")
        }
    }
}

extension SimulationOutputFormat: ExpressibleByArgument {}
