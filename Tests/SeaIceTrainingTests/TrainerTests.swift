import Foundation
import Logging
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceSampling
import SeaIceTensor
import SeaIceTraining
import XCTest

final class TrainerTests: XCTestCase {
    /// A tiny run over `SyntheticBatches`: U-Net 4/8, constant lr 0.05, no validation.
    func configuration(epochs: Int, iterations: Int, seed: UInt64 = 11) -> TrainingConfiguration {
        var sampler = SamplerConfiguration()
        sampler.channels = Array(sampler.channels.prefix(4))
        sampler.patchSize = 8
        sampler.batchSize = 4
        return TrainingConfiguration(
            model: UNetConfiguration(inputChannels: 4, filters: [4, 8]), sampler: sampler,
            optimizer: SGDConfiguration(learningRate: 0.05, momentum: 0.9, weightDecay: 0.01),
            schedule: .cosineWarmRestarts(t0: 2 * iterations, tMult: 1, etaMin: 0),
            epochs: epochs, iterationsPerEpoch: iterations, validation: ValidationSettings(count: 0), seed: seed, threads: 1)
    }

    func trainer(_ c: TrainingConfiguration, run: URL) throws -> Trainer {
        var g = Trainer.initialGenerators(seed: c.seed).initialisation
        let net = try UNet(c.model, generator: &g)
        return try Trainer(configuration: c, network: net, batches: SyntheticBatches(), validator: nil,
                           run: RunDirectory(url: run), logger: Logger(label: "test"))
    }

    func weights(_ t: Trainer) throws -> [String: [Float]] {
        Dictionary(uniqueKeysWithValues: try t.network.stateDict().map { ($0.name, try $0.tensor.to(.float32).floats()) })
    }

    func testTinyModelLossFalls() throws {
        let dir = try temporaryDirectory()
        let t = try trainer(configuration(epochs: 1, iterations: 40), run: dir)
        var losses: [Double] = []
        var total = 0.0
        _ = try t.train { p in
            guard p.finishedEpoch == nil else { return }
            let batchLoss = p.meanLoss * Double(p.iteration) - total
            total += batchLoss
            losses.append(batchLoss)
        }
        XCTAssertEqual(losses.count, 40)
        let first = losses.prefix(5).reduce(0, +) / 5, last = losses.suffix(5).reduce(0, +) / 5
        XCTAssertLessThan(last, 0.7 * first, "loss \(first) → \(last)")
        let log = try RunDirectory(url: dir).metrics.read()
        XCTAssertEqual(log.map(\.epoch), [1])
        XCTAssertTrue(log[0].best)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("best/model.safetensors").path))
    }

    func testResumeGivesTheSameWeightsAsAnUninterruptedRun() throws {
        let c = configuration(epochs: 3, iterations: 2)
        let whole = try trainer(c, run: try temporaryDirectory())
        _ = try whole.train()

        let dir = try temporaryDirectory()
        let first = try trainer(c, run: dir)
        _ = try first.train(stopAfterEpochs: 1)  // "killed" after epoch 1
        let second = try trainer(c, run: dir)
        XCTAssertEqual(try second.resume(), 1)
        _ = try second.train()
        XCTAssertEqual(second.currentState.iteration, 6)
        XCTAssertEqual(second.currentState, whole.currentState.withElapsed(second.currentState.elapsedSeconds))
        let a = try weights(whole), b = try weights(second)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, values) in a { XCTAssertEqual(values, b[name]!, "tensor \(name)") }
        XCTAssertEqual(try RunDirectory(url: dir).metrics.read().map(\.epoch), [1, 2, 3])
    }

    func testSameSeedSameRunDifferentSeedDifferentRun() throws {
        let a = try trainer(configuration(epochs: 1, iterations: 3, seed: 5), run: try temporaryDirectory())
        let b = try trainer(configuration(epochs: 1, iterations: 3, seed: 5), run: try temporaryDirectory())
        let c = try trainer(configuration(epochs: 1, iterations: 3, seed: 6), run: try temporaryDirectory())
        for t in [a, b, c] { _ = try t.train() }
        XCTAssertEqual(try weights(a), try weights(b))
        XCTAssertNotEqual(try weights(a), try weights(c))
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-training-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}

extension RunState {
    func withElapsed(_ seconds: Double) -> RunState {
        var s = self
        s.elapsedSeconds = seconds
        return s
    }
}
