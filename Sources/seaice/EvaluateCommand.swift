import ArgumentParser
import Foundation
import Logging
import SeaIceCore
import SeaIceEvaluation

/// `seaice evaluate PREDICTIONS REFERENCES --out REPORT`: the AutoICE scores and a report folder.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score SIC/SOD/FLOE predictions against reference charts as the AutoICE challenge does.",
        discussion: """
        PREDICTIONS and REFERENCES are each an AutoICE submission file (one netCDF with uint8 \
        variables <scene>_SIC, <scene>_SOD, <scene>_FLOE) or a folder of per-scene netCDF files \
        with SIC, SOD and FLOE variables (e.g. the ready-to-train *_prep.nc files). Every \
        reference scene must be predicted. Writes report.json, report.md, scenes.csv and \
        confusion_<chart>.csv/.png into the --out folder.
        """
    )

    @Argument(help: "Predictions: a submission .nc file or a folder of per-scene .nc files.")
    var predictions: String

    @Argument(help: "References: a submission-format .nc file or a folder of per-scene .nc files.")
    var references: String

    @Option(name: .shortAndLong, help: "Report folder to write (created when absent).")
    var out: String

    @Option(help: "Charts to score, comma-separated (SIC,SOD,FLOE).")
    var charts: String = "SIC,SOD,FLOE"

    @Option(help: "Rows read per block (bounds memory).")
    var blockRows: Int = 512

    @Option(help: "The checkpoint the predictions came from, recorded in report.json and report.md.")
    var checkpoint: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard blockRows > 0 else { throw ValidationError("--block-rows must be positive, got \(blockRows)") }
        _ = try parsedCharts()
    }

    func parsedCharts() throws -> [Chart] {
        let names = charts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let parsed = try names.map { name -> Chart in
            guard let chart = Chart(rawValue: name) else {
                throw ValidationError("unknown chart `\(name)` in --charts; use SIC, SOD and/or FLOE")
            }
            return chart
        }
        guard !parsed.isEmpty else { throw ValidationError("--charts must name at least one of SIC, SOD, FLOE") }
        return parsed
    }

    func run() throws {
        let logger = output.logger("seaice.evaluate")
        try OutputFolder.requireFolderOrAbsent(URL(fileURLWithPath: out), option: "--out")
        let configuration = EvaluationConfiguration(
            charts: try parsedCharts(), blockRows: blockRows, checkpoint: checkpoint)
        let bar = output.progressBar()
        let predictionSource = try LabelSource(URL(fileURLWithPath: predictions), logger: logger)
        let referenceSource = try LabelSource(URL(fileURLWithPath: references), logger: logger)
        let report = try Evaluator(configuration: configuration, logger: logger)
            .evaluate(predictions: predictionSource, references: referenceSource, progress: { done, total in
                bar.draw(fraction: Double(done) / Double(total), label: "\(done)/\(total) scenes")
            })
        bar.finish()
        try ReportWriter(logger: logger).write(report, to: URL(fileURLWithPath: out))

        if report.simulated {
            Console.line("NOTE: inputs are simulated (\(report.simulationNotes.joined(separator: "; "))); scores come from simulated data.")
        }
        Console.line("scenes            \(report.scenes.count)")
        for chart in report.charts {
            let metric = chart.metric == .r2 ? "R²" : "weighted F1"
            Console.line("\(chart.chart.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(metric.padding(toLength: 12, withPad: " ", startingAt: 0)) \(Self.format(chart.score))  (\(chart.pixels) pixels)")
        }
        Console.line("combined          \(Self.format(report.combinedScore))")
        Console.line("water consistency \(Self.format(report.waterConsistency))")
        Console.line("report            \(out)")
    }

    static func format(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "undefined"
    }
}
