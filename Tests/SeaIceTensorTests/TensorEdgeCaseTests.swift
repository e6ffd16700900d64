import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Small and degenerate sizes, special values and reduced-precision dtypes.
final class TensorEdgeCaseTests: XCTestCase {
    func testEveryFloatDTypeComputesAndReadsBack() throws {
        for dtype in [DType.float32, .float16, .bfloat16, .float64] {
            let x = try Tensor([0.5, -1.25, 2] as [Float], shape: [3]).to(dtype)
            let y = try (x * x + 1).sqrt()
            XCTAssertEqual(y.dtype, dtype)
            assertAllClose(try y.floats(), [1.118034, 1.600781, 2.236068], rtol: 1e-2, "\(dtype)")
            XCTAssertEqual(try x.sum().item(), 1.25, accuracy: 1e-2, "\(dtype)")
            XCTAssertTrue(dtype.isFloatingPoint)
        }
        XCTAssertFalse(DType.int64.isFloatingPoint)
    }

    func testSmallSizesThroughConvPoolAndResize() throws {
        for size in [1, 2, 3, 5, 10] {
            let x = try Tensor.arange(2 * size * size).reshape([1, 2, size, size])
            let w = try Tensor.ones([3, 2, 3, 3])
            let y = try Functional.conv2d(x, weight: w, padding: 1)
            XCTAssertEqual(y.shape, [1, 3, size, size], "size \(size)")
            // The centre tap of an all-ones 3×3 kernel over two channels sums the 3×3 neighbourhoods.
            if size == 1 { XCTAssertEqual(try y.floats(), [1, 1, 1]) }
            let pooled = try Functional.maxPool2d(x, kernelSize: 2, ceilMode: true)
            XCTAssertEqual(pooled.shape, [1, 2, (size + 1) / 2, (size + 1) / 2])
            let up = try Functional.interpolate(x, size: Size2(size * 2, size * 2), mode: .bilinear)
            XCTAssertEqual(up.shape, [1, 2, size * 2, size * 2])
            // Bilinear upsampling preserves constants and stays within the input range.
            XCTAssertGreaterThanOrEqual(try up.min().item(), try x.min().item())
            XCTAssertLessThanOrEqual(try up.max().item(), try x.max().item())
            let avg = try Functional.adaptiveAvgPool2d(x, outputSize: 1)
            assertAllClose(try avg.flatten().floats(), try x.mean(dims: [2, 3]).flatten().floats(), rtol: 1e-6)
        }
    }

    func testEmptyTensorsReduceLikePyTorch() throws {
        let e = try Tensor.zeros([0, 4])
        XCTAssertEqual(try e.sum().item(), 0)
        XCTAssertTrue(try e.mean().item().isNaN)
        XCTAssertEqual(try e.sum(dims: [0]).floats(), [0, 0, 0, 0])
        XCTAssertEqual(try Tensor.cat([e, Tensor.ones([1, 4])]).shape, [1, 4])
        XCTAssertTrue(try e.gt(0).all())
        XCTAssertFalse(try e.gt(0).any())
    }

    func testSpecialValuesPropagate() throws {
        let x = try Tensor([-0.0, .infinity, -.infinity, .nan, 1] as [Float], shape: [5])
        let doubled = try (x * 2).floats()
        XCTAssertEqual(doubled[0].sign, .minus, "−0 keeps its sign")
        XCTAssertEqual(doubled[1], .infinity)
        XCTAssertEqual(doubled[2], -.infinity)
        XCTAssertTrue(doubled[3].isNaN)
        XCTAssertTrue(try x.max().item().isNaN, "max propagates NaN as PyTorch does")
        XCTAssertEqual(try x.isfinite().bools(), [true, false, false, false, true])
        XCTAssertEqual(try x.clamp(min: -1, max: 1).floats().enumerated().filter { $0.offset != 3 }.map(\.element), [0, 1, -1, 1])
        let s = try Functional.softmax(Tensor([1000, 0] as [Float], shape: [2]), dim: 0).floats()
        XCTAssertEqual(s, [1, 0], "softmax is stable for large logits")
    }

    func testSizeOneDimensionsBroadcast() throws {
        let col = try Tensor([1, 2, 3] as [Float], shape: [3, 1])
        let row = try Tensor([10, 20] as [Float], shape: [1, 2])
        XCTAssertEqual(try (col + row).floats(), [11, 21, 12, 22, 13, 23])
        XCTAssertEqual(try (col * row).shape, [3, 2])
        XCTAssertThrowsError(try Tensor(scalar: 2).matmul(Tensor.ones([1])), "matmul needs at least 1-D operands")
        XCTAssertEqual(try Tensor.ones([3]).matmul(Tensor.ones([3])).shape, [], "1-D · 1-D is a dot product")
    }
}
