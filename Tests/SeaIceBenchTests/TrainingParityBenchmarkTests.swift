import AI4ArcticTestSupport
import Foundation
import Logging
@testable import SeaIceBench
import SeaIceModels
import SeaIceOptim
import SeaIceSampling
import SeaIceTestSupport
import SeaIceMultiTask
import SeaIceTraining
import XCTest

final class TrainingParityBenchmarkTests: XCTestCase {
    /// A tiny configuration over the fixture scenes: 4 inputs (two 80 m, one 2 km, latitude), U-Net 4/8.
    func configuration() throws -> TrainingConfiguration {
        var sampler = SamplerConfiguration()
        sampler.channels = [.fullGrid("nersc_sar_primary"), .fullGrid("sar_incidenceangle"), .twoKm("btemp_18_7h"), .latitude]
        sampler.patchSize = 16
        sampler.batchSize = 2
        sampler.downscaleFactor = 2
        sampler.prefetchDepth = 1
        return TrainingConfiguration(
            model: UNetConfiguration(inputChannels: 4, filters: [4, 8]), sampler: sampler,
            optimizer: SGDConfiguration(learningRate: 0.01, momentum: 0.9, weightDecay: 0.01),
            schedule: .cosineWarmRestarts(t0: 4, tMult: 1, etaMin: 0), epochs: 2, iterationsPerEpoch: 2,
            validation: ValidationSettings(count: 1), seed: 5, threads: 1)
    }

    func writeScenes(to dir: URL) throws {
        for (i, stamp) in ["20180607T184326", "20180708T184326", "20180809T184326"].enumerated() {
            try ReadySceneFixture(lines: 60 + 4 * i, samples: 50, timestamp: stamp, maskedRows: 3).write(to: dir)
        }
    }

    /// The exported whole-scene planes hold, at every patch position, exactly the values the sampler cuts.
    func testExportedSceneMatchesSamplerPatches() throws {
        let dir = try TestPaths.temporaryDirectory("parity-export")
        defer { try? FileManager.default.removeItem(at: dir) }
        try writeScenes(to: dir)
        let c = try configuration().sampler
        let url = try TrainingSetup.readyFiles(in: dir)[1]
        let scene = try DownscaledScene.load(url, channels: c.channels, factor: c.downscaleFactor, downsampling: c.downsampling)
        let whole = try ReferenceDataExport.wholeSceneInputs(scene, sampler: c)
        XCTAssertEqual(whole.count, c.channels.count * scene.rows * scene.cols)
        for (r0, c0) in [(0, 0), (5, 3), (scene.rows - 16, scene.cols - 16)] {
            let patch = try PatchExtractor(configuration: c).extract(from: scene, row: r0, col: c0)
            for k in 0..<c.channels.count {
                for a in 0..<16 {
                    for b in 0..<16 {
                        XCTAssertEqual(patch.inputs[k * 256 + a * 16 + b], whole[(k * scene.rows + r0 + a) * scene.cols + c0 + b],
                                       "channel \(k) at (\(r0 + a), \(c0 + b))")
                    }
                }
            }
        }
    }

    /// Both trainers run two seeds on the fixtures; the report holds every epoch of every run.
    func testTinyParityRunOnBothSides() throws {
        try PythonTorch.skipUnlessAvailable()
        let dir = try TestPaths.temporaryDirectory("parity-run")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try writeScenes(to: data)
        let options = TrainingParityBenchmark.Options(
            configuration: try configuration(), data: data, seeds: [1, 2], threads: 1,
            work: dir.appendingPathComponent("work"), repository: TestPaths.repository)
        let report = try TrainingParityBenchmark(options: options, logger: Logger(label: "test")).run()
        XCTAssertEqual(report.runs.map(\.side), [.swift, .python, .python, .swift], "sides alternate per seed")
        XCTAssertEqual(report.validationScenes.count, 1)
        XCTAssertEqual(report.trainScenes.count, 2)
        for run in report.runs {
            XCTAssertEqual(run.epochs.map(\.epoch), [1, 2], "\(run.side) seed \(run.seed)")
            for e in run.epochs {
                XCTAssertTrue(e.seconds > 0 && e.trainSeconds > 0 && e.trainSeconds <= e.seconds, "\(run.side): \(e)")
                XCTAssertTrue(e.loss.isFinite, "\(run.side): \(e)")
                XCTAssertNotNil(e.combined, "\(run.side) validates every epoch")
                XCTAssertTrue((-1000...100).contains(e.sod ?? .nan), "\(run.side): SOD F1 \(String(describing: e.sod))")
            }
            XCTAssertGreaterThan(run.peakKiB, 0)
        }
        XCTAssertNotNil(report.withinNoise { $0.last.combined }, "two seeds per side give a verdict")
        XCTAssertTrue(report.markdown.contains("| python | 2 |"), report.markdown)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("work/report.json").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("work/python-seed1/best.pt").path))
    }

    func testStatisticsAndNoiseVerdict() {
        func run(_ side: TrainingParityRun.Side, _ seed: UInt64, _ combined: Double) -> TrainingParityRun {
            TrainingParityRun(side: side, seed: seed, epochs: [.init(epoch: 1, seconds: side == .swift ? 1 : 2, trainSeconds: 0.5,
                                                                   validationSeconds: 0.5, loss: 1, sic: nil, sod: nil, floe: nil,
                                                                   combined: combined)], peakKiB: 1024)
        }
        var report = TrainingParityReport(configuration: try! configuration(), trainScenes: [], validationScenes: [], simulated: true,
                                          threads: 1, runs: [run(.swift, 1, 50), run(.swift, 2, 52), run(.python, 1, 51), run(.python, 2, 53)])
        XCTAssertEqual(report.epochSpeedup, 2)
        // means 51 vs 52, sd √2 each → SE 1.41; |Δ| = 1 ≤ 2.83
        XCTAssertEqual(report.withinNoise { $0.bestCombined }, true)
        report.runs[2].epochs[0].combined = 60
        report.runs[3].epochs[0].combined = 62
        XCTAssertEqual(report.withinNoise { $0.bestCombined }, false)
        XCTAssertTrue(report.markdown.contains("SIMULATED"))
    }
}
