import ArgumentParser
import Foundation
import SeaIceInference

/// `seaice show`: a PNG of a scene's HH, HV, SIC, SOD and FLOE side by side with legends.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render HH, HV, SIC, SOD and FLOE of an AI4Arctic scene (raw or ready-to-train), or the SIC, SOD and "
            + "FLOE of a product from `seaice predict`, to a PNG."
    )

    @Argument(help: "An AI4Arctic netCDF file (raw or ready-to-train, real or simulated) or a predict product (.nc).")
    var file: String

    @Option(help: "The PNG to write.")
    var out: String

    @Option(help: "Longest side of each panel, pixels.")
    var maxSide: Int = 500

    func validate() throws {
        guard maxSide >= 16 else { throw ValidationError("--max-side must be at least 16") }
        guard out.lowercased().hasSuffix(".png") else { throw ValidationError("--out must name a .png file") }
    }

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        try ProductQuicklook.writeAny(URL(fileURLWithPath: file), to: URL(fileURLWithPath: out), maxSide: maxSide)
        Console.line("wrote \(out)")
    }
}
