import SeaIceCore
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Each layer's forward pass against PyTorch's numbers (python/nn_fixtures.py → Fixtures/layers.json).
final class LayerFixtureTests: XCTestCase {
    private var fixtures: [String: Any] = [:]
    private var generator = SeededGenerator(seed: 11)

    override func setUpWithError() throws {
        fixtures = try Fixtures.load("layers")
    }

    private func entry(_ key: String) -> [String: Any] { fixtures[key] as! [String: Any] }

    func testConv2d() throws {
        let f = entry("conv2d")
        let conv = try Conv2d(3, 4, kernelSize: 3, stride: 2, padding: 1, generator: &generator)
        try Fixtures.loadParams(f["params"], into: conv)
        let y = try conv(Fixtures.tensor(f["input"]))
        assertAllClose(try y.floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5)
        let yLast = try conv(Fixtures.tensor(f["input"]).contiguous(.channelsLast))
        assertAllClose(try yLast.floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5, "channels-last input")
    }

    func testConvTranspose2d() throws {
        let f = entry("conv_transpose2d")
        let conv = try ConvTranspose2d(3, 2, kernelSize: 2, stride: 2, generator: &generator)
        try Fixtures.loadParams(f["params"], into: conv)
        let y = try conv(Fixtures.tensor(f["input"]))
        assertAllClose(try y.floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5)
    }

    func testBatchNorm2dTrainUpdatesRunningStatsThenEval() throws {
        let f = entry("batch_norm2d")
        let bn = try BatchNorm2d(3)
        try Fixtures.loadParams(f["params"], into: bn)
        let x = try Fixtures.tensor(f["input"])
        assertAllClose(try bn(x).floats(), Fixtures.values(f["train_output"]), rtol: 1e-4, atol: 1e-5)
        let stats = f["after_train"] as! [String: Any]
        assertAllClose(try bn.runningMean.value.floats(), Fixtures.values(stats["running_mean"]), rtol: 1e-5, atol: 1e-6)
        assertAllClose(try bn.runningVar.value.floats(), Fixtures.values(stats["running_var"]), rtol: 1e-5, atol: 1e-6)
        XCTAssertEqual(try bn.numBatchesTracked.value.int64s(), [1])
        bn.eval()
        assertAllClose(try bn(x).floats(), Fixtures.values(f["eval_output"]), rtol: 1e-4, atol: 1e-5)
        XCTAssertEqual(try bn.numBatchesTracked.value.int64s(), [1], "eval does not count batches")
    }

    func testLayerNorm() throws {
        let f = entry("layer_norm")
        let ln = try LayerNorm([8])
        try Fixtures.loadParams(f["params"], into: ln)
        assertAllClose(try ln(Fixtures.tensor(f["input"])).floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5)
    }

    func testLinear() throws {
        let f = entry("linear")
        let lin = try Linear(8, 3, generator: &generator)
        try Fixtures.loadParams(f["params"], into: lin)
        assertAllClose(try lin(Fixtures.tensor(f["input"])).floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5)
    }

    func testMultiheadAttention() throws {
        let f = entry("multihead_attention")
        let mha = try MultiheadAttention(embedDim: 8, numHeads: 2, generator: &generator)
        XCTAssertEqual(Set(try mha.stateDict().map(\.name)), Set((f["params"] as! [String: Any]).keys))
        try Fixtures.loadParams(f["params"], into: mha)
        assertAllClose(try mha(Fixtures.tensor(f["input"])).floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5)
    }

    func testTransformerEncoderLayerVariants() throws {
        for key in ["transformer_relu_postnorm", "transformer_gelu_postnorm", "transformer_relu_prenorm", "transformer_gelu_prenorm"] {
            let f = entry(key)
            let layer = try TransformerEncoderLayer(
                dModel: 8, numHeads: 2, feedforward: 16, dropout: 0,
                activation: TransformerActivation(rawValue: f["activation"] as! String)!,
                normFirst: f["norm_first"] as! Bool, generator: &generator)
            XCTAssertEqual(Set(try layer.stateDict().map(\.name)), Set((f["params"] as! [String: Any]).keys), key)
            try Fixtures.loadParams(f["params"], into: layer)
            layer.eval()
            assertAllClose(try layer(Fixtures.tensor(f["input"])).floats(), Fixtures.values(f["output"]), rtol: 1e-4, atol: 1e-5, key)
        }
    }

    func testDropoutIsReproducibleAndOffInEval() throws {
        var g1 = SeededGenerator(seed: 5), g2 = SeededGenerator(seed: 5)
        let d1 = Dropout(p: 0.5, generator: &g1), d2 = Dropout(p: 0.5, generator: &g2)
        let x = try Tensor.ones([4, 64])
        let a = try d1(x).floats(), b = try d2(x).floats()
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.allSatisfy { $0 == 0 || $0 == 2 })
        XCTAssertTrue(a.contains(0) && a.contains(2))
        d1.eval()
        XCTAssertEqual(try d1(x).floats(), try x.floats())
    }
}
