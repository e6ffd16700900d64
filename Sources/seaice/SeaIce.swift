import ArgumentParser
import Foundation
import SeaIceCore

/// The `seaice` command-line tool: a thin layer of commands over the SeaIceKit libraries.
@main
struct SeaIce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seaice",
        abstract: "Automatic Arctic sea-ice mapping from SAR, passive microwave and weather data.",
        version: SeaIceKitVersion.description,
        subcommands: [
            InfoCommand.self,
            ChartCommand.self,
            PMCommand.self,
            EvaluateCommand.self,
            AI4ArcticCommand.self,
            SimulateCommand.self,
            ShowCommand.self,
            TrainCommand.self,
            PredictCommand.self,
            PreprocessCommand.self,
            CoverCommand.self,
            BenchCommand.self,
            SelfTestCommand.self,
        ]
    )

    /// Runs the tool; `seaice help NAME…` for a command that does not exist fails (exit 64) instead of
    /// printing the root help with exit 0. SIGINT/SIGTERM/SIGHUP remove the temporaries of unfinished
    /// outputs before ending the process (`InterruptCleanup`).
    static func main() async {
        InterruptCleanup.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "help", let unknown = unknownCommand(in: Array(arguments.dropFirst())) {
            FileHandle.standardError.write(Data("Error: no command '\(unknown)' (see 'seaice --help' for the list)\n".utf8))
            Foundation.exit(64)
        }
        await main(nil)
    }

    /// The first name of `path` that is not a subcommand of the one before it (nil when all are).
    static func unknownCommand(in path: [String]) -> String? {
        var command: ParsableCommand.Type = SeaIce.self
        for name in path where !name.hasPrefix("-") {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return name }
            command = next
        }
        return nil
    }
}
