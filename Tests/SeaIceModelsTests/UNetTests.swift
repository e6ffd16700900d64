import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

final class UNetTests: XCTestCase {
    static let tiny = UNetConfiguration(inputChannels: 3, filters: [4, 4, 8, 8])

    private func ramp(_ shape: [Int], _ a: Double = 0.013, _ b: Double = 0.3) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor((0..<n).map { Float(sin(a * Double($0) + b)) }, shape: shape)
    }

    func testStateDictNamesMatchTheReferenceLayout() throws {
        var g = SeededGenerator(seed: 1)
        let net = try UNet(generator: &g)
        let names = try net.stateDict().map(\.name)
        XCTAssertEqual(names.count, 114, "python/unet.py's UNet() has 114 state-dict entries")
        XCTAssertEqual(Array(names.prefix(6)), [
            "input_block.double_conv.0.weight", "input_block.double_conv.1.weight", "input_block.double_conv.1.bias",
            "input_block.double_conv.1.running_mean", "input_block.double_conv.1.running_var",
            "input_block.double_conv.1.num_batches_tracked",
        ])
        XCTAssertEqual(Array(names.suffix(6)), [
            "regression_layer.weight", "regression_layer.bias", "sod_feature_map.feature_out.weight",
            "sod_feature_map.feature_out.bias", "floe_feature_map.feature_out.weight", "floe_feature_map.feature_out.bias",
        ])
        XCTAssertTrue(names.contains("contract_blocks.2.double_conv.double_conv.4.running_var"))
        XCTAssertTrue(names.contains("bridge.double_conv.double_conv.3.weight"))
        XCTAssertTrue(names.contains("expand_blocks.3.double_conv.double_conv.0.weight"))
        let shapes = Dictionary(uniqueKeysWithValues: try net.stateDict().map { ($0.name, $0.tensor.shape) })
        XCTAssertEqual(shapes["input_block.double_conv.0.weight"], [32, 18, 3, 3])
        XCTAssertEqual(shapes["expand_blocks.0.double_conv.double_conv.0.weight"], [64, 128, 3, 3])
        XCTAssertEqual(shapes["expand_blocks.2.double_conv.double_conv.0.weight"], [32, 96, 3, 3])
        XCTAssertEqual(shapes["regression_layer.weight"], [1, 32])
        XCTAssertEqual(shapes["floe_feature_map.feature_out.weight"], [8, 32, 1, 1])
    }

    func testOutputShapesForOddSizesAndLayoutIndependence() throws {
        var g1 = SeededGenerator(seed: 2), g2 = SeededGenerator(seed: 2)
        var lastConfig = Self.tiny
        lastConfig.channelsLast = true
        let last = try UNet(lastConfig, generator: &g1)
        var plainConfig = Self.tiny
        plainConfig.channelsLast = false
        let plain = try UNet(plainConfig, generator: &g2)
        last.eval()
        plain.eval()
        let x = try ramp([2, 3, 37, 41])
        let a = try last(x), b = try plain(x)
        XCTAssertEqual(a.sic.shape, [2, 1, 37, 41])
        XCTAssertEqual(a.sod.shape, [2, 7, 37, 41])
        XCTAssertEqual(a.floe.shape, [2, 8, 37, 41])
        assertAllClose(try a.sic.floats(), try b.sic.floats(), rtol: 1e-4, atol: 1e-5)
        assertAllClose(try a.floe.floats(), try b.floe.floats(), rtol: 1e-4, atol: 1e-5)
    }

    func testFoldedInferenceMatchesEvalModeForEveryVariant() throws {
        for decoder in DecoderLayout.allCases {
            for head in SICHeadKind.allCases {
                var config = Self.tiny
                config.decoder = decoder
                config.sicHead = head
                var g = SeededGenerator(seed: 8)
                let net = try UNet(config, generator: &g)
                _ = try net(ramp([2, 3, 20, 22], 0.05, 0.1))  // non-trivial running statistics
                net.eval()
                for shape in [[1, 3, 21, 19], [1, 3, 7, 5]] {  // the second is below 2^levels: padded and cropped
                    let x = try ramp(shape)
                    let reference = try net(x)
                    let folded = try UNetInference(net)(x)
                    let what = "\(decoder) decoder, \(head) SIC, input \(shape)"
                    XCTAssertEqual(folded.sic.shape, [1, head == .regression ? 1 : 12, shape[2], shape[3]], what)
                    XCTAssertEqual(folded.sod.shape, [1, 7, shape[2], shape[3]], what)
                    assertAllClose(try folded.sic.floats(), try reference.sic.floats(), rtol: 1e-4, atol: 1e-5)
                    assertAllClose(try folded.sod.floats(), try reference.sod.floats(), rtol: 1e-4, atol: 1e-5)
                    assertAllClose(try folded.floe.floats(), try reference.floe.floats(), rtol: 1e-4, atol: 1e-5)
                }
            }
        }
    }

    func testVariantStateDictNames() throws {
        var g = SeededGenerator(seed: 3)
        let net = try UNet(UNetConfiguration(decoder: .separate, sicHead: .classification), generator: &g)
        let shapes = Dictionary(uniqueKeysWithValues: try net.stateDict().map { ($0.name, $0.tensor.shape) })
        XCTAssertNil(shapes["regression_layer.weight"])
        XCTAssertEqual(shapes["sic_feature_map.feature_out.weight"], [12, 32, 1, 1])
        XCTAssertEqual(shapes["sod_expand_blocks.0.double_conv.double_conv.0.weight"], [64, 128, 3, 3])
        XCTAssertEqual(shapes["floe_expand_blocks.3.double_conv.double_conv.4.running_var"], [32])
        // Two more decoders of 4 blocks × 12 entries, 12-logit head instead of the linear layer.
        XCTAssertEqual(shapes.count, 114 + 2 * 48)
    }

    func testSeparateDecodersAreIndependent() throws {
        var g = SeededGenerator(seed: 5)
        let net = try UNet(UNetConfiguration(inputChannels: 3, filters: [4, 8], decoder: .separate), generator: &g)
        net.eval()
        let x = try ramp([1, 3, 12, 12])
        let before = try net(x)
        // Zeroing the FLOE decoder's last convolution changes FLOE only.
        let conv = net.floeExpandBlocks!.items.last!.doubleConv.doubleConv.layers[3] as! Conv2d
        try Tensor.withNoGrad { try conv.weight.value.fill(0) }
        let after = try net(x)
        XCTAssertEqual(try after.sic.floats(), try before.sic.floats())
        XCTAssertEqual(try after.sod.floats(), try before.sod.floats())
        XCTAssertNotEqual(try after.floe.floats(), try before.floe.floats())
    }

    func testConfigurationValidationAndCodable() throws {
        var g = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try UNet(UNetConfiguration(filters: []), generator: &g))
        XCTAssertThrowsError(try UNet(UNetConfiguration(inputChannels: 0), generator: &g))
        let decoded = try JSONDecoder().decode(UNetConfiguration.self, from: JSONEncoder().encode(Self.tiny))
        XCTAssertEqual(decoded, Self.tiny)
    }

    func testLossIgnoresUnlabelledPixelsAndBackpropagates() throws {
        var g = SeededGenerator(seed: 4)
        let net = try UNet(Self.tiny, generator: &g)
        let out = try net(ramp([1, 3, 16, 16]))
        let sicValues: [Float] = (0..<256).map { $0 % 5 == 0 ? 255 : Float($0 % 11) }
        let sod: [Int64] = (0..<256).map { $0 % 7 == 0 ? 255 : Int64($0 % 6) }
        let floe: [Int64] = (0..<256).map { Int64($0 % 7) }
        let loss = try MultiTaskLoss()(out, sic: Tensor(sicValues, shape: [1, 16, 16]),
                                       sod: Tensor(sod, shape: [1, 16, 16]), floe: Tensor(floe, shape: [1, 16, 16]))
        XCTAssertTrue(try loss.item().isFinite)
        try loss.backward()
        XCTAssertTrue(net.parameters().allSatisfy { $0.grad != nil })
    }
}
