import Foundation
import Logging
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceTensor

/// A tiny end-to-end run of the library on a synthetic segmentation task (simulated data, not
/// satellite data): build a small U-Net, train it with SGD and cosine warm restarts, save a
/// checkpoint, reload it into a fresh network and check that predictions are identical.
///
/// The task: each 32 × 32 patch holds a disc of "ice" on "water". Channel 0 is +1 inside / −1
/// outside plus noise, channel 1 noise, channel 2 the disc's stage code; targets are SIC 10
/// inside / 0 outside, SOD (stage 1–3 inside, 0 outside) and FLOE (2 inside, 0 outside).
public struct SyntheticDemo {
    /// Demo sizes and training settings.
    public struct Options: Codable, Sendable {
        /// Optimizer steps.
        public var steps = 40
        /// Patches per batch.
        public var batch = 8
        /// Patch side in pixels.
        public var size = 32
        /// Seed of every random draw (weights, data).
        public var seed: UInt64 = 2024
        /// Creates the default options.
        public init() {}
    }

    /// What the run produced.
    public struct Result: Sendable {
        /// Training loss at each step (simulated data).
        public var losses: [Double]
        /// The checkpoint folder.
        public var checkpoint: URL
        /// Largest absolute difference between the predictions before saving and after reloading.
        public var reloadDifference: Float
        /// Pixel accuracy of the reloaded network's SOD classes on a fresh synthetic batch.
        public var sodAccuracy: Double
    }

    let options: Options
    let logger: Logger

    /// Creates the demo.
    public init(options: Options = Options(), logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Runs the demo, writing the checkpoint under `directory/checkpoint`.
    public func run(directory: URL) throws -> Result {
        let configuration = UNetConfiguration(inputChannels: 3, filters: [8, 8, 16, 16], sodClasses: 4, floeClasses: 3)
        var generator = SeededGenerator(seed: options.seed)
        let net = try UNet(configuration, generator: &generator)
        let optimizer = SGD(parameters: net.namedParameters(),
                            configuration: SGDConfiguration(learningRate: 0.05, momentum: 0.9, weightDecay: 1e-4))
        var scheduler = LearningRateScheduler(schedule: .cosineWarmRestarts(t0: options.steps / 2, tMult: 1, etaMin: 0), base: 0.05)
        let loss = MultiTaskLoss()
        var losses: [Double] = []
        for step in 0..<options.steps {
            let batch = try SyntheticBatch(count: options.batch, size: options.size, generator: &generator)
            net.train()
            optimizer.zeroGrad()
            let l = try loss(net(batch.x), sic: batch.sic, sod: batch.sod, floe: batch.floe)
            try l.backward()
            try GradientClipping.clipNorm(net.parameters(), maxNorm: 10)
            let lr = scheduler.apply(to: optimizer)
            try optimizer.step()
            scheduler.advance()
            losses.append(try l.itemDouble())
            if step % 5 == 0 || step == options.steps - 1 {
                logger.info("step \(step + 1)/\(options.steps): loss \(String(format: "%.4f", losses.last!)), lr \(String(format: "%.4f", lr))")
            }
        }
        let checkpoint = directory.appendingPathComponent("checkpoint")
        try Checkpoint.saveTraining(to: checkpoint, model: net, configuration: configuration, optimizer: optimizer,
                                    scheduler: scheduler, epoch: 1, iteration: options.steps, generator: generator)
        let test = try SyntheticBatch(count: options.batch, size: options.size, generator: &generator)
        net.eval()
        let before = try Tensor.withNoGrad { try net(test.x) }

        let manifest = try Checkpoint.manifest(CheckpointManifest<UNetConfiguration, TrainingState>.self, in: checkpoint)
        var other = SeededGenerator(seed: options.seed &+ 1)
        let reloaded = try UNet(manifest.model, generator: &other)
        try Checkpoint.loadWeights(into: reloaded, from: checkpoint)
        reloaded.eval()
        let after = try Tensor.withNoGrad { try reloaded(test.x) }
        var difference: Float = 0
        for (a, b) in [(before.sic, after.sic), (before.sod, after.sod), (before.floe, after.floe)] {
            difference = max(difference, try (a - b).abs().max().item())
        }
        let predicted = try after.sod.argmax(dim: 1)
        let correct = try predicted.eq(test.sod).to(.float32).mean().itemDouble()
        return Result(losses: losses, checkpoint: checkpoint, reloadDifference: difference, sodAccuracy: correct)
    }
}

/// One batch of the synthetic disc task (simulated data), NCHW inputs and [N, H, W] targets.
struct SyntheticBatch {
    let x: Tensor, sic: Tensor, sod: Tensor, floe: Tensor

    init(count: Int, size: Int, generator: inout SeededGenerator) throws {
        var x = [Float](repeating: 0, count: count * 3 * size * size)
        var sic = [Float](repeating: 0, count: count * size * size)
        var sod = [Int64](repeating: 0, count: count * size * size)
        var floe = [Int64](repeating: 0, count: count * size * size)
        let plane = size * size
        for n in 0..<count {
            let cy = Double(size) * (0.25 + 0.5 * generator.nextUnitDouble())
            let cx = Double(size) * (0.25 + 0.5 * generator.nextUnitDouble())
            let r = Double(size) * (0.15 + 0.2 * generator.nextUnitDouble())
            let stage = Int64(1 + generator.next() % 3)
            for i in 0..<size {
                for j in 0..<size {
                    let inside = (Double(i) - cy) * (Double(i) - cy) + (Double(j) - cx) * (Double(j) - cx) < r * r
                    let p = n * plane + i * size + j
                    x[n * 3 * plane + i * size + j] = (inside ? 1 : -1) + Float(0.3 * generator.nextGaussian())
                    x[n * 3 * plane + plane + i * size + j] = Float(generator.nextGaussian())
                    x[n * 3 * plane + 2 * plane + i * size + j] = inside ? Float(stage) / 3 : 0
                    sic[p] = inside ? 10 : 0
                    sod[p] = inside ? stage : 0
                    floe[p] = inside ? 2 : 0
                }
            }
        }
        self.x = try Tensor(x, shape: [count, 3, size, size])
        self.sic = try Tensor(sic, shape: [count, size, size])
        self.sod = try Tensor(sod, shape: [count, size, size])
        self.floe = try Tensor(floe, shape: [count, size, size])
    }
}
