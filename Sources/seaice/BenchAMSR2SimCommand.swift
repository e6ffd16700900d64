import ArgumentParser
import Foundation
import SeaIceCore
import SeaIceSimulator

/// `seaice bench amsr2-sim`: the simulated AMSR2 against the real RRDP points, and the time of one swath.
struct BenchAMSR2SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amsr2-sim",
        abstract:
            "Simulated AMSR2 at SIC 1 and 0 vs the real RRDP points (fit on one half, checked on the other), and swath timing."
    )

    @Option(
        parsing: .unconditional, help: "Random seed of the residual and radiometer-noise draws.",
        transform: SeedOption.parse)
    var seed: UInt64 = 0

    @Flag(help: "Skip the timing of one simulated half-orbit over the arctic.nc truth.")
    var noTiming = false

    @Option(
        help:
            "The shared data folder (default: $SEAICE_DATA, ../shared/data, or shared/data beside the checkout of this binary)."
    )
    var data: String?

    func run() throws {
        let dataFolder = try SharedDataLocator.locate(explicit: data)
        let signatures = try MicrowaveSignatures(folder: dataFolder.appendingPathComponent("cimr-rrdp"))
        let comparison = AMSR2RRDPComparison(signatures: signatures, seed: seed)
        Console.line(comparison.markdown)
        guard !noTiming else { return }
        let truth = try ArcticMapTruth(dataFolder: dataFolder)
        let simulator = AMSR2SwathSimulator(
            model: AMSR2EmissionModel(fitting: signatures),
            weather: try ArcticWeather(climatology: WeatherClimatology(signatures: signatures), seed: seed), truth: truth,
            seed: seed)
        let node = AMSR2DaySimulator.nodes(of: Date(timeIntervalSince1970: 1_604_275_200))[0]  // 2020-11-02
        let started = Date()
        let swath = simulator.simulate(node: node, pass: .ascending)
        let seconds = Date().timeIntervalSince(started)
        Console.line(
            "SIMULATED half-orbit: \(swath.scans) scans × 486 footprints (6 footprint sizes, res06) in \(String(format: "%.2f", seconds)) s"
        )
    }
}
