import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceOptim
import SeaIceTensor

/// The Swift side of the U-Net benchmark: a network, an SGD optimizer (MMSeaIce's lr 1e-3,
/// momentum 0.9, weight decay 0.01), a synthetic training batch and a synthetic scene.
final class UNetWorkload {
    let net: UNet
    let optimizer: SGD
    let loss = MultiTaskLoss()
    let x: Tensor, sic: Tensor, sod: Tensor, floe: Tensor, scene: Tensor

    init(configuration: UNetConfiguration, options o: UNetBenchmarkOptions) throws {
        var generator = SeededGenerator(seed: 0)
        net = try UNet(configuration, generator: &generator)
        optimizer = SGD(parameters: net.namedParameters(),
                        configuration: SGDConfiguration(learningRate: 1e-3, momentum: 0.9, weightDecay: 0.01))
        let (b, s) = (o.batch, o.patch)
        x = try Self.ramp([b, o.channels, s, s], 0.013, 0.3)
        let n = b * s * s
        sic = try Tensor((0..<n).map { $0 % 13 == 0 ? 255 : Float($0 % 11) }, shape: [b, s, s])
        sod = try Tensor((0..<n).map { $0 % 17 == 0 ? 255 : Int64($0 % 6) }, shape: [b, s, s])
        floe = try Tensor((0..<n).map { Int64($0 % 7) }, shape: [b, s, s])
        scene = try Self.ramp([1, o.channels, o.sceneHeight, o.sceneWidth], 0.007, 0.1)
    }

    /// sin(a·i + b) over the flat index (the same inputs as python/bench_unet.py).
    static func ramp(_ shape: [Int], _ a: Float, _ b: Float) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor((0..<n).map { Foundation.sin(a * Float($0) + b) }, shape: shape)
    }

    /// One training step.
    func trainStep() throws {
        net.train()
        optimizer.zeroGrad()
        let l = try loss(net(x), sic: sic, sod: sod, floe: floe)
        try l.backward()
        try optimizer.step()
    }

    /// One inference of the scene with the SOD class map: BatchNorm folded into the convolutions
    /// (the snapshot is made once per call, its cost included), no autograd, channels-last.
    func infer() throws {
        net.eval()
        let inference = try UNetInference(net)
        let out = try inference(scene)
        _ = try out.sod.argmax(dim: 1)
    }
}
