import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// A run interrupted by a checkpoint and resumed gives exactly the weights of an uninterrupted run.
final class CheckpointResumeTests: XCTestCase {
    private let configuration = UNetConfiguration(inputChannels: 2, filters: [4, 8])
    private let optimizerConfig = OptimizerConfiguration.sgd(SGDConfiguration(learningRate: 0.01, momentum: 0.9, weightDecay: 0.01))
    private let schedule = LearningRateSchedule.cosineWarmRestarts(t0: 3, tMult: 1, etaMin: 0)

    /// One training step on a synthetic batch drawn from `generator` (simulated data).
    private func step(_ net: UNet, _ optimizer: any Optimizer, _ scheduler: inout LearningRateScheduler, _ generator: inout SeededGenerator) throws {
        let n = 2 * 2 * 8 * 8
        let x = try Tensor((0..<n).map { _ in Float(generator.nextGaussian()) }, shape: [2, 2, 8, 8])
        let labels = (0..<128).map { _ in Int64(generator.next() % 6) }
        let target = try Tensor(labels, shape: [2, 8, 8])
        let out = try net(x)
        let loss = try MultiTaskLoss()(out, sic: target.to(.float32), sod: target, floe: target)
        optimizer.zeroGrad()
        try loss.backward()
        try GradientClipping.clipNorm(net.parameters(), maxNorm: 5)
        scheduler.apply(to: optimizer)
        try optimizer.step()
        scheduler.advance()
    }

    func testResumedRunMatchesUninterruptedRun() throws {
        var g = SeededGenerator(seed: 1)
        let straight = try UNet(configuration, generator: &g)
        var data = SeededGenerator(seed: 99)
        let o1 = optimizerConfig.make(parameters: straight.namedParameters())
        var s1 = LearningRateScheduler(schedule: schedule, base: 0.01)
        for _ in 0..<5 { try step(straight, o1, &s1, &data) }

        g = SeededGenerator(seed: 1)
        let first = try UNet(configuration, generator: &g)
        data = SeededGenerator(seed: 99)
        let o2 = optimizerConfig.make(parameters: first.namedParameters())
        var s2 = LearningRateScheduler(schedule: schedule, base: 0.01)
        for _ in 0..<2 { try step(first, o2, &s2, &data) }
        let dir = try TestPaths.temporaryDirectory("resume").appendingPathComponent("ckpt")
        try Checkpoint.saveTraining(to: dir, model: first, configuration: configuration, optimizer: o2,
                                    scheduler: s2, epoch: 0, iteration: 2, generator: data)

        let manifest = try Checkpoint.manifest(CheckpointManifest<UNetConfiguration, TrainingState>.self, in: dir)
        var other = SeededGenerator(seed: 777)
        let resumed = try UNet(manifest.model, generator: &other)
        let o3 = manifest.training.optimizer.configuration.make(parameters: resumed.namedParameters())
        _ = try Checkpoint.resumeTraining(from: dir, configuration: UNetConfiguration.self, model: resumed, optimizer: o3)
        var s3 = try XCTUnwrap(manifest.training.scheduler)
        var data3 = manifest.training.generator
        XCTAssertEqual(manifest.training.iteration, 2)
        XCTAssertEqual(manifest.codeVersion, Checkpoint.codeVersion)
        for _ in 2..<5 { try step(resumed, o3, &s3, &data3) }

        for ((name, a), (_, b)) in zip(try straight.stateDict(), try resumed.stateDict()) {
            XCTAssertEqual(try a.floats(), try b.floats(), name)
        }
    }

    func testDamagedCheckpointsAreReportedByFileAndItem() throws {
        var g = SeededGenerator(seed: 3)
        let net = try UNet(configuration, generator: &g)
        let o = optimizerConfig.make(parameters: net.namedParameters())
        let dir = try TestPaths.temporaryDirectory("damaged")
        try Checkpoint.saveTraining(to: dir, model: net, configuration: configuration, optimizer: o,
                                    scheduler: nil, epoch: 1, iteration: 0, generator: g)
        typealias Manifest = CheckpointManifest<UNetConfiguration, TrainingState>
        // Truncated weights.
        let weights = dir.appendingPathComponent(Checkpoint.weightsName)
        let bytes = try Data(contentsOf: weights)
        try bytes.prefix(bytes.count - 10).write(to: weights)
        XCTAssertThrowsError(try Checkpoint.loadWeights(into: net, from: dir)) { error in
            XCTAssertTrue("\(error)".contains(weights.path) && "\(error)".contains("truncated"), "\(error)")
        }
        // Bad manifest JSON.
        try Data("{\"formatVersion\": 1".utf8).write(to: dir.appendingPathComponent(Checkpoint.manifestName))
        XCTAssertThrowsError(try Checkpoint.manifest(Manifest.self, in: dir)) { error in
            XCTAssertTrue("\(error)".contains(Checkpoint.manifestName), "\(error)")
        }
        // No manifest at all.
        try FileManager.default.removeItem(at: dir.appendingPathComponent(Checkpoint.manifestName))
        XCTAssertThrowsError(try Checkpoint.manifest(Manifest.self, in: dir)) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: dir.path, item: Checkpoint.manifestName))
        }
    }
}
