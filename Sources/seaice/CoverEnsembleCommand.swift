import ArgumentParser
import Foundation
import SeaIceCore
import SeaIceCover
import SeaIceTiling
import SeaIceTraining

/// Options shared by the two ensemble stages.
struct CoverEnsembleOptions: ParsableArguments {
    @Argument(help: "Ensemble configuration JSON (configs/cover-ensemble-paper.json, configs/cover-ensemble-demo.json).")
    var config: String

    @Option(help: "Labelled set folder (with manifest.json) of `seaice cover label`.")
    var data: String

    @Option(help: "Ensemble folder (created when absent; rerunning continues it).")
    var ensemble: String

    @Option(help: "Device: auto (CUDA when present), cpu or cuda.")
    var device: DeviceChoice = .auto

    @OptionGroup var output: OutputOptions

    func load() throws -> CoverEnsembleConfiguration {
        try ConfigurationFile.load(CoverEnsembleConfiguration.self, from: URL(fileURLWithPath: config))
    }

    /// Prints the stage events and draws the progress bar.
    func reporter() -> (events: (CoverEnsembleTraining.Event) -> Void, progress: (String, TrainingProgress) -> Void) {
        let bar = output.progressBar()
        let events: (CoverEnsembleTraining.Event) -> Void = { event in
            switch event {
            case let .complete(stage, epochs):
                Console.line("\(stage): complete (\(epochs) epochs), left as it is")
            case let .started(stage, scenes, train, validation, resumed, simulated):
                Console.line("\(stage): \(scenes) training scenes, \(train) patches, validating on \(validation)"
                             + (resumed > 0 ? ", resuming after epoch \(resumed)" : "") + (simulated ? " (SIMULATED DATA)" : ""))
            case let .finished(stage, summary):
                bar.finish()
                let best = summary.bestScore.map { String(format: "%.3f at epoch %d", $0, summary.bestEpoch ?? 0) } ?? "n/a"
                Console.line("\(stage): \(summary.epochs) epochs, best accuracy \(best)")
            }
        }
        let progress: (String, TrainingProgress) -> Void = { stage, p in
            if let m = p.finishedEpoch {
                bar.finish()
                func f(_ name: String) -> String { m.score(name).map { String(format: "%.3f", $0) } ?? "–" }
                Console.line("\(stage) epoch \(m.epoch)/\(p.epochs): loss \(String(format: "%.4f", m.trainLoss)), accuracy \(f("accuracy"))\(m.best ? ", best" : "")")
            } else {
                bar.draw(fraction: Double(p.iteration) / Double(p.iterationsPerEpoch),
                         label: "\(stage) epoch \(p.epoch)/\(p.epochs) it \(p.iteration)/\(p.iterationsPerEpoch) loss \(String(format: "%.4f", p.meanLoss))")
            }
        }
        return (events, progress)
    }
}

/// `seaice cover train-level0`: the ensemble's level-0 U-Nets, each on its subset.
struct CoverTrainLevel0Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-level0",
        abstract: "Train the ensemble's level-0 U-Nets, each on the scenes its rule picks (seed 002 stacking, stage 1).",
        discussion: """
            Each member trains in ENSEMBLE/level0/<member>/ exactly as `seaice cover train` does, with seed \
            level0.loop.seed + its position. Rerunning the command resumes a member from its last finished epoch \
            and leaves finished members as they are; --member trains only the named ones (repeatable).
            """
    )

    @OptionGroup var options: CoverEnsembleOptions

    @Option(help: "Train only this member (repeatable).")
    var member: [String] = []

    func run() throws {
        options.output.activate()
        let r = options.reporter()
        try CoverEnsembleTraining.trainLevel0(try options.load(), data: URL(fileURLWithPath: options.data),
                                              ensemble: CoverEnsembleFolder(url: URL(fileURLWithPath: options.ensemble)), only: member,
                                              device: options.device.device, logger: options.output.logger("seaice.cover.level0"),
                                              events: r.events, progress: r.progress)
    }
}

/// `seaice cover train-level1`: the ensemble's per-pixel stacking network.
struct CoverTrainLevel1Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-level1",
        abstract: "Train the ensemble's level-1 stacking network on the level-0 probabilities (seed 002 stacking, stage 2).",
        discussion: """
            Needs every level-0 member finished. The members' probabilities (tiled as at prediction), the composite \
            and the estimated scene ice proportion are the per-pixel inputs; the run lives in ENSEMBLE/level1/ with \
            members.json naming the members and their weights. Rerunning resumes; a finished level 1 is left as it is.
            """
    )

    @OptionGroup var options: CoverEnsembleOptions

    @Option(help: "Tile side for the members' probabilities, pixels at 400 m.")
    var tile = 256

    @Option(help: "Tile overlap, pixels.")
    var overlap = 12

    func run() throws {
        options.output.activate()
        let r = options.reporter()
        try CoverEnsembleTraining.trainLevel1(try options.load(), data: URL(fileURLWithPath: options.data),
                                              ensemble: CoverEnsembleFolder(url: URL(fileURLWithPath: options.ensemble)),
                                              tiling: TilingConfiguration(tileSize: tile, overlap: overlap),
                                              device: options.device.device, logger: options.output.logger("seaice.cover.level1"),
                                              events: r.events, progress: r.progress)
    }
}
