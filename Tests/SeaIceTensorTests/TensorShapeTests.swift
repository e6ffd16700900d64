import SeaIceTensor
import SeaIceTestSupport
import XCTest

/// Shape, layout and indexing against PyTorch.
final class TensorShapeTests: XCTestCase {
    func testShapeOperationsMatchPyTorch() throws {
        let f = FixtureFile.named("shape")
        let x = try f.input("x"), y = try f.input("y")
        try f.check("permute", x.permute([2, 0, 1]))
        try f.check("transpose", x.transpose(0, 2))
        try f.check("cat1", Tensor.cat([x, y], dim: 1))
        try f.check("stack", Tensor.stack([x, x * 2], dim: 1))
        try f.check("pad_const", x.pad([1, 2, 0, 1], value: -1.5))
        try f.check("pad_reflect", x.unsqueeze(0).pad([2, 1, 1, 2], mode: .reflect))
        try f.check("pad_replicate", x.unsqueeze(0).pad([1, 1, 2, 0], mode: .replicate))
        try f.check("flip", x.flip(dims: [0, 2]))
        try f.check("rot90", x.rot90(k: 1, dims: (1, 2)))
        try f.check("rot90_k3", x.rot90(k: 3, dims: [1, 2]))
        XCTAssertThrowsError(try x.rot90(k: 1, dims: [1]))
        try f.check("repeat", y.repeat([1, 2, 2]))
        try f.check("expand", y.expand([2, 3, 4]))
        try f.check("index_select", x.indexSelect(dim: 1, index: Tensor([2, 0, 2] as [Int64], shape: [3])))
        let gidx = try Tensor([0, 1, 2, 2, 2, 2, 0, 1] as [Int64], shape: [2, 1, 4])
        try f.check("gather", x.gather(dim: 1, index: gidx))
        try f.check("narrow", x.narrow(dim: 2, start: 1, length: 2))
        try f.check("slice", x.slice(dim: 2, start: 0, end: 4, step: 2))
        try f.check("select", x.select(dim: 1, index: -1))
        try f.check("one_hot", Tensor([0, 3, 2, 1] as [Int64], shape: [2, 2]).oneHot(numClasses: 4))
    }

    func testReshapeViewSqueezeFlatten() throws {
        let x = try Tensor.arange(24).reshape([2, 3, 4])
        XCTAssertEqual(try x.reshape([4, -1]).shape, [4, 6])
        XCTAssertEqual(try x.view([6, 4]).shape, [6, 4])
        XCTAssertEqual(try x.unsqueeze(1).shape, [2, 1, 3, 4])
        XCTAssertEqual(try x.unsqueeze(1).squeeze(1).shape, [2, 3, 4])
        XCTAssertEqual(try x.reshape([1, 2, 1, 12]).squeeze().shape, [2, 12])
        XCTAssertEqual(try x.flatten(startDim: 1).shape, [2, 12])
        // A view shares storage: writing through it changes the base tensor.
        let v = try x.view([24])
        try v.narrow(dim: 0, start: 0, length: 1).fill(-5)
        XCTAssertEqual(try x.floats()[0], -5)
        // view of a transposed (non-contiguous) tensor fails, reshape copies.
        XCTAssertThrowsError(try x.transpose(1, 2).view([24]))
        XCTAssertEqual(try x.transpose(1, 2).reshape([24]).count, 24)
    }

    func testMaskedSelectAndMaskedFill() throws {
        let x = try Tensor([1, 5, 2, 8] as [Float], shape: [2, 2])
        XCTAssertEqual(try x.maskedSelect(x.gt(1.5)).floats(), [5, 2, 8])
        XCTAssertEqual(try x.maskedFill(x.lt(3), 0).floats(), [0, 5, 0, 8])
    }

    func testChannelsLastKeepsLogicalShapeAndValues() throws {
        let x = try Tensor.arange(2 * 3 * 4 * 5).reshape([2, 3, 4, 5])
        XCTAssertTrue(x.isContiguous())
        let cl = try x.contiguous(.channelsLast)
        XCTAssertEqual(cl.shape, [2, 3, 4, 5])
        XCTAssertTrue(cl.isContiguous(.channelsLast))
        XCTAssertFalse(cl.isContiguous(.contiguous))
        XCTAssertEqual(cl.strides, [60, 1, 15, 3])
        XCTAssertEqual(try cl.floats(), try x.floats())
        // Convolution, batch norm, relu and pooling preserve the channels-last layout.
        let w = try Tensor.ones([6, 3, 3, 3]).contiguous(.channelsLast)
        let y = try Functional.conv2d(cl, weight: w, padding: 1)
        let z = try Functional.maxPool2d(Functional.relu(Functional.batchNorm(y, runningMean: nil, runningVar: nil, training: true)), kernelSize: 2)
        XCTAssertTrue(y.isContiguous(.channelsLast))
        XCTAssertTrue(z.isContiguous(.channelsLast))
        let reference = try Functional.conv2d(x, weight: Tensor.ones([6, 3, 3, 3]), padding: 1)
        assertAllClose(try y.floats(), try reference.floats(), rtol: 1e-5)
    }
}
