import SeaIceCore
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Autocast regions on the CPU (bfloat16; float16 where the CUDA recipe is mimicked) and the loss
/// scaler's fused unscale. The dtypes expected are PyTorch 2.13's for the same calls under
/// `torch.autocast("cpu", dtype=torch.bfloat16)`.
final class AutocastTests: XCTestCase {
    private struct Planned: Error {}

    private func convInputs(seed: UInt64 = 3) throws -> (x: Tensor, w: Tensor) {
        var g = SeededGenerator(seed: seed)
        return (try Tensor.randn([2, 3, 6, 6], generator: &g), try Tensor.randn([4, 3, 3, 3], generator: &g))
    }

    func testConvolutionIsBFloat16AndLossIsFloat32UnderCPUAutocast() throws {
        let (x, w) = try convInputs()
        let target = try Tensor([Int64](repeating: 1, count: 2 * 36), shape: [2, 6, 6])
        let reference = try Functional.conv2d(x, weight: w, padding: 1)
        XCTAssertEqual(reference.dtype, .float32)
        let (y, loss) = try Autocast.run(device: .cpu, dtype: .bfloat16) {
            let y = try Functional.conv2d(x, weight: w, padding: 1)
            return (y, try Losses.crossEntropy(y, target: target))
        }
        XCTAssertEqual(y.dtype, .bfloat16)
        XCTAssertEqual(loss.dtype, .float32)
        XCTAssertTrue(try y.to(.float32).allClose(reference, rtol: 2e-2, atol: 5e-2))
        XCTAssertEqual(try Functional.conv2d(x, weight: w, padding: 1).dtype, .float32, "outside the region again")
    }

    func testRegionRestoresTheDisabledStateWhenItsBodyThrows() throws {
        XCTAssertFalse(Autocast.isEnabled(on: .cpu))
        XCTAssertEqual(Autocast.dtype(on: .cpu), .bfloat16, "libtorch's CPU default")
        XCTAssertThrowsError(try Autocast.run(device: .cpu, dtype: .float16) {
            XCTAssertTrue(Autocast.isEnabled(on: .cpu))
            XCTAssertEqual(Autocast.dtype(on: .cpu), .float16)
            throw Planned()
        }) { XCTAssertTrue($0 is Planned, "\($0)") }
        XCTAssertFalse(Autocast.isEnabled(on: .cpu))
        XCTAssertEqual(Autocast.dtype(on: .cpu), .bfloat16)
        let (x, w) = try convInputs()
        XCTAssertEqual(try Functional.conv2d(x, weight: w).dtype, .float32)
    }

    func testNestedRegionsRestoreTheOuterSettings() throws {
        let (x, w) = try convInputs()
        try Autocast.run(device: .cpu, dtype: .bfloat16) {
            XCTAssertEqual(try Functional.conv2d(x, weight: w).dtype, .bfloat16)
            try Autocast.run(device: .cpu, dtype: .float16, enabled: false) {
                XCTAssertFalse(Autocast.isEnabled(on: .cpu))
                XCTAssertEqual(try Functional.conv2d(x, weight: w).dtype, .float32, "float32 island")
            }
            XCTAssertTrue(Autocast.isEnabled(on: .cpu))
            XCTAssertEqual(Autocast.dtype(on: .cpu), .bfloat16)
            XCTAssertEqual(try Functional.conv2d(x, weight: w).dtype, .bfloat16)
        }
        XCTAssertFalse(Autocast.isEnabled(on: .cpu))
    }

    func testOnlyHalfPrecisionTypesAreAccepted() throws {
        XCTAssertThrowsError(try Autocast.run(device: .cpu, dtype: .float32) { XCTFail("body must not run") }) { error in
            XCTAssertTrue("\(error)".contains("float16 or bfloat16"), "\(error)")
        }
        XCTAssertFalse(Autocast.isEnabled(on: .cpu))
    }

    /// A CUDA region is per device type: it does not touch CPU operations (and needs no GPU to enter).
    func testCUDARegionLeavesCPUOperationsAlone() throws {
        let (x, w) = try convInputs()
        try Autocast.run(device: .cuda(0), dtype: .float16) {
            XCTAssertTrue(Autocast.isEnabled(on: .cuda(0)))
            XCTAssertFalse(Autocast.isEnabled(on: .cpu))
            XCTAssertEqual(try Functional.conv2d(x, weight: w).dtype, .float32)
        }
        XCTAssertFalse(Autocast.isEnabled(on: .cuda(0)))
        XCTAssertEqual(Autocast.dtype(on: .cuda(0)), .float16, "libtorch's CUDA default")
    }

    /// The recipe: forward under autocast, backward outside; parameters and their gradients stay float32.
    func testGradientsOfFloat32WeightsAreFloat32() throws {
        let (x, w) = try convInputs()
        try w.requiringGrad()
        let loss = try Autocast.run(device: .cpu, dtype: .bfloat16) {
            try Functional.conv2d(x, weight: w, padding: 1).to(.float32).square().mean()
        }
        try loss.backward()
        let grad = try XCTUnwrap(w.grad)
        XCTAssertEqual(grad.dtype, .float32)
        XCTAssertEqual(grad.shape, w.shape)
        XCTAssertTrue(try grad.isfinite().all())
    }

    func testUnscaleMultipliesAndFindsNonFiniteValues() throws {
        let a = try Tensor([2, 4, -8] as [Float], shape: [3])
        let b = try Tensor([16, 32] as [Float], shape: [2]).to(.bfloat16)
        XCTAssertFalse(try Tensor.multiplyInPlaceFindingNonFinite([a, b], by: 0.5))
        XCTAssertEqual(try a.floats(), [1, 2, -4])
        XCTAssertEqual(try b.floats(), [8, 16])
        XCTAssertEqual(b.dtype, .bfloat16)
        for bad: Float in [.infinity, -.infinity, .nan] {
            let c = try Tensor([1, bad], shape: [2])
            XCTAssertTrue(try Tensor.multiplyInPlaceFindingNonFinite([a, c], by: 1), "\(bad)")
        }
        XCTAssertFalse(try Tensor.multiplyInPlaceFindingNonFinite([], by: 2))
        XCTAssertThrowsError(try Tensor.multiplyInPlaceFindingNonFinite([Tensor([Int64(1)], shape: [1])], by: 2))
    }
}
