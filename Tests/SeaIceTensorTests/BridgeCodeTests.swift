import CTorchBridge
import SeaIceTensor
import XCTest

/// The Swift enums' raw values are the bridge's codes.
final class BridgeCodeTests: XCTestCase {
    func testDTypeRawValuesAreBridgeCodes() {
        let codes: [(DType, Int)] = [
            (.float32, SIK_DTYPE_FLOAT32), (.float16, SIK_DTYPE_FLOAT16), (.bfloat16, SIK_DTYPE_BFLOAT16),
            (.int64, SIK_DTYPE_INT64), (.uint8, SIK_DTYPE_UINT8), (.bool, SIK_DTYPE_BOOL),
            (.float64, SIK_DTYPE_FLOAT64), (.int32, SIK_DTYPE_INT32),
        ]
        XCTAssertEqual(codes.count, DType.allCases.count)
        for (dtype, code) in codes {
            XCTAssertEqual(Int(dtype.rawValue), code, "\(dtype)")
        }
        XCTAssertEqual(DType.allCases.map(\.elementSize), [4, 2, 2, 8, 1, 1, 8, 4])
        XCTAssertEqual(Int(MemoryFormat.contiguous.rawValue), SIK_FORMAT_CONTIGUOUS)
        XCTAssertEqual(Int(MemoryFormat.channelsLast.rawValue), SIK_FORMAT_CHANNELS_LAST)
    }

    func testDTypeIsCodableByRawValue() throws {
        let data = try JSONEncoder().encode([DType.bfloat16, .uint8])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[2,4]")
        XCTAssertEqual(try JSONDecoder().decode([DType].self, from: data), [.bfloat16, .uint8])
    }
}
