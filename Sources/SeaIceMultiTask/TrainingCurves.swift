import Foundation
import SeaIceQuicklook
import SeaIceTraining

/// The training-curve plot of a run: `training-curves.png` in the run folder (and the TensorBoard
/// event file beside it), redrawn from the whole `metrics.jsonl` after every epoch by the epoch
/// observer that `TrainingSetup.makeTrainer` registers
/// (the engine never imports the picture layer; the system wires it).
public enum TrainingCurves {
    /// File name of the plot inside the run folder.
    public static let fileName = "training-curves.png"

    /// The plot of `metrics` (one line per epoch, in order): the weighted total `loss` and every
    /// named loss term on the left, every validation score on the right; the caption gives the run
    /// id and the UTC time range of the lines, and says so first when the data are simulated.
    public static func plot(_ metrics: [EpochMetrics]) -> TrainingCurvePlot {
        func series(_ names: [String], _ value: (EpochMetrics, String) -> Double?) -> [TrainingCurvePlot.Series] {
            names.map { name in
                TrainingCurvePlot.Series(
                    name: name, points: metrics.compactMap { m in value(m, name).map { (m.epoch, $0) } })
            }
        }
        let lossNames = Array(Set(metrics.flatMap(\.trainLosses.keys))).sorted()
        let scoreNames = Array(Set(metrics.flatMap { ($0.validation ?? [:]).keys })).sorted()
        let losses = [TrainingCurvePlot.Series(name: "loss", points: metrics.map { ($0.epoch, $0.trainLoss) })]
            + series(lossNames) { $0.trainLosses[$1] }
        let scores = series(scoreNames) { $0.validation?[$1] }
        let runs = Array(Set(metrics.compactMap(\.runID))).sorted()
        let times = metrics.compactMap(\.time)
        var caption = [
            "run \(runs.isEmpty ? "unknown" : runs.joined(separator: ", ")), epochs "
                + "\(metrics.first?.epoch ?? 0)–\(metrics.last?.epoch ?? 0)",
            times.isEmpty ? "time not recorded" : "\(times.first!) – \(times.last!) (UTC)",
        ]
        if metrics.contains(where: \.simulatedData) { caption.insert("SIMULATED DATA - not real ice charts", at: 0) }
        return TrainingCurvePlot(losses: losses, scores: scores, caption: caption)
    }

    /// Redraws `training-curves.png` in `run` from its metrics log (the epoch observer).
    public static func write(run: RunDirectory) throws {
        try plot(try run.metrics.read()).write(to: run.url.appendingPathComponent(fileName))
    }

    /// The epoch observer that keeps the plot and the TensorBoard event file (`TensorBoardExport`)
    /// current (`Trainer.epochObservers`).
    public static func observe(_ metrics: EpochMetrics, _ run: RunDirectory) throws {
        try write(run: run)
        try TensorBoardExport.write(run: run)
    }
}
