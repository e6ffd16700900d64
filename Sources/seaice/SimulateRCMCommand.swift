import ArgumentParser
import Foundation
import SeaIceCore
import SeaIceRCM
import SeaIceSAR
import SeaIceSimulator

/// `seaice simulate rcm`: a whole simulated RCM product (SIMULATED DATA) from the real RCM-2 metadata.
struct SimulateRCMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rcm",
        abstract: "Simulate an RCM GRD product (folder or zip) from real RCM metadata (clearly marked as simulated).",
        discussion: """
        The σ⁰ field is SimulatedRCMWriter.referenceField: HH from -12 dB (near range) to -20 dB (far range) with a \
        -6 dB disc (a floe) at the centre, HV 10 dB below; thermal noise at the product's NESZ is added. The product \
        (<template>_SIMU) opens with `seaice preprocess`.
        """)

    /// The options. `seaice simulate` declares --out, --size, --seed, --template and --data too, and
    /// ArgumentParser gives a parent every option it declares wherever it appears, so `run` reads these again from
    /// the arguments after `rcm` (`ownOptions`); the group is declared here for the help text and validation.
    struct Options: ParsableArguments {
        @Option(help: "Output folder (required).")
        var out: String?
        @Option(help: "Approximate product width in samples (the real product reduced by a whole factor); default: full size.")
        var size: Int?
        @Option(parsing: .unconditional, help: "Random seed (a non-negative integer).", transform: SeedOption.parse)
        var seed: UInt64 = 0
        @Flag(help: "Write a .zip instead of a folder.")
        var zip = false
        @Flag(help: "Leave out the thermal noise.")
        var noNoise = false
        @Option(help: "Real RCM product whose metadata is the template (default: rcm-metadata/… in the shared data folder).")
        var template: String?
        @Option(help: "The shared data folder (default: $SEAICE_DATA, ../shared/data, or shared/data beside the checkout).")
        var data: String?

        func validate() throws {
            if let size, size < 1 { throw ValidationError("--size must be at least 1, got \(size)") }
        }
    }

    @OptionGroup var options: Options

    /// The options as given after `rcm` on the command line.
    static func ownOptions(_ arguments: [String] = CommandLine.arguments) throws -> Options {
        guard let i = arguments.firstIndex(of: "rcm") else { return try Options.parse([]) }
        return try Options.parse(Array(arguments[(i + 1)...]))
    }

    func run() throws {
        let o = try Self.ownOptions()
        guard let out = o.out else { throw ValidationError("seaice simulate rcm needs --out FOLDER") }
        let (size, seed, zip, noNoise, template, data) = (o.size, o.seed, o.zip, o.noNoise, o.template, o.data)
        let templateURL = try template.map { URL(fileURLWithPath: $0) } ?? SharedDataLocator.locate(explicit: data)
            .appendingPathComponent("rcm-metadata/RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD")
        let full = try SimulatedRCMWriter.size(of: templateURL, reduction: 1)
        let k = size.map { max(1, full.width / $0) } ?? 1
        let (w, h) = try SimulatedRCMWriter.size(of: templateURL, reduction: k)
        let pols = try RCMProduct(url: templateURL, requireImagery: false).metadata.polarisations
        var fields: [Polarisation: [Float]] = [:]
        for p in pols { fields[p] = SimulatedRCMWriter.referenceField(width: w, height: h, polarisation: p) }
        let url = try SimulatedRCMWriter.write(
            .init(template: templateURL, reduction: k, sigma0: fields, thermalNoise: !noNoise, seed: seed),
            into: URL(fileURLWithPath: out), zip: zip)
        Console.line("SIMULATED RCM product \(url.path): \(w) × \(h) samples × lines, "
                     + "\(pols.map(\.rawValue).joined(separator: "/")), reduction \(k), seed \(seed)")
    }
}
