import SeaIceCore
import SeaIceTensor
import XCTest

/// Bad shapes, dimensions and dtypes become thrown `SeaIceError.native` errors naming the problem.
final class TensorErrorTests: XCTestCase {
    /// Asserts that `body` throws a libtorch error whose operation and message contain the given words.
    func assertNativeError<T>(
        _ body: @autoclosure () throws -> T, operation: String, message: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard case let SeaIceError.native(library, op, text) = error else {
                return XCTFail("expected SeaIceError.native, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(library, "libtorch", file: file, line: line)
            XCTAssertTrue(op.contains(operation), "operation '\(op)' lacks '\(operation)'", file: file, line: line)
            XCTAssertTrue(text.contains(message), "message '\(text)' lacks '\(message)'", file: file, line: line)
            XCTAssertFalse(text.contains("Exception raised from"), "backtrace leaked into the message", file: file, line: line)
        }
    }

    func testShapeMismatchInArithmeticThrows() throws {
        let a = try Tensor.ones([2, 3]), b = try Tensor.ones([4])
        assertNativeError(try a + b, operation: "add of [2, 3] and [4]", message: "must match the size")
        assertNativeError(try a * b, operation: "mul", message: "must match the size")
    }

    func testShapeMismatchInMatmulThrows() throws {
        let a = try Tensor.ones([2, 3]), b = try Tensor.ones([4, 5])
        assertNativeError(try a.matmul(b), operation: "matmul of [2, 3] and [4, 5]", message: "cannot be multiplied")
        assertNativeError(try Tensor.ones([2, 3, 4]).bmm(Tensor.ones([3, 4, 5])), operation: "bmm", message: "Expected size")
    }

    func testBadConvolutionInputsThrow() throws {
        let x = try Tensor.ones([1, 3, 8, 8])
        assertNativeError(try Functional.conv2d(x, weight: Tensor.ones([4, 2, 3, 3])), operation: "conv2d", message: "channels")
        assertNativeError(try Functional.conv2d(Tensor.ones([1, 3, 2, 2]), weight: Tensor.ones([4, 3, 5, 5])),
                          operation: "conv2d", message: "Kernel size can't be greater than actual input size")
    }

    func testBadDimensionsThrow() throws {
        let x = try Tensor.ones([2, 3, 4])
        assertNativeError(try x.permute([0, 1]), operation: "permute", message: "does not match the length")
        assertNativeError(try x.permute([0, 0, 1]), operation: "permute", message: "duplicate dims")
        assertNativeError(try x.transpose(0, 5), operation: "transpose", message: "Dimension out of range")
        assertNativeError(try x.reshape([5, 5]), operation: "reshape", message: "invalid for input of size 24")
        assertNativeError(try Tensor.cat([x, Tensor.ones([2, 4, 4])], dim: 2), operation: "cat", message: "Sizes of tensors must match")
        assertNativeError(try Functional.interpolate(x, size: Size2(2, 2)), operation: "interpolate", message: "4-D NCHW")
    }

    func testWrongDTypesThrow() throws {
        let logits = try Tensor.ones([2, 3])
        assertNativeError(try Losses.crossEntropy(logits, target: Tensor.ones([2])), operation: "cross_entropy", message: "int64")
        assertNativeError(try Tensor.ones([2]).oneHot(numClasses: 3), operation: "one_hot", message: "int64")
        assertNativeError(try Tensor.where(Tensor.ones([2]), logits, logits), operation: "where", message: "bool")
        assertNativeError(try Tensor.ones([3]).item(), operation: "item", message: "one element")
    }

    func testBackwardWithoutGradThrows() throws {
        assertNativeError(try Tensor.ones([2]).sum().backward(), operation: "backward", message: "does not require grad")
        let w = try Tensor.ones([2]).requiringGrad()
        assertNativeError(try (w * 2).backward(), operation: "backward", message: "one-element")
    }
}
