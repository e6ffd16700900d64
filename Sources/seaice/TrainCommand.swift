import ArgumentParser
import Foundation
import Logging
import SeaIceCore
import SeaIceTensor
import SeaIceMultiTask
import SeaIceTraining

/// `seaice train CONFIG --data DIR --out RUN`: trains the multi-task U-Net (seed 001).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the multi-task U-Net (SIC/SOD/FLOE) on AI4Arctic ready-to-train scenes.",
        discussion: """
        CONFIG is a JSON TrainingConfiguration (configs/mmseaice.json is the AutoICE winner's). \
        The run folder receives configuration.json, metrics.jsonl (one JSON line per epoch), \
        last/ (resumable checkpoint) and best/ (best validation combined score; use it with \
        `seaice predict`). --resume continues exactly after the last finished epoch. The same \
        seed gives the same run.
        """
    )

    @Argument(help: "Training configuration (JSON).")
    var config: String

    @Option(help: "Folder of ready-to-train scenes (*_prep.nc).")
    var data: String

    @OptionGroup var runFolder: RunFolderOptions

    @Option(help: "Override the configuration's number of epochs.")
    var epochs: Int?

    @Option(parsing: .unconditional, help: "Override the configuration's seed (a non-negative integer).",
            transform: SeedOption.parse)
    var seed: UInt64?

    @Option(help: "Override the configuration's mixedPrecision: off, auto (float16 + loss scaling on CUDA, float32 on the CPU), bfloat16 or float16.")
    var mixedPrecision: MixedPrecision?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let e = epochs, e <= 0 { throw ValidationError("--epochs must be positive, got \(e)") }
    }

    func run() throws {
        let logger = output.logger("seaice.train")
        var configuration = try TrainingConfiguration.load(URL(fileURLWithPath: config))
        if let e = epochs { configuration.epochs = e }
        if let s = seed { configuration.seed = s }
        if let m = mixedPrecision { configuration.mixedPrecision = m }
        let bar = output.progressBar()
        let setup = try TrainingSetup.makeTrainer(
            configuration: configuration, data: URL(fileURLWithPath: data), run: URL(fileURLWithPath: runFolder.out),
            device: runFolder.device.device, logger: logger, validationProgress: { done, total in
                bar.draw(fraction: Double(done) / Double(total), label: "validation scene \(done)/\(total)")
            })
        let trainer = setup.trainer
        if runFolder.resume { try trainer.resume() }
        let simulated = trainer.simulatedData ? " (SIMULATED DATA)" : ""
        Console.line("training on \(setup.train.count) scenes, validating on \(setup.validation.count)\(simulated), device \(runFolder.device.device), "
                     + "precision \(trainer.precision)")
        let summary = try trainer.train { p in
            if let m = p.finishedEpoch {
                bar.finish()
                let score = Self.scores(m)
                let scaling = m.lossScale.map { ", loss scale \(String(format: "%g", $0)), \(m.skippedSteps ?? 0) steps skipped" } ?? ""
                Console.line("epoch \(m.epoch)/\(p.epochs): loss \(String(format: "%.4f", m.trainLoss)), \(score)\(m.best ? ", best" : "")\(scaling)")
            } else {
                bar.draw(fraction: Double(p.iteration) / Double(p.iterationsPerEpoch),
                         label: "epoch \(p.epoch)/\(p.epochs) it \(p.iteration)/\(p.iterationsPerEpoch) loss \(String(format: "%.4f", p.meanLoss)) "
                               + "lr \(String(format: "%.2e", p.learningRate)) left \(Console.duration(p.remaining))")
            }
        }
        let best = summary.bestScore.map { String(format: "%.3f at epoch %d", $0, summary.bestEpoch ?? 0) } ?? "n/a"
        Console.line("done: \(summary.epochs) epochs, best combined \(best)\(simulated); checkpoint \(runFolder.out)/best")
    }
}

extension TrainCommand {
    /// "combined 51.9 (SIC 60.1, SOD 48.2, FLOE 40.0)", with "–" and the reason for undefined scores.
    static func scores(_ m: EpochMetrics) -> String {
        guard m.validation != nil else { return "no validation" }
        func f(_ name: String) -> String { m.score(name).map { String(format: "%.3f", $0) } ?? "–" }
        let why = (m.undefinedScores ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return "combined \(f("combined")) (SIC \(f("sic")), SOD \(f("sod")), FLOE \(f("floe")))"
            + (why.isEmpty ? "" : "; undefined: " + why.joined(separator: "; "))
    }
}

extension MixedPrecision: ExpressibleByArgument {}

/// The run-folder options of every training command (`seaice train`, `seaice cover train`): the folder, resume
/// and the device.
struct RunFolderOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Run folder (created when absent).")
    var out: String

    @Flag(help: "Continue from the run folder's last checkpoint.")
    var resume = false

    @Option(help: "Device: auto (CUDA when present), cpu or cuda.")
    var device: DeviceChoice = .auto

    func validate() throws {
        try OutputFolder.requireFolderOrAbsent(URL(fileURLWithPath: out), option: "--out")
        if !resume, FileManager.default.fileExists(atPath: URL(fileURLWithPath: out).appendingPathComponent("last").path) {
            throw ValidationError("\(out) already holds a run: pass --resume to continue it, or choose another --out")
        }
    }
}

/// Where tensors live, as chosen on the command line.
enum DeviceChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, cpu, cuda

    var device: Device {
        switch self {
        case .auto: return Device.best
        case .cpu: return .cpu
        case .cuda: return .cuda(0)
        }
    }
}
