import ArgumentParser
import Foundation
import Logging
import SeaIceBench

/// `seaice selftest`: a tiny end-to-end run of the tensor, network and checkpoint libraries on
/// synthetic data (the main job on simulated scenes is `make demo`).
struct SelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Check this installation: train a small U-Net on a synthetic task, checkpoint it, reload it and compare predictions.",
        discussion: "The data are synthetic. The main job on simulated satellite scenes is `make demo` (scripts/demo.sh)."
    )

    @Option(help: "Folder for the checkpoint (created if needed).")
    var out: String = "selftest-output"

    @Option(help: "Optimizer steps.")
    var steps = 40

    func validate() throws {
        guard steps >= 2 else { throw ValidationError("--steps must be at least 2") }
    }

    @OptionGroup var output: OutputOptions

    func run() throws {
        let logger = output.logger("seaice.selftest", normal: .info)
        var options = SyntheticDemo.Options()
        options.steps = steps
        Console.line("SeaIceKit self-test: synthetic disc-segmentation task (simulated data, not satellite data)")
        let result = try SyntheticDemo(options: options, logger: logger).run(directory: URL(fileURLWithPath: out))
        let first = result.losses.prefix(5).reduce(0, +) / Double(min(5, result.losses.count))
        let last = result.losses.suffix(5).reduce(0, +) / Double(min(5, result.losses.count))
        Console.line(String(format: "loss: mean of first 5 steps %.4f → last 5 steps %.4f", first, last))
        Console.line(String(format: "SOD pixel accuracy on a fresh synthetic batch: %.1f %%", result.sodAccuracy * 100))
        Console.line("checkpoint: \(result.checkpoint.path) (model.safetensors, optimizer.safetensors, checkpoint.json)")
        Console.line("reloaded predictions differ by at most \(result.reloadDifference)")
        guard result.reloadDifference == 0 else {
            throw ValidationError("reloaded network does not reproduce the saved one's predictions")
        }
    }
}
