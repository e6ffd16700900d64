import Foundation
import Logging
import SeaIceCore
import SeaIceData
import SeaIceNN
import SeaIceOptim
import SeaIceTensor
import SeaIceTraining
import XCTest

/// Two toy systems that are not the multi-task U-Net train through the same `Trainer`: a two-task
/// segmenter (Adam, BCE + masked MSE on pixel planes) and a per-sample classifier (AdamW, metadata
/// input, a validator whose accuracy selects the best checkpoint). Both resume bit-identically.
final class EngineTrainerTests: XCTestCase {
    let logger = Logger(label: "test")

    func loop(epochs: Int, optimizer: OptimizerConfiguration, seed: UInt64 = 3) -> TrainingLoop {
        TrainingLoop(optimizer: optimizer, schedule: .cosineWarmRestarts(t0: 8, tMult: 1, etaMin: 0), epochs: epochs,
                     iterationsPerEpoch: 4, seed: seed, threads: 1, mixedPrecision: .off)
    }

    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-engine-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func segmenter(_ loop: TrainingLoop, run: URL) throws -> Trainer<SegmenterTask> {
        var g = TrainingRun.initialGenerators(seed: loop.seed).initialisation
        let source = try SampleBatchSource(dataset: ToyDataset(), batchSize: 4,
                                           augmentation: PlaneAugmentation(horizontalFlip: 0.5, rotate90: 0.5))
        return try Trainer(loop: loop, task: SegmenterTask(), network: ToySegmenter(channels: 2, generator: &g),
                           batches: source, validator: nil, run: RunDirectory(url: run), logger: logger)
    }

    func classifier(_ loop: TrainingLoop, run: URL) throws -> Trainer<ClassifierTask> {
        var g = TrainingRun.initialGenerators(seed: loop.seed).initialisation
        let source = try SampleBatchSource(dataset: ToyDataset(), batchSize: 8,
                                           sampler: IndexSampler.classBalanced(labels: (0..<16).map {
                                               Int(try ToyDataset().sample(at: $0).scalars["type"]!) }))
        return try Trainer(loop: loop, task: ClassifierTask(),
                           network: ToyClassifier(channels: 2, metadata: 1, classes: 3, generator: &g),
                           batches: source, validator: ClassifierValidator(), run: RunDirectory(url: run), logger: logger)
    }

    func weights(_ m: Module) throws -> [String: [Float]] {
        Dictionary(uniqueKeysWithValues: try m.stateDict().map { ($0.name, try $0.tensor.to(.float32).floats()) })
    }

    func testTwoTaskSegmenterLearnsAndLogsNamedTerms() throws {
        let dir = try directory()
        let adam = OptimizerConfiguration.adam(AdamConfiguration(learningRate: 0.3))
        let t = try segmenter(loop(epochs: 10, optimizer: adam), run: dir)
        let summary = try t.train()
        XCTAssertEqual(summary.history.map(\.epoch), Array(1...10))
        let first = summary.history[0], last = summary.history[9]
        XCTAssertEqual(Set(first.trainLosses.keys), ["water", "thickness"])
        XCTAssertLessThan(last.trainLosses["thickness"]!, 0.5 * first.trainLosses["thickness"]!)
        XCTAssertEqual(last.trainLoss, last.trainLosses["water"]! + 0.5 * last.trainLosses["thickness"]!, accuracy: 1e-4)
        XCTAssertNil(last.validation)
        XCTAssertNotNil(last.time)
        let manifest = try Checkpoint.manifest(CheckpointManifest<SegmenterTask.Specification, RunState>.self,
                                               in: dir.appendingPathComponent("best"))
        XCTAssertEqual(manifest.model, SegmenterTask.Specification(channels: 2))
        XCTAssertEqual(manifest.training.optimizer?.configuration, adam)
    }

    func testSegmenterResumeIsBitIdentical() throws {
        let l = loop(epochs: 3, optimizer: .adam(AdamConfiguration(learningRate: 0.05)))
        let whole = try segmenter(l, run: try directory())
        _ = try whole.train()
        let dir = try directory()
        _ = try segmenter(l, run: dir).train(stopAfterEpochs: 1)
        let resumed = try segmenter(l, run: dir)
        XCTAssertEqual(try resumed.resume(), 1)
        _ = try resumed.train()
        XCTAssertEqual(try weights(resumed.network), try weights(whole.network))
        XCTAssertEqual(try RunDirectory(url: dir).metrics.read().map(\.epoch), [1, 2, 3])
    }

    func testClassifierSelectsByAccuracyRecordsUndefinedScoresAndResumes() throws {
        let l = loop(epochs: 4, optimizer: .adamW(AdamConfiguration(learningRate: 0.1, weightDecay: 0.01)))
        let whole = try classifier(l, run: try directory())
        let summary = try whole.train()
        let log = summary.history
        XCTAssertEqual(log.count, 4)
        for m in log {
            XCTAssertNotNil(m.score("accuracy"))
            XCTAssertNil(m.score("rareF1"))
            XCTAssertEqual(m.undefinedScores?["rareF1"], "class `rare` has no validation sample")
            XCTAssertTrue(m.simulatedData)
        }
        let best = log.filter(\.best).last!
        XCTAssertEqual(summary.bestScore, log.compactMap { $0.score("accuracy") }.max())
        XCTAssertEqual(best.score("accuracy"), summary.bestScore)
        // The undefined score is written as a reason, and the line reads back.
        let text = try String(contentsOf: whole.run.metrics.url, encoding: .utf8)
        XCTAssertTrue(text.contains(#""undefinedScores":{"rareF1":"class `rare` has no validation sample"}"#), text)

        let dir = try directory()
        _ = try classifier(l, run: dir).train(stopAfterEpochs: 2)
        let resumed = try classifier(l, run: dir)
        XCTAssertEqual(try resumed.resume(), 2)
        let again = try resumed.train()
        XCTAssertEqual(try weights(resumed.network), try weights(whole.network))
        XCTAssertEqual(again.bestEpoch, summary.bestEpoch)
    }

    func testResumeRefusesAnotherTasksCheckpoint() throws {
        let dir = try directory()
        _ = try segmenter(loop(epochs: 1, optimizer: .adam(AdamConfiguration(learningRate: 0.05))), run: dir).train()
        let other = try classifier(loop(epochs: 2, optimizer: .adam(AdamConfiguration(learningRate: 0.05))), run: dir)
        XCTAssertThrowsError(try other.resume()) { error in
            XCTAssertTrue("\(error)".contains("checkpoint.json"), "\(error)")
        }
    }

    func testUndefinedSelectionScoreKeepsTheLatestEpochAsBestUntilOneIsDefined() throws {
        let dir = try directory()
        let l = loop(epochs: 2, optimizer: .adam(AdamConfiguration(learningRate: 0.05)))
        var g = TrainingRun.initialGenerators(seed: l.seed).initialisation
        let t = try Trainer(loop: l, task: ClassifierTask(),
                            network: ToyClassifier(channels: 2, metadata: 1, classes: 3, generator: &g),
                            batches: try SampleBatchSource(dataset: ToyDataset(), batchSize: 4), validator: UnlabelledValidator(),
                            run: RunDirectory(url: dir), logger: logger)
        let summary = try t.train()
        XCTAssertEqual(summary.history.map(\.best), [true, true])
        XCTAssertNil(summary.bestScore)
        XCTAssertEqual(summary.history[1].undefinedScores, ["accuracy": "no labelled validation sample"])
        XCTAssertEqual(summary.history[1].validation, [:])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("best/checkpoint.json").path))
    }

    func testALockedRunFolderIsRefusedNamingTheHolder() throws {
        let dir = try directory()
        let held = try RunDirectory(url: dir).lock()
        let t = try segmenter(loop(epochs: 1, optimizer: .adam(AdamConfiguration(learningRate: 0.05))), run: dir)
        XCTAssertThrowsError(try t.train()) { error in
            XCTAssertTrue("\(error)".contains("pid \(getpid())") && "\(error)".contains(".lock"), "\(error)")
        }
        held.release()
        XCTAssertNoThrow(try t.train())
        XCTAssertNoThrow(try RunDirectory(url: dir).lock(), "released when training returns")
    }

    func testResumeRefusesAChangedSeedOrConfigurationButAllowsMoreEpochs() throws {
        let dir = try directory()
        let adam = OptimizerConfiguration.adam(AdamConfiguration(learningRate: 0.05))
        _ = try segmenter(loop(epochs: 1, optimizer: adam), run: dir).train()
        XCTAssertThrowsError(try segmenter(loop(epochs: 1, optimizer: adam, seed: 4), run: dir).resume()) { error in
            XCTAssertTrue("\(error)".contains("configuration.json") && "\(error)".contains("seed"), "\(error)")
        }
        let sgd = OptimizerConfiguration.sgd(SGDConfiguration(learningRate: 0.05))
        XCTAssertThrowsError(try segmenter(loop(epochs: 1, optimizer: sgd), run: dir).resume()) { error in
            XCTAssertTrue("\(error)".contains("optimizer"), "\(error)")
        }
        let longer = try segmenter(loop(epochs: 2, optimizer: adam), run: dir)
        XCTAssertEqual(try longer.resume(), 1)
        XCTAssertEqual(try longer.train().epochs, 2)
    }

    func testRunIDIterationLogAndEpochObserversSurviveResume() throws {
        var l = loop(epochs: 3, optimizer: .adam(AdamConfiguration(learningRate: 0.05)))
        l.logEveryIterations = 3
        let dir = try directory()
        let first = try segmenter(l, run: dir)
        var seen: [Int] = []
        first.epochObservers = [{ m, run in
            seen.append(m.epoch)
            XCTAssertEqual(run.url, dir)
        }, { _, _ in throw SeaIceError.configuration("a failing plot") }]
        _ = try first.train(stopAfterEpochs: 2)
        XCTAssertEqual(seen, [1, 2], "observers run after every epoch; a failing one does not stop training")
        let id = try RunDirectory(url: dir).record().runID
        // A kill after an iteration line of epoch 3 leaves lines the resumed run will write again.
        try RunDirectory(url: dir).iterations.append(IterationMetrics(
            runID: id, epoch: 3, iterationInEpoch: 1, iteration: 9, loss: 1, losses: [:], learningRate: 0.1, time: "t"))
        let resumed = try segmenter(l, run: dir)
        XCTAssertEqual(try resumed.resume(), 2)
        _ = try resumed.train()
        let lines = try RunDirectory(url: dir).iterations.read()
        XCTAssertEqual(lines.map(\.iteration), [3, 6, 9, 12], "every 3rd of 12 iterations, once each")
        XCTAssertEqual(Set(lines.map(\.runID)), [id])
        XCTAssertEqual(Set(lines[0].losses.keys), ["water", "thickness"])
        XCTAssertEqual(Set(try RunDirectory(url: dir).metrics.read().map(\.runID)), [id], "the run keeps its id across resume")
        var bad = l
        bad.logEveryIterations = 0
        XCTAssertThrowsError(try bad.validate()) { XCTAssertTrue("\($0)".contains("logEveryIterations")) }
    }

    func testResumeWithoutACheckpointIsRefused() throws {
        let dir = try directory()
        let t = try segmenter(loop(epochs: 1, optimizer: .adam(AdamConfiguration(learningRate: 0.05))), run: dir)
        XCTAssertThrowsError(try t.resume()) { error in
            XCTAssertTrue("\(error)".contains(dir.path) && "\(error)".contains("last/checkpoint.json"), "\(error)")
        }
    }

    func testDivergenceStopsWithTheIterationAndTerms() throws {
        let dir = try directory()
        let t = try segmenter(loop(epochs: 2, optimizer: .sgd(SGDConfiguration(learningRate: 1e30))), run: dir)
        XCTAssertThrowsError(try t.train()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("diverged at epoch 1, iteration") && text.contains("water") && text.contains("thickness"), text)
            XCTAssertTrue(text.contains("lower the learning rate"), text)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("last").path))
    }

    func testScoreSelection() {
        let up = ScoreSelection(score: "f1"), down = ScoreSelection(score: "mae", higherIsBetter: false)
        XCTAssertTrue(up.improves(1, on: nil))
        XCTAssertTrue(up.improves(2, on: 1))
        XCTAssertFalse(up.improves(1, on: 1))
        XCTAssertFalse(up.improves(nil, on: 1))
        XCTAssertFalse(up.improves(.nan, on: nil))
        XCTAssertTrue(down.improves(0.5, on: 1))
        XCTAssertFalse(down.improves(2, on: 1))
    }
}
