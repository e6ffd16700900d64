import Foundation
import Logging
import SeaIceModels
import SeaIceOptim
import SeaIceSampling
import SeaIceMultiTask
import SeaIceTraining
import XCTest

/// Tiny training runs over `SyntheticBatches`, shared by the trainer tests.
extension XCTestCase {
    /// A tiny run: U-Net 4/8, lr 0.05 with one cosine restart period of two epochs, no validation, one thread.
    func configuration(epochs: Int, iterations: Int, seed: UInt64 = 11, mixedPrecision: MixedPrecision = .auto) -> TrainingConfiguration {
        var sampler = SamplerConfiguration()
        sampler.channels = Array(sampler.channels.prefix(4))
        sampler.patchSize = 8
        sampler.batchSize = 4
        return TrainingConfiguration(
            model: UNetConfiguration(inputChannels: 4, filters: [4, 8]), sampler: sampler,
            optimizer: SGDConfiguration(learningRate: 0.05, momentum: 0.9, weightDecay: 0.01),
            schedule: .cosineWarmRestarts(t0: 2 * iterations, tMult: 1, etaMin: 0),
            epochs: epochs, iterationsPerEpoch: iterations, validation: ValidationSettings(count: 0), seed: seed, threads: 1,
            mixedPrecision: mixedPrecision)
    }

    /// A trainer for `c` on the CPU writing to `run`, its network initialised from `c.seed`.
    func trainer(_ c: TrainingConfiguration, run: URL) throws -> MultiTaskTrainer {
        var g = TrainingRun.initialGenerators(seed: c.seed).initialisation
        let net = try UNet(c.model, generator: &g)
        return try MultiTaskTrainer(configuration: c, network: net, batches: SyntheticBatches(), validator: nil,
                           run: RunDirectory(url: run), logger: Logger(label: "test"))
    }

    /// Every tensor of the trainer's network state dict, as float32 values.
    func weights(_ t: MultiTaskTrainer) throws -> [String: [Float]] {
        Dictionary(uniqueKeysWithValues: try t.network.stateDict().map { ($0.name, try $0.tensor.to(.float32).floats()) })
    }

    /// A fresh folder removed after the test.
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-training-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Trains `t` to the end and returns the loss of every iteration (recovered from the running means).
    func iterationLosses(_ t: MultiTaskTrainer) throws -> [Double] {
        var losses: [Double] = []
        var total = 0.0
        _ = try t.train { p in
            guard p.finishedEpoch == nil else { return }
            if p.iteration == 1 { total = 0 }
            let batchLoss = p.meanLoss * Double(p.iteration) - total
            total += batchLoss
            losses.append(batchLoss)
        }
        return losses
    }
}
