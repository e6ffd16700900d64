import Foundation
@testable import SeaIceTraining
import XCTest

/// The TensorBoard event file: CRC-32C and protobuf bytes against known values, and the records of an
/// exported log read back with their checksums verified.
final class TensorBoardExportTests: XCTestCase {
    func testCRC32CAndMaskAgainstKnownValues() {
        // The CRC-32C check value (RFC 3720, B.4) and an empty input.
        XCTAssertEqual(TensorBoardExport.crc32c(Data("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(TensorBoardExport.crc32c(Data()), 0)
        XCTAssertEqual(TensorBoardExport.maskedCRC(Data()), 0xa282_ead8, "mask of 0 is the delta")
    }

    func testProtobufEncodingOfAScalar() {
        // Value { tag: "a", simple_value: 1.0 }: field 1 length-delimited, field 2 fixed32 (1.0 = 0x3f800000).
        XCTAssertEqual([UInt8](TensorBoardExport.value(tag: "a", 1)), [0x0A, 0x01, 0x61, 0x15, 0x00, 0x00, 0x80, 0x3F])
        XCTAssertEqual([UInt8](TensorBoardExport.varint(300)), [0xAC, 0x02])
        XCTAssertEqual([UInt8](TensorBoardExport.varint(0)), [0x00])
    }

    /// The records of an event file, each checked against its two CRCs.
    private func records(_ data: Data) throws -> [Data] {
        var out: [Data] = [], k = data.startIndex
        func u64(_ at: Int) -> UInt64 { data[at..<at + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        func u32(_ at: Int) -> UInt32 { data[at..<at + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        while k < data.endIndex {
            let n = Int(u64(k))
            XCTAssertEqual(u32(k + 8), TensorBoardExport.maskedCRC(data[k..<k + 8]), "length CRC of \(out.count)")
            let body = data[(k + 12)..<(k + 12 + n)]
            XCTAssertEqual(u32(k + 12 + n), TensorBoardExport.maskedCRC(Data(body)), "data CRC of record \(out.count)")
            out.append(Data(body))
            k += 12 + n + 4
        }
        return out
    }

    func testExportedLogHasAVersionEventAndOneEventPerEpoch() throws {
        let lines = (1...3).map { e in
            """
            {"epoch": \(e), "iteration": \(10 * e), "learningRate": 0.01, "trainLoss": \(4.0 / Double(e)),
             "trainLosses": {"sic": 1.5}, "validation": {"combined": \(30 + e)}, "best": true, "seconds": 2,
             "simulatedData": false, "time": "2026-12-03T07:0\(e):00Z", "runID": "r"}
            """
        }
        let metrics = try lines.map { try JSONDecoder().decode(EpochMetrics.self, from: Data($0.utf8)) }
        let events = try records(TensorBoardExport.events(metrics))
        XCTAssertEqual(events.count, 4)
        XCTAssert(events[0].range(of: Data("brain.Event:2".utf8)) != nil, "file_version first")
        // Epoch 2: wall time of 07:02:00Z, step 2, the four scalars by tag.
        let e2 = events[2]
        let bits = e2[e2.startIndex + 1..<e2.startIndex + 9].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let wall = Double(bitPattern: bits)
        XCTAssertEqual(wall, ISO8601DateFormatter().date(from: "2026-12-03T07:02:00Z")!.timeIntervalSince1970)
        XCTAssertEqual([UInt8](e2[e2.startIndex + 9..<e2.startIndex + 11]), [0x10, 0x02], "step 2")
        let expected: [(String, Float)] = [
            ("train/loss", 2), ("train/sic", 1.5), ("validation/combined", 32), ("learning_rate", 0.01),
        ]
        for (tag, value) in expected {
            XCTAssert(e2.range(of: TensorBoardExport.value(tag: tag, value)) != nil, "\(tag) = \(value)")
        }
    }
}
