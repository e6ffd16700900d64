import AI4ArcticTestSupport
import Foundation
import Logging
import SeaIceGDAL
import SeaIceModels
import SeaIceMultiTask
import SeaIceOptim
import SeaIceQuicklook
import SeaIceSampling
import SeaIceTestSupport
import SeaIceTraining
import XCTest

/// `training-curves.png`: the plot of metrics.jsonl, redrawn in the run folder after every epoch by
/// the observer `TrainingSetup.makeTrainer` registers.
final class TrainingCurvesTests: XCTestCase {
    /// One metrics line as the engine writes it.
    private func metrics(_ epoch: Int, loss: Double, combined: Double?) throws -> EpochMetrics {
        let validation = combined.map { #", "validation": {"combined": \#($0)}"# } ?? ""
        let json = """
            {"epoch": \(epoch), "iteration": \(2 * epoch), "learningRate": 0.01, "trainLoss": \(loss),
             "trainLosses": {"sic": \(loss / 2), "sod": \(loss / 4)}\(validation), "best": false, "seconds": 1,
             "simulatedData": true, "time": "2026-12-03T07:0\(epoch):00Z", "runID": "run-abc"}
            """
        return try JSONDecoder().decode(EpochMetrics.self, from: Data(json.utf8))
    }

    func testPlotNamesTheRunTheTimeRangeAndEverySeries() throws {
        let plot = TrainingCurves.plot([try metrics(1, loss: 2, combined: nil), try metrics(2, loss: 1, combined: 40)])
        XCTAssertEqual(plot.losses.map(\.name), ["loss", "sic", "sod"])
        XCTAssertEqual(plot.losses[0].points.map(\.value), [2, 1])
        XCTAssertEqual(plot.scores.map(\.name), ["combined"])
        XCTAssertEqual(plot.scores[0].points.map(\.epoch), [2], "epochs without a score are left out")
        XCTAssertEqual(plot.caption, [
            "SIMULATED DATA - not real ice charts", "run run-abc, epochs 1–2",
            "2026-12-03T07:01:00Z – 2026-12-03T07:02:00Z (UTC)",
        ])
        let image = plot.render()
        XCTAssertEqual([image.width, image.height], [TrainingCurvePlot.size.width, TrainingCurvePlot.size.height])
        // The first series (the total loss) is drawn in the palette's first colour inside the loss panel.
        let area = TrainingCurvePlot.areas[0]
        var hits = 0
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) where image.color(x: x, y: y) == TrainingCurvePlot.palette[0] {
                hits += 1
            }
        }
        XCTAssertGreaterThan(hits, 20)
        // Titles are drawn: dark pixels in the title row above each panel.
        for a in TrainingCurvePlot.areas {
            var ink = 0
            for y in 8..<36 { for x in a.x..<(a.x + 150) where image.color(x: x, y: y).r < 128 { ink += 1 } }
            XCTAssertGreaterThan(ink, 30, "title above the panel at x = \(a.x)")
        }
        XCTAssertEqual(TrainingCurvePlot.ticks(low: 0.12, high: 0.93), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(TrainingCurvePlot.ticks(low: 0, high: 100), [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(
            TrainingCurvePlot.ticks(low: 1, high: 1), [0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6], "flat: ±0.5 around it")
    }

    func testTinyTrainingRunWritesTheCurvesAfterEveryEpoch() throws {
        let dir = try TestPaths.temporaryDirectory("curves")
        let data = dir.appendingPathComponent("data"), run = dir.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (i, stamp) in ["20180607T184326", "20180708T184326", "20180809T184326"].enumerated() {
            try ReadySceneFixture(lines: 60 + 4 * i, samples: 50, timestamp: stamp, maskedRows: 3).write(to: data)
        }
        var sampler = SamplerConfiguration()
        sampler.channels = [
            .fullGrid("nersc_sar_primary"), .fullGrid("sar_incidenceangle"), .twoKm("btemp_18_7h"), .latitude,
        ]
        sampler.patchSize = 16
        sampler.batchSize = 2
        sampler.downscaleFactor = 2
        sampler.prefetchDepth = 1
        let c = TrainingConfiguration(
            model: UNetConfiguration(inputChannels: 4, filters: [4, 8]), sampler: sampler,
            optimizer: SGDConfiguration(learningRate: 0.01, momentum: 0.9, weightDecay: 0.01),
            schedule: .cosineWarmRestarts(t0: 4, tMult: 1, etaMin: 0), epochs: 2, iterationsPerEpoch: 2,
            validation: ValidationSettings(count: 1), seed: 5, threads: 1)
        let setup = try TrainingSetup.makeTrainer(configuration: c, data: data, run: run, device: .cpu,
                                                  logger: Logger(label: "test"))
        let png = run.appendingPathComponent(TrainingCurves.fileName)
        var seenAfterEpoch: [Int: Int] = [:]  // epoch → the plot's width, read back by GDAL then
        setup.trainer.epochObservers.append { m, _ in
            seenAfterEpoch[m.epoch] = try GDALRaster(path: png.path).width
        }
        _ = try setup.trainer.train { _ in }
        XCTAssertEqual(seenAfterEpoch, [1: 1000, 2: 1000], "the plot exists after each epoch")
        let raster = try GDALRaster(path: png.path)
        XCTAssertEqual([raster.width, raster.height, raster.bandCount], [1000, 420, 3])
        let events = run.appendingPathComponent(TensorBoardExport.relativePath)
        let log = try RunDirectory(url: run).metrics.read()
        XCTAssertEqual(try Data(contentsOf: events), TensorBoardExport.events(log), "the event file of the whole log")
        let plot = TrainingCurves.plot(try RunDirectory(url: run).metrics.read())
        XCTAssertEqual(plot.scores.first?.points.count, 2, "validation scores of both epochs")
        XCTAssert(plot.caption.contains { $0.hasPrefix("run ") && !$0.contains("unknown") }, "\(plot.caption)")
    }
}
