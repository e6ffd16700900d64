import Foundation
import Logging
import SeaIceCore
import SeaIceCover
import SeaIceModels
import SeaIceOptim
import SeaIceSimulator
import SeaIceTestSupport
import SeaIceTraining
import XCTest

/// One cover U-Net trained end to end through the engine's `Trainer` on two simulated world scenes labelled
/// with the simulator's truth: the loss falls, validation scores are defined, and a resumed run is
/// bit-identical. SIMULATED data.
final class CoverTrainingTests: XCTestCase {
    static let labelledSet = Result<URL, Error> {
        let data = try TestPaths.requireSharedData()
        let world = try ArcticWorld(base: try ArcticBaseMap(dataFolder: data), date: try WorldDate("2021-11-15"), seed: 5)
        var writer = SimulatedDayWriter(world: world, resources: try SimulatorResources(dataFolder: data), sentinel1: 2,
                                        fullSize: false, seed: 5, logger: Logger(label: "test"))
        writer.sceneConfig = SimulationConfig(size: 160)
        writer.sceneConfig.pixelSpacing = 80
        writer.truthSpacing = 400_000
        let day = try TestPaths.temporaryDirectory("cover-train-day")
        let manifest = try writer.write(to: day)
        let scenes = manifest.files.filter { $0.kind == "sentinel1-ew-ai4arctic-raw" }.map { day.appendingPathComponent($0.path) }
        let set = try TestPaths.temporaryDirectory("cover-train-set")
        _ = try CoverLabelledSetManifest.build(inputs: scenes, labels: .truth, into: set)
        return set
    }

    func configuration(epochs: Int) -> CoverTrainingConfiguration {
        CoverTrainingConfiguration(
            loop: TrainingLoop(optimizer: .adam(AdamConfiguration(learningRate: 0.01)), schedule: .constant, epochs: epochs,
                               iterationsPerEpoch: 4, seed: 3, threads: 1, mixedPrecision: .off),
            model: CoverUNetConfiguration(filters: [4, 8]), patchSize: 16, batchSize: 4, bceWeight: 1, diceWeight: 1,
            horizontalFlip: 0.5, verticalFlip: 0.5, rotate90: 0.5, validationEvery: 2, minimumLabelled: 0.5)
    }

    func weights(_ m: CoverUNet) throws -> [[Float]] { try m.stateDict().map { try $0.tensor.to(.float32).floats() } }

    func testTrainsValidatesAndResumesBitIdentically() throws {
        let set = try Self.labelledSet.get()
        let logger = Logger(label: "test")
        let whole = try TestPaths.temporaryDirectory("cover-run-whole")
        let (trainer, train, validation) = try CoverTraining.makeTrainer(configuration: configuration(epochs: 3), data: set, run: whole,
                                                                         device: .cpu, logger: logger)
        XCTAssertGreaterThan(train, 0); XCTAssertGreaterThan(validation, 0)
        let summary = try trainer.train()
        XCTAssertEqual(summary.history.count, 3)
        XCTAssertEqual(Set(summary.history[0].trainLosses.keys), Set(trainer.task.lossNames))
        XCTAssertLessThan(summary.history[2].trainLoss, summary.history[0].trainLoss)
        XCTAssertNotNil(summary.history[2].score("accuracy"))
        XCTAssertTrue(summary.history[2].simulatedData)

        let split = try TestPaths.temporaryDirectory("cover-run-split")
        _ = try CoverTraining.makeTrainer(configuration: configuration(epochs: 3), data: set, run: split, device: .cpu, logger: logger)
            .trainer.train(stopAfterEpochs: 1)
        let resumed = try CoverTraining.makeTrainer(configuration: configuration(epochs: 3), data: set, run: split, device: .cpu,
                                                    logger: logger).trainer
        XCTAssertEqual(try resumed.resume(), 1)
        _ = try resumed.train()
        XCTAssertEqual(try weights(resumed.network), try weights(trainer.network))
    }

    func testConfigurationErrorsNameTheKey() {
        var c = configuration(epochs: 1)
        c.patchSize = 15
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("patchSize"), "\($0)") }
        c = configuration(epochs: 1)
        c.rotate90 = 2
        XCTAssertThrowsError(try c.validate()) { XCTAssertTrue("\($0)".contains("rotate90"), "\($0)") }
    }
}

/// The shipped cover configurations load and validate.
final class CoverConfigurationFileTests: XCTestCase {
    func testShippedConfigurationsLoad() throws {
        for name in ["cover-paper.json", "cover-demo.json"] {
            let c = try ConfigurationFile.load(CoverTrainingConfiguration.self,
                                               from: TestPaths.repository.appendingPathComponent("configs/\(name)"))
            XCTAssertEqual(c.batchSize, 8, name)
        }
        XCTAssertEqual(try ConfigurationFile.load(CoverTrainingConfiguration.self,
                                                  from: TestPaths.repository.appendingPathComponent("configs/cover-paper.json")).model,
                       .paper)
    }
}
