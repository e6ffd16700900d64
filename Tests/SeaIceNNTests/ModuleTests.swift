import SeaIceCore
import SeaIceNN
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// A small network with nested, indexed and parameter-less children.
private final class Block: Module, UnaryLayer {
    let encoder: Sequential
    let bn: BatchNorm2d
    let head: Linear

    init(generator: inout SeededGenerator) throws {
        encoder = Sequential([
            try Conv2d(2, 3, kernelSize: 3, padding: 1, bias: false, generator: &generator),
            ReLU(),
            try Conv2d(3, 4, kernelSize: 1, generator: &generator),
        ])
        bn = try BatchNorm2d(4)
        head = try Linear(4, 2, generator: &generator)
        super.init()
        register(encoder, as: "encoder")
        register(bn, as: "bn")
        register(head, as: "head")
    }

    func callAsFunction(_ x: Tensor) throws -> Tensor {
        try head(bn(encoder(x)).permute([0, 2, 3, 1]))
    }
}

final class ModuleTests: XCTestCase {
    func testNamesFollowPyTorchStateDictOrder() throws {
        var g = SeededGenerator(seed: 1)
        let m = try Block(generator: &g)
        XCTAssertEqual(try m.stateDict().map(\.name), [
            "encoder.0.weight", "encoder.2.weight", "encoder.2.bias",
            "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked",
            "head.weight", "head.bias",
        ])
        XCTAssertEqual(m.namedParameters().map(\.name), [
            "encoder.0.weight", "encoder.2.weight", "encoder.2.bias", "bn.weight", "bn.bias", "head.weight", "head.bias",
        ])
        XCTAssertEqual(m.parameterCount, 2 * 3 * 9 + 3 * 4 + 4 + 4 + 4 + 8 + 2)
        XCTAssertTrue(m.parameters().allSatisfy { $0.value.requiresGrad })
    }

    func testSameSeedSameWeightsDifferentSeedDifferent() throws {
        var g1 = SeededGenerator(seed: 3), g2 = SeededGenerator(seed: 3), g3 = SeededGenerator(seed: 4)
        let a = try Block(generator: &g1), b = try Block(generator: &g2), c = try Block(generator: &g3)
        XCTAssertEqual(try a.head.weight.value.floats(), try b.head.weight.value.floats())
        XCTAssertNotEqual(try a.head.weight.value.floats(), try c.head.weight.value.floats())
    }

    func testDefaultInitialisationBounds() throws {
        var g = SeededGenerator(seed: 9)
        let conv = try Conv2d(8, 16, kernelSize: 3, generator: &g)
        let bound = 1 / Float(8 * 9).squareRoot()
        let w = try conv.weight.value.floats()
        XCTAssertTrue(w.allSatisfy { abs($0) <= bound })
        XCTAssertGreaterThan(w.map(abs).max()!, 0.9 * bound, "uses the whole range")
        XCTAssertTrue(try conv.bias!.value.floats().allSatisfy { abs($0) <= bound })
        let mha = try MultiheadAttention(embedDim: 8, numHeads: 2, generator: &g)
        let xavier = (6.0 / Float(24 + 8)).squareRoot()
        XCTAssertTrue(try mha.inProjWeight.value.floats().allSatisfy { abs($0) <= xavier })
        XCTAssertEqual(try mha.inProjBias.value.floats(), [Float](repeating: 0, count: 24))
        XCTAssertEqual(try mha.outProj.bias!.value.floats(), [Float](repeating: 0, count: 8))
    }

    func testTrainEvalPropagatesToChildren() throws {
        var g = SeededGenerator(seed: 1)
        let m = try Block(generator: &g)
        m.eval()
        XCTAssertTrue(m.namedModules().allSatisfy { !$0.module.isTraining })
        m.train()
        XCTAssertTrue(m.namedModules().allSatisfy { $0.module.isTraining })
    }

    func testStateDictRoundTripThroughSafetensors() throws {
        var g1 = SeededGenerator(seed: 1), g2 = SeededGenerator(seed: 2)
        let a = try Block(generator: &g1), b = try Block(generator: &g2)
        let x = try Tensor((0..<(2 * 2 * 5 * 5)).map { Float($0 % 7) / 7 }, shape: [2, 2, 5, 5])
        _ = try a(x)  // updates a's running stats and num_batches_tracked
        a.eval()
        b.eval()
        let dir = try TestPaths.temporaryDirectory("module")
        let url = dir.appendingPathComponent("block.safetensors")
        try a.saveWeights(to: url)
        try b.loadWeights(from: url)
        for ((na, ta), (nb, tb)) in zip(try a.stateDict(), try b.stateDict()) {
            XCTAssertEqual(na, nb)
            XCTAssertEqual(ta.dtype, tb.dtype, na)
            XCTAssertEqual(try ta.floats(), try tb.floats(), na)
        }
        XCTAssertEqual(try b.bn.numBatchesTracked.value.int64s(), [1])
        XCTAssertEqual(try a(x).floats(), try b(x).floats())
        XCTAssertTrue(b.parameters().allSatisfy { $0.value.requiresGrad && $0.value.isLeaf })
    }

    func testLoadStateDictRejectsUnknownMissingAndMismatchedNames() throws {
        var g = SeededGenerator(seed: 1)
        let m = try Block(generator: &g)
        var dict: [String: Tensor] = [:]
        for (n, t) in try m.stateDict() { dict[n] = try t.clone() }
        let before = try m.head.weight.value.floats()

        var extra = dict
        extra["head.gamma"] = try Tensor.zeros([2])
        XCTAssertThrowsError(try m.loadStateDict(extra, source: "x.safetensors")) { error in
            XCTAssertTrue("\(error)".contains("x.safetensors") && "\(error)".contains("`head.gamma`"), "\(error)")
        }
        var missing = dict
        missing["bn.running_var"] = nil
        XCTAssertThrowsError(try m.loadStateDict(missing, source: "x.safetensors")) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: "x.safetensors", item: "tensors `bn.running_var`"))
        }
        XCTAssertNoThrow(try m.loadStateDict(missing, strict: false))
        var wrong = dict
        wrong["head.weight"] = try Tensor.zeros([2, 5])
        wrong["encoder.0.weight"] = try Tensor.zeros([3, 2, 3, 3])
        XCTAssertThrowsError(try m.loadStateDict(wrong, source: "x.safetensors")) { error in
            XCTAssertEqual(error as? SeaIceError, .invalidInput(file: "x.safetensors", item: "tensor `head.weight`", expected: "shape [2, 4], found [2, 5]"))
        }
        XCTAssertEqual(try m.head.weight.value.floats(), before, "a failed load changes nothing")
        XCTAssertNotEqual(try m.encoder.layers[0] is Conv2d ? (m.encoder.layers[0] as! Conv2d).weight.value.floats() : [], [Float](repeating: 0, count: 54))
    }
}
