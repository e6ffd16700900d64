import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Element-wise maths, reductions and linear algebra against PyTorch.
final class TensorOpsTests: XCTestCase {
    func testBinaryOperationsMatchPyTorch() throws {
        let f = FixtureFile.named("binary")
        let a = try f.input("a"), b = try f.input("b")
        let bpos = try b.abs() + 0.5
        try f.check("add", a + b)
        try f.check("sub", a - b)
        try f.check("mul", a * b)
        try f.check("div", a / bpos)
        try f.check("add_s", a + 2.5)
        try f.check("rsub_s", 1.5 - a)
        try f.check("rdiv_s", 2 / bpos)
        try f.check("mul_s", a * -3)
        try f.check("pow_s", (a.abs() + 0.1).pow(1.7))
        try f.check("maximum", a.maximum(b))
        try f.check("gt", a.gt(b).to(.float32))
        try f.check("le_s", a.le(0.2).to(.float32))
        try f.check("where", Tensor.where(a.gt(b), a, b))
    }

    func testUnaryOperationsMatchPyTorch() throws {
        let f = FixtureFile.named("unary")
        let x = try f.input("x")
        try f.check("exp", x.exp())
        try f.check("log", (x.abs() + 0.1).log())
        try f.check("sqrt", x.abs().sqrt())
        try f.check("rsqrt", (x.abs() + 0.1).rsqrt())
        try f.check("abs", x.abs())
        try f.check("sin", x.sin())
        try f.check("cos", x.cos())
        try f.check("square", x.square())
        try f.check("sign", x.sign())
        try f.check("floor", (3 * x).floor())
        try f.check("round", (3 * x).round())
        try f.check("clamp", x.clamp(min: -0.3, max: 0.5))
        try f.check("neg", -x)
        try f.check("sigmoid", Functional.sigmoid(x))
        try f.check("tanh", Functional.tanh(x))
        try f.check("relu", Functional.relu(x))
        try f.check("leaky_relu", Functional.leakyRelu(x, negativeSlope: 0.2))
        try f.check("gelu", Functional.gelu(x))
        try f.check("gelu_tanh", Functional.gelu(x, approximateTanh: true))
        try f.check("silu", Functional.silu(x))
    }

    func testReductionsMatchPyTorch() throws {
        let f = FixtureFile.named("reduce")
        let x = try f.input("x")
        try f.check("sum", x.sum())
        try f.check("sum_1_keep", x.sum(dims: [1], keepDim: true))
        try f.check("mean_02", x.mean(dims: [0, 2]))
        try f.check("max", x.max())
        let mx = try x.max(dim: 2)
        try f.check("max2_values", mx.values)
        try f.check("max2_indices", mx.indices)
        XCTAssertEqual(mx.indices.dtype, .int64)
        let mn = try x.min(dim: 1, keepDim: true)
        try f.check("min1_values", mn.values)
        try f.check("min1_indices", mn.indices)
        try f.check("argmax1", x.argmax(dim: 1))
        try f.check("argmax_all", x.argmax())
        try f.check("var2", x.variance(dims: [2]))
        try f.check("var_pop", x.var(correction: 0))
        try f.check("std", x.std())
        try f.check("amax_01", x.amax(dims: [0, 1]))
        try f.check("softmax1", Functional.softmax(x, dim: 1))
        try f.check("log_softmax2", Functional.logSoftmax(x, dim: 2))
        try f.check("cumsum2", x.cumsum(dim: 2))
    }

    func testLinearAlgebraMatchesPyTorch() throws {
        let f = FixtureFile.named("linalg")
        let a = try f.input("a"), b = try f.input("b"), c = try f.input("c")
        try f.check("matmul", a.matmul(b))
        try f.check("bmm", a.bmm(c))
        try f.check("linear", Functional.linear(a, weight: b.transpose(0, 1), bias: b.select(dim: 0, index: 0)))
    }

    func testIntegerTensorTimesFractionPromotesToFloat() throws {
        let t = try Tensor([1, 2, 3] as [Int64], shape: [3])
        let half = try t * 0.5
        XCTAssertEqual(half.dtype, .float32)
        XCTAssertEqual(try half.floats(), [0.5, 1, 1.5])
    }

    func testLogicalAndNanHandling() throws {
        let a = try Tensor([true, false, true, false], shape: [4])
        let b = try Tensor([true, true, false, false], shape: [4])
        XCTAssertEqual(try a.logicalAnd(b).bools(), [true, false, false, false])
        XCTAssertEqual(try a.logicalOr(b).bools(), [true, true, true, false])
        XCTAssertEqual(try a.logicalNot().bools(), [false, true, false, true])
        let x = try Tensor([1, .nan, .infinity, -.infinity], shape: [4])
        XCTAssertEqual(try x.isnan().bools(), [false, true, false, false])
        XCTAssertEqual(try x.nanToNum(nan: -1, posinf: 9, neginf: -9).floats(), [1, -1, 9, -9])
        XCTAssertEqual(try x.maskedFill(x.isnan(), 7).floats()[1], 7)
    }
}

/// Predicates returning Swift values.
final class TensorPredicateTests: XCTestCase {
    func testAllAnyAllClose() throws {
        let a = try Tensor([1, 2, 3] as [Float], shape: [3])
        XCTAssertTrue(try a.gt(0).all())
        XCTAssertFalse(try a.gt(1).all())
        XCTAssertTrue(try a.gt(2.5).any())
        XCTAssertFalse(try a.gt(3).any())
        XCTAssertTrue(try a.allClose(a + 1e-7))
        XCTAssertFalse(try a.allClose(a + 1e-3))
        XCTAssertTrue(try a.allClose(a + 1e-3, atol: 1e-2))
        XCTAssertFalse(try Tensor([.nan] as [Float], shape: [1]).allClose(Tensor([.nan] as [Float], shape: [1])))
        XCTAssertTrue(a.description.contains("2"))
        XCTAssertEqual(try Tensor.zeros([300]).description, "Tensor(shape: [300], dtype: float32, device: cpu)")
    }
}

/// Operations without a PyTorch fixture, checked against hand-computed values.
final class TensorMiscOpsTests: XCTestCase {
    func testRemainingElementwiseAndReductions() throws {
        let x = try Tensor([1, -2, 4] as [Float], shape: [3])
        XCTAssertEqual(try x.ceil().floats(), [1, -2, 4])
        XCTAssertEqual(try (x / 4).ceil().floats(), [1, -0, 1])
        XCTAssertEqual(try x.reciprocal().floats(), [1, -0.5, 0.25])
        assertAllClose(try x.abs().log1p().floats(), [0.6931472, 1.0986123, 1.6094379])
        assertAllClose(try x.atan2(Tensor.ones([3])).floats(), [0.7853982, -1.1071487, 1.3258177])
        XCTAssertEqual(try x.minimum(Tensor.zeros([3])).floats(), [0, -2, 0])
        XCTAssertEqual(try x.prod().item(), -8)
        XCTAssertEqual(try x.min().item(), -2)
        XCTAssertEqual(try x.argmin().int64s(), [1])
        XCTAssertEqual(try x.amin(dims: [0]).item(), -2)
        XCTAssertEqual(try x.sum().itemDouble(), 3)
        assertAllClose(try Functional.elu(x).floats(), [1, -0.8646647, 4])
        assertAllClose(try Functional.softplus(x).floats(), [1.3132616, 0.126928, 4.01815])
        let c = try x.clone()
        try c.fill(3)
        try c.sqrtInPlace()
        assertAllClose(try c.floats(), [1.7320508, 1.7320508, 1.7320508])
        XCTAssertEqual(try x.floats(), [1, -2, 4], "clone does not share storage")
    }

    func testThreadCountCanBeSet() throws {
        let before = TorchRuntime.threads
        try TorchRuntime.setThreads(1)
        XCTAssertEqual(TorchRuntime.threads, 1)
        try TorchRuntime.setThreads(before)
        XCTAssertEqual(TorchRuntime.threads, before)
        XCTAssertThrowsError(try TorchRuntime.setThreads(0))
    }
}
