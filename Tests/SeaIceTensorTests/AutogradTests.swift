import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Central finite differences of a scalar function at a few coordinates of `x` (float32).
func finiteDifferences(
    _ values: [Float], shape: [Int], at indices: [Int], eps: Float = 1e-2, _ f: (Tensor) throws -> Tensor
) throws -> [Float] {
    try indices.map { i in
        var plus = values, minus = values
        plus[i] += eps
        minus[i] -= eps
        let fp = try Tensor.withNoGrad { try f(Tensor(plus, shape: shape)).item() }
        let fm = try Tensor.withNoGrad { try f(Tensor(minus, shape: shape)).item() }
        return (fp - fm) / (2 * eps)
    }
}

/// Asserts that autograd's gradient of `f` at `values` agrees with finite differences.
func assertGradientMatchesFiniteDifferences(
    _ values: [Float], shape: [Int], eps: Float = 1e-2, rtol: Float = 2e-2, atol: Float = 2e-3,
    file: StaticString = #filePath, line: UInt = #line, _ f: (Tensor) throws -> Tensor
) throws {
    let x = try Tensor(values, shape: shape).requiringGrad()
    try f(x).backward()
    guard let grad = try x.grad?.floats() else { return XCTFail("no gradient", file: file, line: line) }
    let step = Swift.max(1, values.count / 12)
    let indices = Array(stride(from: 0, to: values.count, by: step))
    let numeric = try finiteDifferences(values, shape: shape, at: indices, eps: eps, f)
    assertAllClose(indices.map { grad[$0] }, numeric, rtol: rtol, atol: atol, "finite differences", file: file, line: line)
}

/// Gradients (PyTorch fixtures and finite differences), no-grad scopes and in-place updates.
final class AutogradTests: XCTestCase {
    func testConv2dGradientsMatchPyTorch() throws {
        let f = FixtureFile.named("conv2d")
        let x = try f.input("x").requiringGrad(), w = try f.input("w").requiringGrad(), b = try f.input("b").requiringGrad()
        let y = try Functional.conv2d(x, weight: w, bias: b, stride: 2, padding: 1)
        try (y * f.expectedTensor("grad_out")).sum().backward()
        try f.check("dx", XCTUnwrap(x.grad))
        try f.check("dw", XCTUnwrap(w.grad), rtol: 1e-4, atol: 1e-4)
        try f.check("db", XCTUnwrap(b.grad), rtol: 1e-4, atol: 1e-4)
    }

    func testBatchNormAndBilinearGradientsMatchPyTorch() throws {
        let bn = FixtureFile.named("batch_norm")
        let x = try bn.input("x").requiringGrad()
        let y = try Functional.batchNorm(x, runningMean: nil, runningVar: nil, weight: bn.input("w"), bias: bn.input("b"), training: true)
        try (y * bn.expectedTensor("grad_out")).sum().backward()
        try bn.check("dx", XCTUnwrap(x.grad), atol: 1e-4)

        let ip = FixtureFile.named("interpolate")
        let z = try ip.input("x").requiringGrad()
        try (Functional.interpolate(z, size: Size2(5, 7), mode: .bilinear) * ip.expectedTensor("bilinear_grad_out")).sum().backward()
        try ip.check("bilinear_dx", XCTUnwrap(z.grad))
    }

    func testGradientsAgreeWithFiniteDifferences() throws {
        let x = PatternSpec(shape: [1, 2, 4, 4], a: 0.37, b: 0.1, scale: 1)
        let w = try Tensor(PatternSpec(shape: [2, 2, 3, 3], a: 0.77, b: 0.3, scale: 0.5).values, shape: [2, 2, 3, 3])
        let g = try Tensor(PatternSpec(shape: [1, 2, 4, 4], a: 0.13, b: 0.9, scale: 1).values, shape: [1, 2, 4, 4])
        try assertGradientMatchesFiniteDifferences(x.values, shape: x.shape) {
            try (Functional.conv2d($0, weight: w, padding: 1) * g).sum()
        }
        try assertGradientMatchesFiniteDifferences(x.values, shape: x.shape) {
            try (Functional.batchNorm($0, runningMean: nil, runningVar: nil, training: true) * g).sum()
        }
        let g2 = try Tensor(PatternSpec(shape: [1, 2, 7, 6], a: 0.23, b: 0.5, scale: 1).values, shape: [1, 2, 7, 6])
        try assertGradientMatchesFiniteDifferences(x.values, shape: x.shape) {
            try (Functional.interpolate($0, size: Size2(7, 6), mode: .bilinear) * g2).sum()
        }
    }

    func testNoGradScopeStopsRecordingAndRestores() throws {
        let w = try Tensor.ones([3]).requiringGrad()
        XCTAssertTrue(Tensor.isGradEnabled)
        let y = try Tensor.withNoGrad { () throws -> Tensor in
            XCTAssertFalse(Tensor.isGradEnabled)
            Tensor.withNoGrad { XCTAssertFalse(Tensor.isGradEnabled) }
            XCTAssertFalse(Tensor.isGradEnabled)
            return try w * 2
        }
        XCTAssertTrue(Tensor.isGradEnabled)
        XCTAssertFalse(y.requiresGrad)
        XCTAssertThrowsError(try y.sum().backward())
        struct Failure: Error {}
        XCTAssertThrowsError(try Tensor.withNoGrad { throw Failure() })
        XCTAssertTrue(Tensor.isGradEnabled, "grad mode restored after a throw")
    }

    func testGradAccumulatesAndZeroGradClears() throws {
        let w = try Tensor([1, 2, 3] as [Float], shape: [3]).requiringGrad()
        XCTAssertTrue(w.isLeaf)
        XCTAssertNil(w.grad)
        try (w * w).sum().backward()
        XCTAssertEqual(try w.grad?.floats(), [2, 4, 6])
        try (w * 3).sum().backward()
        XCTAssertEqual(try w.grad?.floats(), [5, 7, 9])
        w.zeroGrad()
        XCTAssertNil(w.grad)
        let y = try w * 2
        XCTAssertFalse(y.isLeaf)
        try y.backward(gradient: Tensor([1, 0, -1] as [Float], shape: [3]))
        XCTAssertEqual(try w.grad?.floats(), [2, 0, -2])
        let d = w.detach()
        XCTAssertFalse(d.requiresGrad)
        XCTAssertThrowsError(try Tensor([1] as [Int64], shape: [1]).requiringGrad())
    }

    func testInPlaceUpdatesForOptimizers() throws {
        let p = try Tensor([1, 2, 3] as [Float], shape: [3]).requiringGrad()
        let g = try Tensor([0.5, -1, 2] as [Float], shape: [3])
        try p.addInPlace(g, alpha: -0.1)
        assertAllClose(try p.floats(), [0.95, 2.1, 2.8])
        XCTAssertTrue(p.requiresGrad)
        let m = try Tensor.zeros([3])
        try m.mulInPlace(0.9)
        try m.addInPlace(g, alpha: 0.1)
        assertAllClose(try m.floats(), [0.05, -0.1, 0.2])
        let v = try Tensor.zeros([3])
        try v.addcmulInPlace(g, g, value: 0.5)
        assertAllClose(try v.floats(), [0.125, 0.5, 2])
        let q = try Tensor.ones([3])
        try q.addcdivInPlace(g, Tensor.full([3], value: 2), value: -1)
        assertAllClose(try q.floats(), [0.75, 1.5, 0])
        let e = try Tensor.zeros([3])
        try e.lerpInPlace(g, weight: 0.25)
        assertAllClose(try e.floats(), [0.125, -0.25, 0.5])
        try e.copyFrom(Tensor.full([1], value: 4))
        XCTAssertEqual(try e.floats(), [4, 4, 4])
        try e.mulInPlace(g)
        try e.divInPlace(Tensor.full([3], value: 2))
        XCTAssertEqual(try e.floats(), [1, -2, 4])
        try e.clampInPlace(min: -1, max: 3)
        XCTAssertEqual(try e.floats(), [1, -1, 3])
        try e.zero()
        XCTAssertEqual(try e.floats(), [0, 0, 0])
    }
}
