import Foundation
import Logging
import SeaIceCore

/// Settings of an evaluation run.
public struct EvaluationConfiguration: Codable, Sendable, Equatable {
    /// Charts to score (default all three; the combined score re-normalises the weights of those given).
    public var charts: [Chart]
    /// Rows read per block, bounding memory to `blockRows × samples` pixels per chart and input.
    public var blockRows: Int
    /// The checkpoint the predictions came from, recorded in the report (nil when not given).
    public var checkpoint: String?

    /// A configuration; the defaults score SIC, SOD and FLOE in blocks of 512 rows.
    public init(charts: [Chart] = Chart.allCases, blockRows: Int = 512, checkpoint: String? = nil) {
        self.charts = charts
        self.blockRows = blockRows
        self.checkpoint = checkpoint
    }
}

/// Scores predictions against references the way the AutoICE challenge does.
///
/// For every reference scene (the prediction must have it, with the same shape per chart),
/// label maps are read in blocks of rows and pair counts are added to a per-scene
/// `ConfusionMatrix` per chart; the per-scene matrices are summed into the pooled ones, which
/// is exactly the challenge's pooling of every valid pixel of all scenes into one flat array
/// per chart. Scenes present only in the predictions are ignored (with a warning).
public struct Evaluator {
    /// The settings used.
    public let configuration: EvaluationConfiguration
    private let logger: Logger

    /// An evaluator logging progress to `logger`.
    public init(configuration: EvaluationConfiguration = .init(), logger: Logger) {
        precondition(configuration.blockRows > 0, "blockRows must be positive, got \(configuration.blockRows)")
        precondition(!configuration.charts.isEmpty, "at least one chart must be scored")
        self.configuration = configuration
        self.logger = logger
    }

    /// Evaluates `predictions` against `references`.
    /// - Throws: `SeaIceError` naming file and variable for a missing scene or variable, a shape
    ///   mismatch or an invalid label value.
    /// `progress(done, total)` is called after each reference scene (for the caller's progress bar).
    public func evaluate(
        predictions: LabelSource, references: LabelSource, progress: ((Int, Int) -> Void)? = nil
    ) throws -> EvaluationReport {
        let charts = Chart.allCases.filter(configuration.charts.contains)
        let extra = Set(predictions.sceneIDs).subtracting(references.sceneIDs)
        if !extra.isEmpty {
            logger.warning("predictions have scenes without reference; ignored", metadata: ["scenes": "\(extra.sorted())"])
        }
        var pooled = Dictionary(uniqueKeysWithValues: charts.map { ($0, ConfusionMatrix(chart: $0)) })
        var pooledWater = WaterConsistency()
        var scenes: [SceneResult] = []
        for (number, id) in references.sceneIDs.enumerated() {
            let reference = try references.scene(id)
            guard predictions.sceneIDs.contains(id) else {
                throw SeaIceError.missing(file: predictions.url.path,
                                          item: "scene `\(id)` (present in \(references.url.lastPathComponent))")
            }
            let prediction = try predictions.scene(id)
            let (result, matrices, water) = try evaluateScene(prediction: prediction, reference: reference, charts: charts)
            for chart in charts { pooled[chart]!.merge(matrices[chart]!) }
            pooledWater.merge(water)
            scenes.append(result)
            progress?(number + 1, references.sceneIDs.count)
            logger.info("scored scene", metadata: [
                "scene": "\(id)", "n": "\(number + 1)/\(references.sceneIDs.count)",
                "combined": "\(result.combinedScore.map { "\($0)" } ?? "undefined")",
            ])
        }
        let results = charts.map { ChartResult(chart: $0, matrix: pooled[$0]!) }
        let notes = predictions.simulationNotes + references.simulationNotes
        return EvaluationReport(
            formatVersion: EvaluationReport.currentFormatVersion, toolVersion: SeaIceKitVersion.description,
            date: EvaluationReport.utcTimestamp(Date()), checkpoint: configuration.checkpoint,
            predictions: predictions.url.path, references: references.url.path,
            simulated: !notes.isEmpty, simulationNotes: notes,
            charts: results, combinedScore: Evaluator.combined(results),
            waterConsistency: charts.count == 3 ? Evaluator.percent(pooledWater.value) : nil,
            waterConsistencyPixels: pooledWater.pixels, scenes: scenes)
    }

    private func evaluateScene(prediction: SceneLabelReader, reference: SceneLabelReader, charts: [Chart])
        throws -> (SceneResult, [Chart: ConfusionMatrix], WaterConsistency) {
        var shape: [Int]? = nil
        for chart in charts {
            let refShape = try reference.shape(chart)
            let predShape = try prediction.shape(chart)
            guard predShape == refShape else {
                throw SeaIceError.invalidInput(file: prediction.file.path, item: "variable `\(prediction.variable(for: chart))`",
                                               expected: "shape \(refShape) as `\(reference.variable(for: chart))` in \(reference.file.path), found \(predShape)")
            }
            if let shape, shape != predShape {
                throw SeaIceError.invalidInput(file: prediction.file.path, item: "variable `\(prediction.variable(for: chart))`",
                                               expected: "the shape \(shape) of the scene's other charts, found \(predShape)")
            }
            shape = predShape
        }
        let lines = shape![0], samples = shape![1]
        var matrices = Dictionary(uniqueKeysWithValues: charts.map { ($0, ConfusionMatrix(chart: $0)) })
        var water = WaterConsistency()
        var start = 0
        while start < lines {
            let rows = start..<min(start + configuration.blockRows, lines)
            var predicted: [Chart: [UInt8]] = [:]
            for chart in charts {
                let p = try prediction.read(chart, rows: rows)
                let r = try reference.read(chart, rows: rows)
                matrices[chart]!.accumulate(reference: r, prediction: p)
                predicted[chart] = p
            }
            if charts.count == 3 {
                water.accumulate(sic: predicted[.sic]!, sod: predicted[.sod]!, floe: predicted[.floe]!)
            }
            start = rows.upperBound
        }
        let results = charts.map { ChartResult(chart: $0, matrix: matrices[$0]!) }
        let scene = SceneResult(scene: reference.sceneID, lines: lines, samples: samples, charts: results,
                                combinedScore: Evaluator.combined(results),
                                waterConsistency: charts.count == 3 ? Evaluator.percent(water.value) : nil)
        return (scene, matrices, water)
    }

    static func combined(_ results: [ChartResult]) -> Double? {
        var scores: [Chart: Double] = [:]
        for r in results { scores[r.chart] = r.score ?? .nan }
        return ChallengeScore.combined(scores)
    }

    static func percent(_ value: Double) -> Double? {
        value.isNaN ? nil : ChallengeScore.percent(value)
    }
}
