import Foundation
import SeaIceCore
import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Creation from Swift arrays and bytes, readback, dtypes and seeded random creation.
final class TensorCreationTests: XCTestCase {
    func testArraysRoundTripWithShapeAndDType() throws {
        let f = try Tensor([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        XCTAssertEqual(f.shape, [2, 3])
        XCTAssertEqual(f.rank, 2)
        XCTAssertEqual(f.count, 6)
        XCTAssertEqual(f.dtype, .float32)
        XCTAssertEqual(f.device, .cpu)
        XCTAssertEqual(try f.floats(), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try f.int64s(), [1, 2, 3, 4, 5, 6])

        let i = try Tensor([-3, 0, 7] as [Int64], shape: [3])
        XCTAssertEqual(i.dtype, .int64)
        XCTAssertEqual(try i.int64s(), [-3, 0, 7])
        XCTAssertEqual(try i.floats(), [-3, 0, 7])

        let u = try Tensor([0, 255, 17] as [UInt8], shape: [3, 1])
        XCTAssertEqual(u.dtype, .uint8)
        XCTAssertEqual(try u.uint8s(), [0, 255, 17])

        let b = try Tensor([true, false] as [Bool], shape: [2])
        XCTAssertEqual(b.dtype, .bool)
        XCTAssertEqual(try b.bools(), [true, false])
        XCTAssertEqual(try b.floats(), [1, 0])
    }

    func testEmptyAndScalarTensors() throws {
        let e = try Tensor([] as [Float], shape: [0, 3])
        XCTAssertEqual(e.shape, [0, 3])
        XCTAssertEqual(e.count, 0)
        XCTAssertEqual(try e.floats(), [])
        let s = try Tensor(scalar: 2.5)
        XCTAssertEqual(s.shape, [])
        XCTAssertEqual(s.rank, 0)
        XCTAssertEqual(try s.item(), 2.5)
    }

    func testValueCountMismatchThrowsInvalidInput() {
        XCTAssertThrowsError(try Tensor([1, 2, 3] as [Float], shape: [2, 2])) { error in
            guard case let SeaIceError.invalidInput(_, _, expected) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(expected.contains("4 values"), expected)
        }
    }

    func testBytesRoundTripInEveryDType() throws {
        for dtype in DType.allCases {
            let t = try Tensor.arange(6, dtype: dtype == .bool ? .int64 : dtype).reshape([2, 3])
            let source = dtype == .bool ? try t.gt(2) : t
            let data = try source.bytes()
            XCTAssertEqual(data.count, 6 * dtype.elementSize, "\(dtype)")
            let back = try Tensor(bytes: data, dtype: dtype, shape: [2, 3])
            XCTAssertEqual(back.dtype, dtype)
            XCTAssertEqual(try back.floats(), try source.floats(), "\(dtype)")
        }
        // float32 bytes are little-endian IEEE 754.
        let one = try Tensor([1] as [Float], shape: [1]).bytes()
        XCTAssertEqual([UInt8](one), [0x00, 0x00, 0x80, 0x3F])
        XCTAssertThrowsError(try Tensor(bytes: Data([1, 2, 3]), dtype: .float32, shape: [1]))
    }

    func testFactoriesFillAsExpected() throws {
        XCTAssertEqual(try Tensor.zeros([2, 2]).floats(), [0, 0, 0, 0])
        XCTAssertEqual(try Tensor.ones([3], dtype: .int64).int64s(), [1, 1, 1])
        XCTAssertEqual(try Tensor.full([2], value: 7.5).floats(), [7.5, 7.5])
        XCTAssertEqual(try Tensor.arange(start: 1, end: 2, step: 0.25).floats(), [1, 1.25, 1.5, 1.75])
        let like = try Tensor.ones(like: Tensor.zeros([2, 5], dtype: .uint8))
        XCTAssertEqual(like.shape, [2, 5])
        XCTAssertEqual(like.dtype, .uint8)
    }

    func testConversionsBetweenDTypes() throws {
        let x = try Tensor([-1.7, 0.2, 2.9] as [Float], shape: [3])
        XCTAssertEqual(try x.to(.int64).int64s(), [-1, 0, 2])
        let h = try x.to(.float16)
        XCTAssertEqual(h.dtype, .float16)
        assertAllClose(try h.floats(), [-1.7, 0.2, 2.9], rtol: 1e-3)
        XCTAssertEqual(try x.to(.bfloat16).to(.float32).dtype, .float32)
    }

    func testSeededRandomCreationIsReproducible() throws {
        var g1 = SeededGenerator(seed: 42)
        var g2 = SeededGenerator(seed: 42)
        var g3 = SeededGenerator(seed: 43)
        let a = try Tensor.randn([4, 5], generator: &g1)
        let b = try Tensor.randn([4, 5], generator: &g2)
        let c = try Tensor.randn([4, 5], generator: &g3)
        XCTAssertEqual(try a.floats(), try b.floats())
        XCTAssertNotEqual(try a.floats(), try c.floats())
        // The next draw from the same generator differs from the first.
        XCTAssertNotEqual(try Tensor.randn([4, 5], generator: &g1).floats(), try a.floats())

        var g = SeededGenerator(seed: 7)
        let u = try Tensor.uniform([1000], low: -2, high: 3, generator: &g).floats()
        XCTAssertTrue(u.allSatisfy { $0 >= -2 && $0 < 3 })
        let r = try Tensor.rand([1000], generator: &g).floats()
        XCTAssertTrue(r.allSatisfy { $0 >= 0 && $0 < 1 })
        let k = try Tensor.randint(low: 3, high: 6, [1000], generator: &g)
        XCTAssertEqual(k.dtype, .int64)
        XCTAssertEqual(Set(try k.int64s()), [3, 4, 5])
        let bern = try Tensor.bernoulli([2000], p: 0.25, generator: &g).floats()
        XCTAssertTrue(bern.allSatisfy { $0 == 0 || $0 == 1 })
        let frac = bern.reduce(0, +) / Float(bern.count)
        XCTAssertEqual(frac, 0.25, accuracy: 0.05)
        let n = try Tensor.randn([4000], mean: 1, std: 2, generator: &g)
        XCTAssertEqual(try n.mean().item(), 1, accuracy: 0.15)
        XCTAssertEqual(try n.std().item(), 2, accuracy: 0.15)
    }

    func testDeviceBestIsCPUWithoutCUDA() throws {
        if !TorchRuntime.cudaAvailable {
            XCTAssertEqual(Device.best, .cpu)
        }
        let t = try Tensor.ones([2]).to(Device.best)
        XCTAssertEqual(t.device, Device.best)
        XCTAssertFalse(TorchRuntime.version.isEmpty)
    }
}
