import Foundation
import SeaIceCore

/// Everything `seaice evaluate` measured: pooled chart scores, class-wise scores, confusion
/// matrices, per-scene scores and provenance. Serialised as `report.json` (snake_case keys,
/// schema in docs/report-schema.md; `formatVersion` 2).
///
/// One scale: every score, accuracy, precision, recall, F1 and consistency is in percent (0–100).
/// Chart scores are the challenge's: metric × 100 rounded to 3 decimals (`ChallengeScore`); the
/// class-wise figures and pixel accuracy are × 100 unrounded. Only `meanSquaredError` is not a
/// score (SIC class-index units², i.e. tenths²). A value that is undefined (no valid pixel, or
/// fewer than 2 pixels for R²) is `nil` (JSON `null`).
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// The `formatVersion` this code writes: 2 (1 was the unversioned layout with 0–1 fractions
    /// beside ×100 scores).
    public static let currentFormatVersion = 2
    /// Version of the report layout (`currentFormatVersion` when written by this code).
    public var formatVersion: Int
    /// The tool that wrote it: "SeaIceKit 0.1.0 (git 0123456789ab)" (`SeaIceKitVersion.description`).
    public var toolVersion: String
    /// When the evaluation ran, UTC, ISO 8601 (`2026-12-03T07:10:00Z`).
    public var date: String
    /// The checkpoint the predictions came from, when the caller said (`seaice evaluate --checkpoint`).
    public var checkpoint: String?
    /// The predictions file or folder.
    public var predictions: String
    /// The references file or folder.
    public var references: String
    /// Whether any input file carries a simulation attribute (figures then come from simulated data).
    public var simulated: Bool
    /// "file: attribute = value" for every simulation attribute found.
    public var simulationNotes: [String]
    /// Pooled results per chart, in the order SIC, SOD, FLOE.
    public var charts: [ChartResult]
    /// (2·SIC + 2·SOD + 1·FLOE) / 5 over the rounded chart scores, percent.
    public var combinedScore: Double?
    /// Water consistency × 100, rounded to 3 decimals (nil without all three charts or pixels).
    public var waterConsistency: Double?
    /// Pixels counted for the water consistency.
    public var waterConsistencyPixels: Int64
    /// Per-scene results, sorted by scene id.
    public var scenes: [SceneResult]

    /// The pooled result of `chart`, if evaluated.
    public func chart(_ chart: Chart) -> ChartResult? { charts.first { $0.chart == chart } }

    /// `date` as written into reports: ISO 8601 in UTC, whole seconds.
    public static func utcTimestamp(_ date: Date) -> String { UTCTimestamp.string(date) }
}

/// Precision, recall and F1 of one label in percent (0–100, unrounded), with its class name.
public struct ClassReport: Codable, Sendable, Equatable {
    /// The label value (0 … classCount − 1, or 255 when a prediction holds the mask value).
    public var label: Int
    /// The class name from the chart's `ClassTable` (`names`), "masked" for 255.
    public var name: String
    /// Precision × 100.
    public var precision: Double
    /// Recall × 100.
    public var recall: Double
    /// F1 × 100.
    public var f1: Double
    /// Reference pixels of `label`.
    public var support: Int64

    /// The percent form of `scores` in `chart`.
    public init(_ scores: ClassScores, chart: Chart) {
        label = scores.label
        name = chart.classTable.entry(UInt8(clamping: scores.label)).map(\.name) ?? "masked"
        precision = scores.precision * 100
        recall = scores.recall * 100
        f1 = scores.f1 * 100
        support = scores.support
    }
}

/// The pooled (or per-scene) evaluation of one chart.
public struct ChartResult: Codable, Sendable, Equatable {
    /// Which chart.
    public var chart: Chart
    /// R² for SIC, weighted F1 for SOD and FLOE.
    public var metric: ChartMetric
    /// Number of pixels with a valid reference.
    public var pixels: Int64
    /// The class names of the chart by code (`classNames[k]` names class k; `ClassTable.names`).
    public var classNames: [String]
    /// The challenge score: the metric × 100 rounded to 3 decimals; nil when undefined.
    public var score: Double?
    /// Percent of pixels predicted exactly (unrounded); nil when no pixel.
    public var accuracy: Double?
    /// Mean squared error in class-index units² (SIC only: tenths²); not a score, not in percent.
    public var meanSquaredError: Double?
    /// Precision, recall, F1 (percent) and support of every label present.
    public var classes: [ClassReport]
    /// The confusion matrix (rows = reference, columns = prediction).
    public var confusion: ConfusionTable

    /// Scores `matrix` with `chart`'s metric.
    public init(chart: Chart, matrix: ConfusionMatrix) {
        let classification = ClassificationMetrics(matrix)
        let value: Double?
        switch chart.metric {
        case .r2:
            let regression = RegressionMetrics(matrix)
            value = regression.r2.isNaN ? nil : regression.r2
            meanSquaredError = regression.count == 0 ? nil : regression.meanSquaredError
        case .weightedF1:
            value = classification.weightedF1
            meanSquaredError = nil
        }
        self.chart = chart
        self.metric = chart.metric
        self.pixels = matrix.total
        self.classNames = chart.classTable.names
        self.score = value.map(ChallengeScore.percent)
        self.accuracy = classification.accuracy.map { $0 * 100 }
        self.classes = classification.classes.map { ClassReport($0, chart: chart) }
        self.confusion = ConfusionTable(matrix)
    }
}

/// A confusion matrix as labelled rows: every class of the chart, plus 255 when a prediction holds it.
public struct ConfusionTable: Codable, Sendable, Equatable {
    /// Label values of the rows and of the columns.
    public var labels: [Int]
    /// `counts[r][c]`: pixels of reference `labels[r]` predicted as `labels[c]`.
    public var counts: [[Int64]]

    /// The table of `matrix` (the 255 row/column only when predictions contain 255).
    public init(_ matrix: ConfusionMatrix) {
        let maskUsed = matrix.columnSums[matrix.classCount] != 0
        let indices = Array(0..<(maskUsed ? matrix.size : matrix.classCount))
        labels = indices.map(matrix.value(at:))
        counts = indices.map { r in indices.map { c in matrix[r, c] } }
    }

    /// Each row divided by its sum (recall per class); rows with no pixel are all 0.
    public var rowNormalised: [[Double]] {
        counts.map { row in
            let sum = row.reduce(0, +)
            return row.map { sum == 0 ? 0 : Double($0) / Double(sum) }
        }
    }
}

/// The scores of one scene (the challenge pools scenes; these show where a model fails).
public struct SceneResult: Codable, Sendable, Equatable {
    /// Scene id, e.g. `20180124T194759_dmi`.
    public var scene: String
    /// Number of lines (rows) of the label maps.
    public var lines: Int
    /// Number of samples (columns) of the label maps.
    public var samples: Int
    /// Per-chart results of this scene alone.
    public var charts: [ChartResult]
    /// Combined score of this scene alone, percent.
    public var combinedScore: Double?
    /// Water consistency of this scene × 100, rounded to 3 decimals.
    public var waterConsistency: Double?

    /// The result of `chart` in this scene, if evaluated.
    public func chart(_ chart: Chart) -> ChartResult? { charts.first { $0.chart == chart } }
}

extension EvaluationReport {
    /// The report as pretty-printed JSON with snake_case keys and sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Reads a report written by `jsonData()`.
    public static func decode(_ data: Data) throws -> EvaluationReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(EvaluationReport.self, from: data)
    }
}
