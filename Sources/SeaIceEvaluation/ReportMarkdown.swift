import Foundation

/// The human-readable `report.md` of an evaluation: scores, class-wise scores, confusion
/// matrices and the per-scene table, with a warning first when inputs were simulated.
public enum ReportMarkdown {
    /// Renders `report` as Markdown.
    public static func render(_ report: EvaluationReport) -> String {
        var out: [String] = ["# Evaluation report", ""]
        if report.simulated {
            out += ["> **Simulated data.** These figures come from simulated inputs, not from real ice charts:", ">"]
            out += report.simulationNotes.map { "> - \($0)" } + [""]
        }
        out += ["- predictions: `\(report.predictions)`", "- references: `\(report.references)`",
                "- checkpoint: " + (report.checkpoint.map { "`\($0)`" } ?? "not given"),
                "- scenes: \(report.scenes.count)",
                "- written \(report.date) by \(report.toolVersion) (report format \(report.formatVersion))",
                "- every score in percent (0–100)", ""]
        out += ["## Scores (AutoICE definitions, × 100, 3 decimals)", "",
                "| chart | metric | score | pixels |", "|---|---|---:|---:|"]
        for chart in report.charts {
            out.append("| \(chart.chart.rawValue) | \(metricName(chart.metric)) | \(text(chart.score)) | \(chart.pixels) |")
        }
        out.append("| combined | (2·SIC + 2·SOD + 1·FLOE) / 5 | \(text(report.combinedScore)) | |")
        out.append("| water consistency | 1 − mean(Σ pairwise water disagreement) | \(text(report.waterConsistency)) | \(report.waterConsistencyPixels) |")
        out.append("")
        for chart in report.charts {
            out += classTable(chart) + confusionTable(chart)
        }
        out += sceneTable(report)
        return out.joined(separator: "\n") + "\n"
    }

    static func metricName(_ metric: ChartMetric) -> String {
        metric == .r2 ? "R²" : "weighted F1"
    }

    static func text(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "undefined"
    }

    static func classTable(_ chart: ChartResult) -> [String] {
        var out = ["## \(chart.chart.rawValue): class-wise scores", ""]
        if let accuracy = chart.accuracy { out += [String(format: "Pixel accuracy %.3f %%.", accuracy), ""] }
        out += ["| class | name | precision % | recall % | F1 % | support |", "|---:|---|---:|---:|---:|---:|"]
        for c in chart.classes {
            let ratios = String(format: "%.2f | %.2f | %.2f", c.precision, c.recall, c.f1)
            out.append("| \(c.label) | \(c.name) | \(ratios) | \(c.support) |")
        }
        return out + [""]
    }

    static func confusionTable(_ chart: ChartResult) -> [String] {
        let labels = chart.confusion.labels.map { $0 == 255 ? "255 (masked)" : "\($0)" }
        var out = ["### \(chart.chart.rawValue) confusion matrix (rows = reference, columns = prediction)", "",
                   "| ref \\ pred | " + labels.joined(separator: " | ") + " |",
                   "|---|" + String(repeating: "---:|", count: labels.count)]
        for (label, row) in zip(labels, chart.confusion.counts) {
            out.append("| \(label) | " + row.map(String.init).joined(separator: " | ") + " |")
        }
        return out + ["", "![\(chart.chart.rawValue) confusion](confusion_\(chart.chart.rawValue).png)", ""]
    }

    static func sceneTable(_ report: EvaluationReport) -> [String] {
        let charts = report.charts.map(\.chart)
        var out = ["## Per scene", "",
                   "| scene | lines × samples | " + charts.map { "\($0.rawValue) \(metricName($0.metric))" }.joined(separator: " | ")
                       + " | combined | water consistency |",
                   "|---|---:|" + String(repeating: "---:|", count: charts.count + 2)]
        for scene in report.scenes {
            let scores = charts.map { text(scene.chart($0)?.score) }
            out.append("| \(scene.scene) | \(scene.lines) × \(scene.samples) | " + scores.joined(separator: " | ")
                       + " | \(text(scene.combinedScore)) | \(text(scene.waterConsistency)) |")
        }
        return out + [""]
    }
}
