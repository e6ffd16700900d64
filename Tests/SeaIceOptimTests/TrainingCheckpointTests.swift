import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceOptim
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Resuming a transformer block with active dropout (Adam, warm-up + step decay) from a checkpoint
/// reproduces the uninterrupted run exactly: weights, optimizer moments, schedule and dropout streams.
final class TrainingCheckpointTests: XCTestCase {
    private let config = OptimizerConfiguration.adamW(AdamConfiguration(learningRate: 0.01, weightDecay: 0.01))
    private let schedule = LearningRateSchedule.linearWarmup(startFactor: 0.2, iterations: 2, then: .stepDecay(stepSize: 2, gamma: 0.5))

    private func makeLayer(seed: UInt64) throws -> TransformerEncoderLayer {
        var g = SeededGenerator(seed: seed)
        return try TransformerEncoderLayer(dModel: 8, numHeads: 2, feedforward: 16, dropout: 0.3, generator: &g)
    }

    private func step(_ layer: TransformerEncoderLayer, _ o: any Optimizer, _ s: inout LearningRateScheduler, _ g: inout SeededGenerator) throws {
        let x = try Tensor((0..<(2 * 5 * 8)).map { _ in Float(g.nextGaussian()) }, shape: [2, 5, 8])
        o.zeroGrad()
        try layer(x).square().mean().backward()
        s.apply(to: o)
        try o.step()
        s.advance()
    }

    func testResumeWithDropoutAndAdamW() throws {
        let straight = try makeLayer(seed: 1)
        let o1 = config.make(parameters: straight.namedParameters())
        var s1 = LearningRateScheduler(schedule: schedule, base: 0.01)
        var g1 = SeededGenerator(seed: 5)
        for _ in 0..<5 { try step(straight, o1, &s1, &g1) }

        let first = try makeLayer(seed: 1)
        let o2 = config.make(parameters: first.namedParameters())
        var s2 = LearningRateScheduler(schedule: schedule, base: 0.01)
        var g2 = SeededGenerator(seed: 5)
        for _ in 0..<3 { try step(first, o2, &s2, &g2) }
        let dir = try TestPaths.temporaryDirectory("training-ckpt")
        try Checkpoint.saveTraining(to: dir, model: first, configuration: ["dModel": 8], optimizer: o2,
                                    scheduler: s2, epoch: 0, iteration: 3, generator: g2)

        let resumed = try makeLayer(seed: 99)
        let o3 = config.make(parameters: resumed.namedParameters())
        let manifest = try Checkpoint.resumeTraining(from: dir, configuration: [String: Int].self, model: resumed, optimizer: o3)
        XCTAssertEqual(manifest.training.dropoutGenerators.count, 3)
        var s3 = try XCTUnwrap(manifest.training.scheduler)
        var g3 = manifest.training.generator
        for _ in 3..<5 { try step(resumed, o3, &s3, &g3) }
        for ((name, a), (_, b)) in zip(try straight.stateDict(), try resumed.stateDict()) {
            XCTAssertEqual(try a.floats(), try b.floats(), name)
        }
    }

    func testRestoringAStreamOntoANonDropoutPathIsAnError() throws {
        let layer = try makeLayer(seed: 1)
        XCTAssertThrowsError(try layer.restoreDropoutGenerators(["linear1": SeededGenerator(seed: 1)], source: "c")) { error in
            XCTAssertEqual(error as? SeaIceError, .invalidInput(file: "c", item: "dropout stream `linear1`", expected: "a Dropout module at that path"))
        }
    }
}
