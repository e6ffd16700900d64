import ArgumentParser
import Foundation
import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceEvaluation
import SeaIceInference
import SeaIceProducts

/// `seaice predict CHECKPOINT SCENES... --out DIR`: whole-scene SIC/SOD/FLOE maps and products.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Map SIC, SOD and FLOE for AI4Arctic scenes with a trained checkpoint.",
        discussion: """
        Each scene (ready-to-train, or raw: converted on the fly) is downscaled as the checkpoint \
        was trained, passed whole through the network (in overlapping tiles when larger than \
        --max-pixels downscaled pixels) and upsampled (nearest) to 80 m. Writes per scene a \
        CF-1.10/ACDD-1.3 netCDF (<scene>.nc), Cloud-Optimised GeoTIFFs (<scene>_SIC.tif, _SOD.tif, \
        _FLOE.tif, _SOD_probability.tif, ...; tie points as GCPs) and a PNG quick-look (<scene>.png); \
        with --grid also the same products warped onto a north-up map grid \
        (<scene>_epsg3413_6250m.nc and .tif files); with --submission also the AutoICE submission \
        file. A scene's files appear together and only when complete (the .nc last); Ctrl-C or \
        SIGTERM removes the temporaries, and those of killed runs are removed by the next run into \
        the same folder. Two inputs of the same scene (a raw file and its ready-to-train file) are refused.
        """
    )

    @Argument(help: "Checkpoint folder (e.g. RUN/best).")
    var checkpoint: String

    @Argument(help: "AI4Arctic scene files (ready-to-train *_prep.nc or raw).")
    var scenes: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String

    @Option(help: "Also write the AutoICE submission file here (e.g. submission.nc).")
    var submission: String?

    @Flag(help: "Leave out the SOD/FLOE class probabilities (52 bytes per 80 m pixel).")
    var noProbabilities = false

    @Flag(help: "Leave out per-pixel latitude/longitude.")
    var noGeolocation = false

    @Flag(help: "Do not write GeoTIFFs.")
    var noGeotiff = false

    @Flag(help: "Do not write PNG quick-looks.")
    var noQuicklook = false

    @Option(help: """
        Also write the products on a north-up map grid: EPSG:CODE:RES (metres; the scene's box snapped \
        to multiples of RES), EPSG:CODE:XMIN,YMIN,XMAX,YMAX:RES, nsidc-ps-north-RESkm (EPSG:3413) or \
        ease2-north-RESkm (EPSG:6931). CODE: 3413 or 6931.
        """)
    var grid: String?

    @Option(help: "Largest downscaled scene (pixels) predicted in one pass; larger scenes are tiled.")
    var maxPixels: Int = PredictionSettings().maxPixelsPerPass

    @Option(help: "Tile side and overlap (downscaled pixels) when tiling.")
    var tileSize: Int = PredictionSettings().tileSize

    @Option(help: "Overlap between tiles (downscaled pixels).")
    var overlap: Int = PredictionSettings().overlap

    @Option(help: "Device: auto (CUDA when present), cpu or cuda.")
    var device: DeviceChoice = .auto

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !scenes.isEmpty else { throw ValidationError("give at least one scene file") }
        guard maxPixels > 0, tileSize > overlap, overlap >= 0 else {
            throw ValidationError("--max-pixels must be positive and --tile-size larger than --overlap ≥ 0")
        }
        if let grid {
            do { _ = try ChartGridSpecification(parsing: grid) } catch { throw ValidationError("--grid: \(error)") }
        }
    }

    func run() throws {
        let logger = output.logger("seaice.predict")
        // Two processes appending scenes to one submission file would keep only the last one's scenes.
        let submissionLock = try submission.map { path in
            try FileLock.forOutput(URL(fileURLWithPath: path), what: "the submission file \(path)")
        }
        defer { submissionLock?.release() }
        let inputs = scenes.map { URL(fileURLWithPath: $0) }
        try SceneMapper.checkDistinctScenes(inputs)
        let folder = URL(fileURLWithPath: out)
        let swept = try OutputFolder.prepare(folder, option: "--out") + TemporaryFolder.sweepStale()
        if !swept.isEmpty {
            logger.warning("removed \(swept.count) temporaries left by killed runs: \(swept.map(\.path))")
        }
        let model = try TrainedModel.load(from: URL(fileURLWithPath: checkpoint), device: device.device)
        var mapper = SceneMapper(model: model, settings: PredictionSettings(maxPixelsPerPass: maxPixels, tileSize: tileSize, overlap: overlap),
                                 options: ProductOptions(probabilities: !noProbabilities, geolocation: !noGeolocation),
                                 commandLine: CommandLine.arguments.joined(separator: " "), device: device.device, logger: logger)
        mapper.writeGeoTIFF = !noGeotiff
        mapper.writeQuicklook = !noQuicklook
        mapper.mapGrid = try grid.map(ChartGridSpecification.init(parsing:))
        var classMaps: [IceProduct] = []  // SIC/SOD/FLOE only, for the submission
        let bar = output.progressBar()
        for (k, scene) in inputs.enumerated() {
            bar.draw(fraction: Double(k) / Double(inputs.count), label: scene.lastPathComponent)
            let result = try mapper.mapAny(scene, into: folder)
            let t = result.times
            let simulated = result.product.provenance.simulated ? " [SIMULATED DATA]" : ""
            Console.line(String(format: "%@: %.2f s (read %.2f, network %.2f, upsample %.2f, write %.2f) → %@%@",
                                result.sceneID, t.total, t.read, t.network, t.upsample, t.write, result.netCDF.path, simulated))
            if submission != nil { classMaps.append(result.product.classMapsOnly) }
        }
        bar.draw(fraction: 1, label: "done")
        bar.finish()
        if let path = submission {
            try SubmissionBuilder.write(classMaps, to: URL(fileURLWithPath: path))
            Console.line("submission: \(path)")
        }
    }
}
