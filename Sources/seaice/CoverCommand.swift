import ArgumentParser
import Foundation
import SeaIceCore
import SeaIceCover
import SeaIceTiling
import SeaIceTraining

/// `seaice cover`: the Sentinel-1 sea-ice-cover system (seed 002, Wang & Li 2021).
struct CoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cover",
        abstract: "Sea-ice cover from Sentinel-1 (seed 002): the 400 m RGB composite and labelled training sets.",
        subcommands: [CoverCompositeCommand.self, CoverLabelCommand.self, CoverTrainCommand.self, CoverTrainLevel0Command.self,
                      CoverTrainLevel1Command.self, CoverPredictCommand.self]
    )
}

/// `seaice cover composite`: a scene at 400 m, HH incidence-corrected, as the U-Nets' RGB composite.
struct CoverCompositeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "composite",
        abstract: "Write the 400 m RGB composite (R = HV stretched, G = polarisation difference, B = ratio) of a scene.",
        discussion: """
            SCENE is an analysis-ready scene (`seaice preprocess` output or an AI4Arctic raw file). HH and HV are \
            averaged in linear units to --pixel-size, land (distance_map 0) is masked, HH is brought to the \
            reference angle by the scene's own linear regression on the incidence angle, and the composite is \
            written as a PNG with a JSON record (fit coefficients, thresholds, HV stretch) beside it.
            """
    )

    @Argument(help: "The scene netCDF.")
    var scene: String

    @Option(help: "Output PNG.")
    var out: String

    @Option(help: "Pixel size, m (a multiple of the scene's).")
    var pixelSize = 400

    @Option(help: "Reference incidence angle, degrees (default: the scene's mean).")
    var referenceAngle: Double?

    @Option(help: "Share of HV values discarded at each end of the stretch (0.02 in the paper, 0.05 with unmasked land).")
    var hvTail = 0.02

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        let url = URL(fileURLWithPath: scene)
        var configuration = CoverCompositeConfiguration()
        configuration.hvTail = hvTail
        let prepared = try CoverScene.load(url, pixelSize: pixelSize, referenceDegrees: referenceAngle)
        let composite = try prepared.composite(configuration)
        try prepared.write(composite, configuration: configuration, scene: url, to: URL(fileURLWithPath: out))
        let c = prepared.correction
        if c.count == 0 {
            Console.line("warning: \(url.path): no sea pixel with a finite HH value (entirely land or no data): "
                + "HH incidence regression skipped, the composite is empty")
        }
        Console.line("HH incidence correction: \(String(format: "%.4f", c.slope)) dB/° (r² \(String(format: "%.2f", c.rSquared)), "
            + "\(c.count) sea pixels), reference \(String(format: "%.2f", c.referenceDegrees))°")
        Console.line("wrote \(prepared.samples) × \(prepared.lines) composite at \(pixelSize) m to \(out) and \(out).json")
    }
}

/// `seaice cover label`: a labelled training set at 400 m from analysis-ready scenes.
struct CoverLabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Prepare scenes at 400 m with ice/water labels (simulator truth or ice chart) and a manifest.",
        discussion: """
            Each SCENE (an analysis-ready or AI4Arctic raw scene) is prepared as `seaice cover composite` does and \
            labelled: --labels truth takes the simulator's pixel truth (simulated scenes only), --labels chart \
            the scene's ice chart, ice where the total concentration is at least --ct-threshold percent. Labels \
            are the majority of each 400 m block; land and unlabelled blocks are 255. Writes <scene>_cover.nc per \
            scene and manifest.json (ice proportion, labelled share, marginal-ice-zone share, open-water HH) last.
            """
    )

    @Argument(help: "The scene netCDF files.")
    var scenes: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Label source: truth or chart.")
    var labels: String = "chart"

    @Option(help: "With --labels chart: ice where the total concentration is at least this many percent.")
    var ctThreshold = 15

    @Option(help: "Pixel size, m.")
    var pixelSize = 400

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard ["truth", "chart"].contains(labels) else { throw ValidationError("--labels must be truth or chart, got \(labels)") }
        guard (0...100).contains(ctThreshold) else { throw ValidationError("--ct-threshold must be 0…100, got \(ctThreshold)") }
    }

    func run() throws {
        output.activate()
        let folder = URL(fileURLWithPath: out)
        try OutputFolder.prepare(folder, option: "--out")
        let source: CoverLabelSource = labels == "truth" ? .truth : .chart(thresholdPercent: ctThreshold)
        let manifest = try CoverLabelledSetManifest.build(inputs: scenes.map { URL(fileURLWithPath: $0) }, labels: source,
                                                          pixelSize: pixelSize, into: folder)
        for e in manifest.scenes {
            Console.line("\(e.file): ice \(String(format: "%.1f", 100 * e.iceProportion)) %, labelled "
                + "\(String(format: "%.1f", 100 * e.labelledFraction)) %, MIZ \(String(format: "%.1f", 100 * e.mizFraction)) %")
        }
        Console.line("wrote \(manifest.scenes.count) labelled scenes\(manifest.simulated ? " (SIMULATED)" : "") and manifest.json to \(folder.path)")
    }
}

/// `seaice cover train`: one sea-ice-cover U-Net on a labelled set, through the engine's trainer.
struct CoverTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one sea-ice-cover U-Net (BCE + Dice) on a set written by `seaice cover label`.",
        discussion: """
            CONFIG is a CoverTrainingConfiguration (configs/cover-paper.json, configs/cover-demo.json). The run \
            folder holds configuration.json, metrics.jsonl, last/ and best/ (pixel accuracy on the held-out \
            scenes selects best/); --resume continues exactly after the last finished epoch.
            """
    )

    @Argument(help: "Training configuration JSON.")
    var config: String

    @Option(help: "Labelled set folder (with manifest.json).")
    var data: String

    @OptionGroup var runFolder: RunFolderOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let logger = output.logger("seaice.cover.train")
        let configuration = try ConfigurationFile.load(CoverTrainingConfiguration.self, from: URL(fileURLWithPath: config))
        let setup = try CoverTraining.makeTrainer(configuration: configuration, data: URL(fileURLWithPath: data),
                                                  run: URL(fileURLWithPath: runFolder.out), device: runFolder.device.device, logger: logger)
        let trainer = setup.trainer
        if runFolder.resume { try trainer.resume() }
        let simulated = trainer.simulatedData ? " (SIMULATED DATA)" : ""
        Console.line("training on \(setup.train) patches, validating on \(setup.validation)\(simulated), device \(runFolder.device.device)")
        let bar = output.progressBar()
        let summary = try trainer.train { p in
            if let m = p.finishedEpoch {
                bar.finish()
                func f(_ name: String) -> String { m.score(name).map { String(format: "%.3f", $0) } ?? "–" }
                Console.line("epoch \(m.epoch)/\(p.epochs): loss \(String(format: "%.4f", m.trainLoss)), accuracy \(f("accuracy")), "
                             + "ice F1 \(f("iceF1")), water F1 \(f("waterF1"))\(m.best ? ", best" : "")")
            } else {
                bar.draw(fraction: Double(p.iteration) / Double(p.iterationsPerEpoch),
                         label: "epoch \(p.epoch)/\(p.epochs) it \(p.iteration)/\(p.iterationsPerEpoch) loss \(String(format: "%.4f", p.meanLoss))")
            }
        }
        let best = summary.bestScore.map { String(format: "%.3f at epoch %d", $0, summary.bestEpoch ?? 0) } ?? "n/a"
        Console.line("done: \(summary.epochs) epochs, best accuracy \(best)\(simulated); checkpoint \(runFolder.out)/best")
    }
}

/// `seaice cover predict`: the sea-ice-cover product of scenes with one trained U-Net.
struct CoverPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict ice/water at 400 m with the ensemble or one U-Net: SIC_<id>_V1.0.nc (CF) and a PNG per scene.",
        discussion: """
            CHECKPOINT is an ensemble folder (`seaice cover train-level0` + `train-level1`) or a checkpoint folder             of `seaice cover train` (best/ or last/). Each SCENE is prepared as \
            `seaice cover composite` does, predicted by tiles (--tile, --overlap; the paper's 12-pixel overlap by \
            default) and written as SIC_<S1 product id>_V1.0.nc with Longitude, Latitude, SeaIce, Mask and \
            ice_probability, and a PNG of the cover.
            """
    )

    @Argument(help: "Ensemble folder or checkpoint folder.")
    var checkpoint: String

    @Argument(help: "Scene netCDF files.")
    var scenes: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Tile side, pixels at 400 m.")
    var tile = 256

    @Option(help: "Tile overlap, pixels.")
    var overlap = 12

    @Option(help: "Device: auto (CUDA when present), cpu or cuda.")
    var device: DeviceChoice = .auto

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        let folder = URL(fileURLWithPath: out)
        try OutputFolder.prepare(folder, option: "--out")
        let predictor = try CoverEnsembleTraining.model(at: URL(fileURLWithPath: checkpoint),
                                                        tiling: TilingConfiguration(tileSize: tile, overlap: overlap), device: device.device)
        for scene in scenes {
            let url = try CoverProduct.predict(URL(fileURLWithPath: scene), predictor: predictor, into: folder)
            Console.line("wrote \(url.path)")
        }
    }
}
