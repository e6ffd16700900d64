import ArgumentParser
import Foundation
import SeaIceBench
import SeaIceCore

/// `seaice bench simulate`: simulator speed and the ten-stage separability (SIMULATED figures).
struct BenchSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Time resource loading, 1000 × 1000 scenes, a demo-size day and the ten-stage classifier (SIMULATED data).",
        discussion: "Run on a release build (swift build -c release). --full-size adds a 10 000 × 10 000 world scene (about 6.4 GB of memory)."
    )

    @Option(help: "Timed repeats of the 1000 × 1000 scenes (median reported).")
    var repeats = 3

    @Flag(help: "Also time a full-size 10 000 × 10 000 EW scene from the world.")
    var fullSize = false

    @Option(help: "The shared data folder (default: $SEAICE_DATA, ../shared/data, or shared/data beside the checkout of this binary).")
    var data: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        let logger = output.logger("seaice.bench-simulate", normal: .warning)
        let bench = SimulatorBenchmark(dataFolder: try SharedDataLocator.locate(explicit: data), repeats: repeats,
                                       fullSize: fullSize, logger: logger)
        Console.line("SIMULATED data; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        _ = try bench.run { row in
            Console.line(row.name.padding(toLength: 90, withPad: " ", startingAt: 0) + String(format: " %8.2f %@", row.value, row.unit))
        }
    }
}
