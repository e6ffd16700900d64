import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceEvaluation
import SeaIceInference
import SeaIceModels
import SeaIceSampling
import SeaIceTensor

/// Validation scores in percent, as the AutoICE challenge computes them.
public struct ValidationScores: Codable, Sendable, Equatable {
    /// SIC R² × 100.
    public var sic: Double
    /// SOD weighted F1 × 100.
    public var sod: Double
    /// FLOE weighted F1 × 100.
    public var floe: Double
    /// (2·SIC + 2·SOD + FLOE) / 5, nil when a chart had no valid pixel.
    public var combined: Double?
}

/// Validation on whole scenes (MMSeaIce practice): each held-out scene is downscaled once and kept
/// in memory; every epoch the network predicts each whole downscaled scene, the prediction is
/// upsampled (nearest) to 80 m and every valid 80 m label pixel of all scenes is pooled per chart
/// (`ConfusionMatrix`), giving SIC R², SOD/FLOE weighted F1 and the combined score.
public final class Validator {
    /// The held-out scenes, downscaled.
    public let scenes: [InferenceScene]
    /// The network's inputs.
    public let inputs: SamplerConfiguration
    /// Whole-scene prediction settings.
    public let settings: PredictionSettings
    /// Device of the network.
    public let device: Device
    /// Called after each scene with (scenes done, scenes) while scoring (the caller's progress bar).
    public var progress: ((Int, Int) -> Void)?

    /// Loads and downscales `files` once.
    public init(files: [URL], inputs: SamplerConfiguration, settings: PredictionSettings, device: Device) throws {
        scenes = try files.map { try InferenceScene.load($0, configuration: inputs) }
        self.inputs = inputs
        self.settings = settings
        self.device = device
    }

    /// Whether any validation scene is simulated.
    public var simulated: Bool { scenes.contains(where: \.simulated) }

    /// Scores `network` (switched to evaluation mode; the caller switches back to training).
    public func score(_ network: any MultiTaskNetwork) throws -> ValidationScores {
        let predictor = try ScenePredictor(network: network, inputs: inputs, settings: settings, device: device)
        var matrices: [Chart: ConfusionMatrix] = Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, ConfusionMatrix(chart: $0)) })
        for (k, scene) in scenes.enumerated() {
            let p = try predictor.predict(scene.scene)
            try accumulate(p, scene: scene, into: &matrices)
            progress?(k + 1, scenes.count)
        }
        let sic = ChallengeScore.percent(RegressionMetrics(matrices[.sic]!).r2)
        let sod = ChallengeScore.percent(ClassificationMetrics(matrices[.sod]!).weightedF1 ?? .nan)
        let floe = ChallengeScore.percent(ClassificationMetrics(matrices[.floe]!).weightedF1 ?? .nan)
        return ValidationScores(sic: sic, sod: sod, floe: floe, combined: ChallengeScore.combined([.sic: sic, .sod: sod, .floe: floe]))
    }

    /// Adds the 80 m pixel pairs of one scene, reading its labels in blocks of downscaled rows.
    func accumulate(_ p: DownscaledPrediction, scene: InferenceScene, into matrices: inout [Chart: ConfusionMatrix]) throws {
        let file = try AI4ArcticFile.open(scene.url, expecting: .readyToTrain)
        defer { try? file.close() }
        let g = file.geometry, f = scene.scene.factor
        let charts: [(Chart, String, [UInt8])] = [(.sic, AI4ArcticSchema.Name.sic, p.sic), (.sod, AI4ArcticSchema.Name.sod, p.sod),
                                                  (.floe, AI4ArcticSchema.Name.floe, p.floe)]
        for name in AI4ArcticSchema.labelVariables where !file.has(name) {
            throw SeaIceError.missing(file: scene.url.path, item: "variable `\(name)` (validation needs labels)")
        }
        let blockRows = 32 * f
        for r0 in stride(from: 0, to: g.lines, by: blockRows) {
            let w = GridWindow(row: r0, col: 0, rows: min(blockRows, g.lines - r0), cols: g.samples)
            for (chart, name, values) in charts {
                let reference = try file.readLabels(name, window: w)
                let predicted = NearestUpsampling.upsample(
                    Array(values[(r0 / f * p.cols)..<(min((r0 + w.rows + f - 1) / f, p.rows) * p.cols)]),
                    rows: min((r0 + w.rows + f - 1) / f, p.rows) - r0 / f, cols: p.cols, factor: f,
                    lines: w.rows, samples: w.cols)
                matrices[chart]!.accumulate(reference: reference, prediction: predicted)
            }
        }
    }
}
