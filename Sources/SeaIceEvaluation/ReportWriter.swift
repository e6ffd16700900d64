import Foundation
import Logging
import SeaIceCore

/// Writes an `EvaluationReport` as a folder of files, each through `AtomicOutput`:
///
/// | file | content |
/// |---|---|
/// | `report.json` | the whole report (snake_case keys), machine-readable |
/// | `report.md` | scores, class-wise tables, confusion matrices, per-scene table |
/// | `confusion_<chart>.csv` | pixel counts, rows = reference, columns = prediction |
/// | `confusion_<chart>.png` | heat map of the row shares (`ConfusionMatrixPNG`) |
/// | `scenes.csv` | one line per scene: pixels and scores per chart, combined, water consistency |
public struct ReportWriter {
    private let logger: Logger

    /// A writer logging the files it writes to `logger`.
    public init(logger: Logger) { self.logger = logger }

    /// Names of the files `write(_:to:)` produces for `report`.
    public static func fileNames(for report: EvaluationReport) -> [String] {
        ["report.json", "report.md", "scenes.csv"]
            + report.charts.flatMap { ["confusion_\($0.chart.rawValue).csv", "confusion_\($0.chart.rawValue).png"] }
    }

    /// Writes every report file into `folder` (created when absent).
    public func write(_ report: EvaluationReport, to folder: URL) throws {
        try AtomicOutput.write(try report.jsonData(), to: folder.appendingPathComponent("report.json"))
        try writeText(ReportMarkdown.render(report), to: folder.appendingPathComponent("report.md"))
        try writeText(ReportWriter.scenesCSV(report), to: folder.appendingPathComponent("scenes.csv"))
        for chart in report.charts {
            let name = chart.chart.rawValue
            try writeText(ReportWriter.confusionCSV(chart.confusion), to: folder.appendingPathComponent("confusion_\(name).csv"))
            let title = "\(name) confusion matrix" + (report.simulated ? " (SIMULATED DATA)" : "")
            try ConfusionMatrixPNG.write(chart.confusion, chart: chart.chart, title: title,
                                         to: folder.appendingPathComponent("confusion_\(name).png"))
        }
        logger.info("wrote evaluation report", metadata: ["folder": "\(folder.path)"])
    }

    /// The confusion table as CSV: header `reference\prediction,<labels…>`, then one row per reference label.
    public static func confusionCSV(_ table: ConfusionTable) -> String {
        var lines = ["reference\\prediction," + table.labels.map(String.init).joined(separator: ",")]
        for (label, row) in zip(table.labels, table.counts) {
            lines.append("\(label)," + row.map(String.init).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The per-scene table as CSV (empty cells for undefined scores).
    public static func scenesCSV(_ report: EvaluationReport) -> String {
        let charts = report.charts.map(\.chart)
        var header = ["scene", "lines", "samples"]
        for chart in charts { header += ["\(chart.rawValue)_pixels", "\(chart.rawValue)_\(chart.metric.rawValue)"] }
        header += ["combined", "water_consistency"]
        var lines = [header.joined(separator: ",")]
        for scene in report.scenes {
            var cells = [scene.scene, "\(scene.lines)", "\(scene.samples)"]
            for chart in charts {
                let result = scene.chart(chart)
                cells += ["\(result?.pixels ?? 0)", format(result?.score)]
            }
            cells += [format(scene.combinedScore), format(scene.waterConsistency)]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A score with 3 decimals, or "" when undefined.
    static func format(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? ""
    }

    private func writeText(_ text: String, to url: URL) throws {
        try AtomicOutput.write(Data(text.utf8), to: url)
    }
}
