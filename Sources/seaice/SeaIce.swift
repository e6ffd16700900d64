import ArgumentParser

/// The `seaice` command-line tool: a thin layer of commands over the SeaIceKit libraries.
@main
struct SeaIce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seaice",
        abstract: "Automatic Arctic sea-ice mapping from SAR, passive microwave and weather data.",
        subcommands: [
            InfoCommand.self,
            ChartCommand.self,
            EvaluateCommand.self,
            AI4ArcticCommand.self,
            SimulateCommand.self,
            ShowCommand.self,
            TrainCommand.self,
            PredictCommand.self,
            PreprocessCommand.self,
            BenchCommand.self,
            SelfTestCommand.self,
        ]
    )
}
