import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// The seed-002 base U-Net: state-dict names, shapes for odd sizes, weights moving both ways with PyTorch
/// (python/cover_unet.py), and the BCE + Dice loss.
final class CoverUNetTests: XCTestCase {
    private let configuration = CoverUNetConfiguration(inputChannels: 3, filters: [4, 8, 8])

    func testStateDictNamesAndOddSizes() throws {
        var g = SeededGenerator(seed: 1)
        let net = try CoverUNet(configuration, generator: &g)
        let names = try net.stateDict().map(\.name)
        // inc: 2 convs + 2 BN (5 entries each) = 12; each down the same; each up 2 (transposed conv) + 12; head 2.
        XCTAssertEqual(names.count, 12 + 2 * 12 + 2 * 14 + 2)
        for name in ["inc.double_conv.0.weight", "down.1.double_conv.double_conv.4.running_var", "up.0.up.weight",
                     "up.1.conv.double_conv.3.weight", "outc.feature_out.bias"] {
            XCTAssertTrue(names.contains(name), name)
        }
        let shapes = Dictionary(uniqueKeysWithValues: try net.stateDict().map { ($0.name, $0.tensor.shape) })
        XCTAssertEqual(shapes["up.0.up.weight"], [8, 8, 2, 2], "deepest first: 8 → 8 channels")
        XCTAssertEqual(shapes["up.1.up.weight"], [8, 4, 2, 2])
        net.eval()
        for (h, w) in [(17, 23), (32, 32)] {
            let out = try net.outputs(try Tensor.zeros([1, 3, h, w]))
            XCTAssertEqual(out.names, [CoverUNet.task])
            XCTAssertEqual(try out.tensor(CoverUNet.task).shape, [1, 1, h, w])
        }
        XCTAssertThrowsError(try CoverUNet(CoverUNetConfiguration(filters: [8]), generator: &g))
    }

    private func writeConfig(_ dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("config.json")
        try JSONEncoder().encode(configuration).write(to: url)
        return url
    }

    func testSwiftWeightsRunInPyTorch() throws {
        let dir = try TestPaths.temporaryDirectory("cover-interchange-s2p")
        var g = SeededGenerator(seed: 21)
        let net = try CoverUNet(configuration, generator: &g)
        let x = try Tensor((0..<(2 * 3 * 30 * 26)).map { _ in Float(g.nextGaussian()) }, shape: [2, 3, 30, 26])
        _ = try net(x)  // training-mode passes: non-trivial BatchNorm running statistics
        _ = try net(x * 0.5 + 0.2)
        net.eval()
        let expected = try net(x)
        let output = try PythonReference.forward("cover_unet.py", config: writeConfig(dir), net: net, input: x, in: dir)
        assertAllClose(try expected.floats(), try output.tensor("ice").floats(), rtol: 1e-4, atol: 1e-4, "ice")
    }

    func testPyTorchWeightsRunInSwift() throws {
        let dir = try TestPaths.temporaryDirectory("cover-interchange-p2s")
        let exported = try PythonReference.export("cover_unet.py", config: writeConfig(dir), seed: 5, size: (32, 28), in: dir)
        var g = SeededGenerator(seed: 0)
        let net = try CoverUNet(configuration, generator: &g)
        try net.loadWeights(from: exported.weights)
        net.eval()
        assertAllClose(try net(exported.input).floats(), try exported.output.tensor("ice").floats(), rtol: 1e-4, atol: 1e-4, "ice")
    }

    func testDiceLossIsZeroOnAPerfectMapIgnoresUnlabelledPixelsAndBackpropagates() throws {
        // Logits ±20 reproduce the target exactly; unlabelled pixels (255) are left out whatever the logit.
        let target = try Tensor([1, 0, 1, 255] as [Float], shape: [1, 2, 2])
        let perfect = try Tensor([20, -20, 20, 20] as [Float], shape: [1, 1, 2, 2])
        let dice = MaskedDiceLoss(smoothing: 1)
        XCTAssertEqual(try dice.loss(perfect, target: target).floats()[0], 0, accuracy: 1e-6)
        // All wrong: p = (0, 1, 0) on y = (1, 0, 1) → 1 − (0 + 1)/(1 + 2 + 1) = 0.75.
        let wrong = try Tensor([-20, 20, -20, -20] as [Float], shape: [1, 1, 2, 2])
        XCTAssertEqual(try dice.loss(wrong, target: target).floats()[0], 0.75, accuracy: 1e-5)
        let logits = try Tensor([0.3, -0.2, 0.1, 5] as [Float], shape: [1, 1, 2, 2]).requiringGrad()
        let loss = try dice.loss(logits, target: target) + MaskedBinaryCrossEntropyLoss().loss(logits, target: target)
        try loss.backward()
        let grad = try XCTUnwrap(logits.grad).floats()
        XCTAssertLessThan(grad[0], 0, "raising an ice pixel's logit lowers the loss")
        XCTAssertGreaterThan(grad[1], 0)
        XCTAssertEqual(grad[3], 0, accuracy: 1e-9, "unlabelled pixel")
    }
}
