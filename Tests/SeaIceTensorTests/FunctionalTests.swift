import SeaIceCore
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Convolution, normalisation, pooling, resizing, attention and dropout against PyTorch.
final class FunctionalTests: XCTestCase {
    func testConv2dMatchesPyTorch() throws {
        let f = FixtureFile.named("conv2d")
        let x = try f.input("x"), w = try f.input("w"), b = try f.input("b")
        try f.check("out", Functional.conv2d(x, weight: w, bias: b, stride: 2, padding: 1))
        try f.check("dilated", Functional.conv2d(x, weight: w, padding: Size2(2, 1), dilation: 2))
        let xg = try Tensor.cat([x, x.narrow(dim: 1, start: 0, length: 1)], dim: 1)
        let wg = try f.input("wg").repeat([1, 2, 1, 1])
        try f.check("grouped", Functional.conv2d(xg, weight: wg, groups: 2))
    }

    func testFusedConvReLUEqualsConvThenReLU() throws {
        let f = FixtureFile.named("conv2d")
        let x = try f.input("x"), w = try f.input("w"), b = try f.input("b")
        for format in [MemoryFormat.contiguous, .channelsLast] {
            let xs = try x.contiguous(format), ws = try w.contiguous(format)
            let fused = try Tensor.withNoGrad { try Functional.conv2dReLU(xs, weight: ws, bias: b, stride: 2, padding: 1) }
            let plain = try Functional.relu(Functional.conv2d(xs, weight: ws, bias: b, stride: 2, padding: 1))
            XCTAssertEqual(fused.shape, plain.shape)
            assertAllClose(try fused.floats(), try plain.floats(), rtol: 1e-5, atol: 1e-5)
            XCTAssert(try fused.floats().allSatisfy { $0 >= 0 })
        }
        // With gradients required it falls back to the differentiable pair.
        let wg = try w.clone().requiringGrad()
        let y = try Functional.conv2dReLU(x, weight: wg, bias: b, padding: 1)
        try y.sum().backward()
        XCTAssertNotNil(wg.grad)
        // Shape mismatch is an error, not a crash.
        XCTAssertThrowsError(try Tensor.withNoGrad { try Functional.conv2dReLU(x.narrow(dim: 1, start: 0, length: 1), weight: w) })
    }

    func testConvTranspose2dMatchesPyTorch() throws {
        let f = FixtureFile.named("conv_transpose2d")
        let x = try f.input("x"), w = try f.input("w"), b = try f.input("b")
        try f.check("out", Functional.convTranspose2d(x, weight: w, bias: b, stride: 2, padding: 1, outputPadding: 1))
        let w2 = try w.narrow(dim: 2, start: 0, length: 2).narrow(dim: 3, start: 0, length: 2)
        try f.check("plain", Functional.convTranspose2d(x, weight: w2, stride: 2))
    }

    func testBatchNormTrainingUpdatesRunningStatsAndEvalUsesThem() throws {
        let f = FixtureFile.named("batch_norm")
        let x = try f.input("x"), w = try f.input("w"), b = try f.input("b")
        let rm = try Tensor.zeros([2]), rv = try Tensor.ones([2])
        let y = try Functional.batchNorm(x, runningMean: rm, runningVar: rv, weight: w, bias: b, training: true, momentum: 0.1)
        try f.check("out", y)
        try f.check("running_mean", rm)
        try f.check("running_var", rv)
        let evalMean = try Tensor([0.1, -0.2] as [Float], shape: [2]), evalVar = try Tensor([0.5, 2] as [Float], shape: [2])
        try f.check("eval", Functional.batchNorm(x, runningMean: evalMean, runningVar: evalVar, weight: w, bias: b, training: false))
        // Batch statistics: per channel mean 0 and population variance 1 before the affine transform.
        let plain = try Functional.batchNorm(x, runningMean: nil, runningVar: nil, training: true)
        assertAllClose(try plain.mean(dims: [0, 2, 3]).floats(), [0, 0], atol: 1e-5)
        assertAllClose(try plain.variance(dims: [0, 2, 3], correction: 0).floats(), [1, 1], rtol: 1e-3)
        let lnWeight = try x.select(dim: 0, index: 0).select(dim: 0, index: 0)
        let lnBias = try x.select(dim: 0, index: 1).select(dim: 0, index: 1)
        try f.check("layer_norm", Functional.layerNorm(x, normalizedShape: [4, 4], weight: lnWeight, bias: lnBias))
        try f.check("group_norm", Functional.groupNorm(x, groups: 2, weight: w, bias: b))
    }

    func testPoolingMatchesPyTorch() throws {
        let f = FixtureFile.named("pool")
        let x = try f.input("x")
        try f.check("max2", Functional.maxPool2d(x, kernelSize: 2))
        try f.check("max3s2p1", Functional.maxPool2d(x, kernelSize: 3, stride: 2, padding: 1))
        try f.check("max2_ceil", Functional.maxPool2d(x, kernelSize: 2, ceilMode: true))
        try f.check("avg2", Functional.avgPool2d(x, kernelSize: 2))
        try f.check("avg3s2p1_excl", Functional.avgPool2d(x, kernelSize: 3, stride: 2, padding: 1, countIncludePad: false))
        try f.check("adaptive32", Functional.adaptiveAvgPool2d(x, outputSize: Size2(3, 2)))
    }

    func testInterpolateMatchesPyTorch() throws {
        let f = FixtureFile.named("interpolate")
        let x = try f.input("x")
        try f.check("nearest_size", Functional.interpolate(x, size: Size2(5, 7)))
        try f.check("nearest_scale2", Functional.interpolate(x, scaleFactor: 2))
        try f.check("nearest_scale1_5", Functional.interpolate(x, scaleFactor: 1.5))
        try f.check("nearest_exact", Functional.interpolate(x, size: Size2(5, 7), mode: .nearestExact))
        try f.check("bilinear", Functional.interpolate(x, size: Size2(5, 7), mode: .bilinear))
        try f.check("bilinear_align", Functional.interpolate(x, size: Size2(5, 7), mode: .bilinear, alignCorners: true))
        try f.check("bilinear_scale1_5", Functional.interpolate(x, scaleFactor: 1.5, mode: .bilinear))
        try f.check("bilinear_down", Functional.interpolate(x, size: Size2(2, 3), mode: .bilinear))
        try f.check("bicubic", Functional.interpolate(x, size: Size2(5, 7), mode: .bicubic))
    }

    func testAttentionMatchesPyTorch() throws {
        let f = FixtureFile.named("attention")
        let q = try f.input("q"), k = try f.input("k"), v = try f.input("v")
        try f.check("plain", Functional.scaledDotProductAttention(query: q, key: k, value: v))
        let mask = try Tensor([true, true, false, true, false, true, false, true, true, true, false, true, true, true, true], shape: [3, 5])
        try f.check("masked", Functional.scaledDotProductAttention(query: q, key: k, value: v, mask: mask))
    }

    func testDropoutIsSeededAndScalesKeptElements() throws {
        let x = try Tensor.ones([4, 250])
        var g1 = SeededGenerator(seed: 5), g2 = SeededGenerator(seed: 5), g3 = SeededGenerator(seed: 6)
        let a = try Functional.dropout(x, p: 0.3, training: true, generator: &g1).floats()
        let b = try Functional.dropout(x, p: 0.3, training: true, generator: &g2).floats()
        let c = try Functional.dropout(x, p: 0.3, training: true, generator: &g3).floats()
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertTrue(a.allSatisfy { $0 == 0 || Swift.abs($0 - 1 / 0.7) < 1e-5 })
        let dropped = Float(a.filter { $0 == 0 }.count) / Float(a.count)
        XCTAssertEqual(dropped, 0.3, accuracy: 0.06)
        XCTAssertEqual(try Functional.dropout(x, p: 0.3, training: false, generator: &g1).floats(), try x.floats())
        XCTAssertThrowsError(try Functional.dropout(x, p: 1.5, training: true, generator: &g1))
    }
}
