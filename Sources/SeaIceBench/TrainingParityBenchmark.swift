import Foundation
import Logging
import SeaIceCore
import SeaIceInference
import SeaIceMultiTask
import SeaIceTraining

/// `seaice bench train`: one training configuration trained by SeaIceKit (`Trainer`, in this
/// process) and by the PyTorch reference trainer (`python/train_reference.py`, a child process)
/// on the same downscaled scenes, with the same seeds, threads and validation scenes; reports
/// seconds per epoch (training loop, validation + checkpoints), validation scores per seed and
/// their spread, and peak memory (issue 4, "parity and speed" (a)).
///
/// The validation split is drawn once (with the configuration's seed) and fixed for every run;
/// each seed then trains once per side, the order alternating (S P, P S, …) so that slow drifts
/// of a shared machine hit both sides. The two sides draw from different random streams, so the
/// scores are compared by their spread over seeds, never value by value.
public struct TrainingParityBenchmark {
    /// What to run.
    public struct Options: Sendable {
        /// The training configuration (epochs, iterations, validation settings as they will run).
        public var configuration: TrainingConfiguration
        /// Folder of ready-to-train files.
        public var data: URL
        /// Seeds; each trains once per side.
        public var seeds: [UInt64]
        /// libtorch intra-op threads on both sides.
        public var threads: Int
        /// Working folder (exported scenes, runs, report); emptied of earlier runs.
        public var work: URL
        /// The repository holding python/train_reference.py and scripts/python.
        public var repository: URL
        /// Whether the Python reference's glibc keeps freed memory (`PythonScript.retainFreedMemoryTunables`,
        /// the closest equivalent of SeaIceKit's `HostMemory` cache) instead of glibc's defaults (PyTorch as its users run it).
        public var pythonRetainsFreedMemory: Bool

        /// Creates options.
        public init(configuration: TrainingConfiguration, data: URL, seeds: [UInt64], threads: Int, work: URL, repository: URL,
                    pythonRetainsFreedMemory: Bool = false) {
            self.configuration = configuration
            self.data = data
            self.seeds = seeds
            self.threads = threads
            self.work = work
            self.repository = repository
            self.pythonRetainsFreedMemory = pythonRetainsFreedMemory
        }
    }

    /// The options.
    public let options: Options
    private let logger: Logger

    /// Creates the benchmark.
    public init(options: Options, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Runs every seed on both sides and returns the figures (also written to `work/report.json`).
    public func run() throws -> TrainingParityReport {
        let o = options
        precondition(!o.seeds.isEmpty && o.threads > 0, "seeds \(o.seeds), threads \(o.threads)")
        _ = try PythonScript("train_reference.py", repository: o.repository)  // fail before any training when it is missing
        var base = o.configuration
        base.threads = o.threads
        let files = try TrainingSetup.readyFiles(in: o.data)
        let (train, validation) = try TrainingSetup.split(files, settings: base.validation, seed: base.seed)
        base.validation.scenes = validation.map(\.lastPathComponent)
        base.validation.count = validation.count
        let simulated = try files.contains { try InferenceScene.isSimulated($0) }
        logger.info("\(train.count) training and \(validation.count) validation scenes\(simulated ? " (SIMULATED)" : ""); exporting them for the reference")
        let manifest = try ReferenceDataExport.export(train: train, validation: validation, sampler: base.sampler,
                                                      to: o.work.appendingPathComponent("reference-data"))
        var runs: [TrainingParityRun] = []
        for (i, seed) in o.seeds.enumerated() {
            var c = base
            c.seed = seed
            let configURL = o.work.appendingPathComponent("configuration-seed\(seed).json")
            try AtomicOutput.write(try c.encoded(), to: configURL)
            let sides: [TrainingParityRun.Side] = i % 2 == 0 ? [.swift, .python] : [.python, .swift]
            for side in sides {
                let runURL = o.work.appendingPathComponent("\(side.rawValue)-seed\(seed)")
                try? FileManager.default.removeItem(at: runURL)
                let run = side == .swift
                    ? try swiftRun(c, run: runURL)
                    : try ReferenceTrainerProcess(repository: o.repository, retainFreedMemory: o.pythonRetainsFreedMemory).run(
                        manifest: manifest, configuration: configURL, seed: seed, threads: o.threads, out: runURL)
                logger.info("\(side.rawValue) seed \(seed): \(run.epochs.count) epochs, median \(String(format: "%.2f", run.medianEpochSeconds)) s/epoch, best combined \(run.bestCombined.map { String(format: "%.2f", $0) } ?? "–")")
                runs.append(run)
            }
        }
        let report = TrainingParityReport(configuration: base, trainScenes: train.map(\.lastPathComponent),
                                          validationScenes: validation.map(\.lastPathComponent), simulated: simulated,
                                          threads: o.threads, runs: runs, pythonRetainsFreedMemory: o.pythonRetainsFreedMemory)
        try AtomicOutput.writeJSON(report, to: o.work.appendingPathComponent("report.json"))
        try AtomicOutput.write(Data(report.markdown.utf8), to: o.work.appendingPathComponent("report.md"))
        return report
    }

    /// One SeaIceKit run of `configuration` into `run`, timing the training loop of every epoch.
    private func swiftRun(_ configuration: TrainingConfiguration, run: URL) throws -> TrainingParityRun {
        var quiet = logger
        quiet.logLevel = .warning
        let (trainer, _, _) = try TrainingSetup.makeTrainer(configuration: configuration, data: options.data, run: run,
                                                            device: .cpu, logger: quiet)
        _ = ProcessMemory.resetPeak()
        var loopEnd: [Int: Double] = [:], epochEnd: [Int: Double] = [0: 0]
        let summary = try trainer.train { p in
            if p.finishedEpoch != nil { epochEnd[p.epoch] = p.elapsed } else if p.iteration == p.iterationsPerEpoch { loopEnd[p.epoch] = p.elapsed }
        }
        let epochs = summary.history.map { m in
            let loop = (loopEnd[m.epoch] ?? .nan) - (epochEnd[m.epoch - 1] ?? .nan)
            return TrainingParityRun.Epoch(epoch: m.epoch, seconds: m.seconds, trainSeconds: loop, validationSeconds: m.seconds - loop,
                                           loss: m.trainLoss, sic: m.score("sic"), sod: m.score("sod"), floe: m.score("floe"),
                                           combined: m.score("combined"))
        }
        return TrainingParityRun(side: .swift, seed: configuration.seed, epochs: epochs, peakKiB: ProcessMemory.peakKiB() ?? 0)
    }
}

extension TrainingParityBenchmark.Options {
    /// `configuration` with the command line's overrides: epochs, iterations per epoch, and the number of
    /// validation scenes (which also drops the named `validation.scenes` list, e.g. valset2, so that
    /// scenes are drawn from `data` instead).
    public static func configuration(_ configuration: TrainingConfiguration, epochs: Int?, iterationsPerEpoch: Int?,
                                     validationCount: Int?) throws -> TrainingConfiguration {
        var c = configuration
        if let epochs { c.epochs = epochs }
        if let iterationsPerEpoch { c.iterationsPerEpoch = iterationsPerEpoch }
        if let validationCount {
            c.validation.scenes = []
            c.validation.count = validationCount
        }
        try c.validate()
        return c
    }
}
