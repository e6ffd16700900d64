import ArgumentParser
import Foundation
import Logging
import SeaIceBench
import SeaIceInference
import SeaIceTensor
import SeaIceMultiTask
import SeaIceTraining

/// `seaice bench predict`: end-to-end prediction time of one full-size scene, by stage.
struct BenchPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Time predicting one full-size (4999 × 5213) SYNTHETIC ready-to-train scene end to end, by stage.",
        discussion: """
        Writes a synthetic scene (analytic fields, marked simulated) and an untrained checkpoint of \
        CONFIG's network into --work, then maps the scene like `seaice predict` (read + downscale, \
        network, upsample to 80 m, write products) --runs times and prints the stage times and \
        the peak resident memory. The first run includes one-off warm-up.
        """
    )

    @Option(help: "Training configuration whose network and inputs are timed.")
    var config: String = "configs/mmseaice.json"

    @Option(help: "Working folder for the synthetic scene, checkpoint and products.")
    var work: String = ".build/bench-predict"

    @Option(help: "Timed repetitions.")
    var runs: Int = 3

    @Option(help: "Torch threads (default: libtorch's).")
    var threads: Int?

    @Flag(help: "Write the SOD/FLOE probabilities too (13 float layers at 80 m).")
    var probabilities = false

    @Flag(help: "Write per-pixel latitude/longitude too.")
    var geolocation = false

    @Option(help: "Device: auto, cpu or cuda.")
    var device: DeviceChoice = .auto

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        if let t = threads { try TorchRuntime.setThreads(t) }
        let c = try TrainingConfiguration.load(URL(fileURLWithPath: config))
        let folder = URL(fileURLWithPath: work)
        let sceneURL = folder.appendingPathComponent("scene").appendingPathComponent("20190315T120000_dmi_prep.nc")
        let scene = FileManager.default.fileExists(atPath: sceneURL.path)
            ? sceneURL : try PredictionBenchmark.writeSyntheticScene(into: sceneURL.deletingLastPathComponent())
        let checkpoint = try PredictionBenchmark.writeUntrainedCheckpoint(c.specification, into: folder.appendingPathComponent("checkpoint"))
        let model = try TrainedModel.load(from: checkpoint, device: device.device)
        var mapper = SceneMapper(model: model, settings: c.validation.prediction,
                                 options: ProductOptions(probabilities: probabilities, geolocation: geolocation),
                                 commandLine: CommandLine.arguments.joined(separator: " "), device: device.device,
                                 logger: output.logger("seaice.bench-predict", normal: .info))
        mapper.writeQuicklook = true
        mapper.writeGeoTIFF = true
        Console.line("SYNTHETIC scene \(scene.lastPathComponent) (4999 × 5213 at 80 m), device \(device.device), torch threads \(TorchRuntime.threads)")
        for k in 1...max(runs, 1) {
            let t = try mapper.map(scene, into: folder.appendingPathComponent("products")).times
            Console.line(String(format: "run %d: total %.2f s = read+downscale %.2f + network %.2f + upsample %.2f + write %.2f",
                                k, t.total, t.read, t.network, t.upsample, t.write))
        }
        if let peak = PredictionBenchmark.peakResidentBytes() {
            Console.line(String(format: "peak resident memory: %.0f MiB", Double(peak) / 1_048_576))
        }
    }
}
