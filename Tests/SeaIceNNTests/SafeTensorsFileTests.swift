import Foundation
import SeaIceCore
import SeaIceNN
import SeaIceTestSupport
import XCTest

final class SafeTensorsFileTests: XCTestCase {
    private func floatBytes(_ values: [Float]) -> Data {
        values.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    private func sample() -> [SafeTensorsRecord] {
        [
            SafeTensorsRecord(name: "encoder.0.conv.weight", dtype: .f32, shape: [2, 3], bytes: floatBytes([1, 2, 3, 4, 5, 6])),
            SafeTensorsRecord(name: "bn.num_batches_tracked", dtype: .i64, shape: [], bytes: Data([7, 0, 0, 0, 0, 0, 0, 0])),
            SafeTensorsRecord(name: "mask", dtype: .bool, shape: [3], bytes: Data([1, 0, 1])),
            SafeTensorsRecord(name: "half", dtype: .f16, shape: [2], bytes: Data([0, 0x3C, 0, 0xC0])),
            SafeTensorsRecord(name: "brain", dtype: .bf16, shape: [1], bytes: Data([0x80, 0x3F])),
            SafeTensorsRecord(name: "bytes", dtype: .u8, shape: [0], bytes: Data()),
        ]
    }

    /// Builds a file from a raw header string and data section.
    private func raw(header: String, data: Data, lengthOverride: UInt64? = nil) -> Data {
        var out = Data()
        var n = (lengthOverride ?? UInt64(header.utf8.count)).littleEndian
        withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
        out.append(Data(header.utf8))
        out.append(data)
        return out
    }

    private func assertInvalid(_ bytes: Data, mentions words: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SafeTensorsFile(bytes: bytes, label: "bad.safetensors"), file: file, line: line) { error in
            guard let e = error as? SeaIceError else { return XCTFail("not a SeaIceError: \(error)", file: file, line: line) }
            let text = e.description
            XCTAssertTrue(text.contains("bad.safetensors"), text, file: file, line: line)
            for w in words { XCTAssertTrue(text.contains(w), "\(text) lacks \(w)", file: file, line: line) }
        }
    }

    func testRoundTripKeepsNamesTypesShapesAndBytes() throws {
        let records = sample()
        let encoded = SafeTensorsWriter.encode(records, metadata: ["format": "pt", "note": "quote \" and \\"])
        let headerLength = encoded.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        XCTAssertEqual(headerLength % 8, 0, "header padded to 8 bytes")
        let file = try SafeTensorsFile(bytes: encoded, label: "mem")
        XCTAssertEqual(file.names, records.map(\.name))
        XCTAssertEqual(file.metadata, ["format": "pt", "note": "quote \" and \\"])
        for r in records {
            let e = try file.entry(r.name)
            XCTAssertEqual(e.dtype, r.dtype)
            XCTAssertEqual(e.shape, r.shape)
            XCTAssertEqual(try file.bytes(of: r.name), r.bytes)
        }
    }

    func testWriteIsAtomicAndReadable() throws {
        let dir = try TestPaths.temporaryDirectory("safetensors")
        let url = dir.appendingPathComponent("w.safetensors")
        try SafeTensorsWriter.write(sample(), to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        XCTAssertEqual(file.names.count, 6)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testUnknownTensorNameIsNamed() throws {
        let file = try SafeTensorsFile(bytes: SafeTensorsWriter.encode(sample()), label: "m.safetensors")
        XCTAssertThrowsError(try file.bytes(of: "nope.weight")) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: "m.safetensors", item: "tensor `nope.weight`"))
        }
    }

    func testTooShortForLengthPrefix() {
        assertInvalid(Data([1, 2, 3]), mentions: ["header length", "3 bytes"])
    }

    func testTruncatedFile() {
        let full = SafeTensorsWriter.encode(sample())
        assertInvalid(full.prefix(full.count - 3), mentions: ["tensor `half`", "truncated"])
    }

    func testHeaderLengthBeyondFile() {
        assertInvalid(raw(header: "{}", data: Data(), lengthOverride: 1_000), mentions: ["header length", "1000"])
        assertInvalid(raw(header: "{}", data: Data(), lengthOverride: UInt64.max), mentions: ["header length"])
    }

    func testBadJSON() {
        assertInvalid(raw(header: "{\"a\": [1,", data: Data()), mentions: ["header", "JSON"])
        assertInvalid(raw(header: "[1, 2]", data: Data()), mentions: ["header", "JSON object"])
    }

    func testUnknownDType() {
        let h = #"{"w":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}}"#
        assertInvalid(raw(header: h, data: Data([0])), mentions: ["tensor `w` dtype", "F8_E4M3"])
    }

    func testBadShape() {
        let h = #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#
        assertInvalid(raw(header: h, data: Data(count: 4)), mentions: ["tensor `w` shape"])
        let h2 = #"{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#
        assertInvalid(raw(header: h2, data: Data(count: 4)), mentions: ["tensor `w` shape"])
    }

    func testOffsetsOutOfRange() {
        let h = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        assertInvalid(raw(header: h, data: Data(count: 8)), mentions: ["tensor `w` data_offsets", "8-byte data section"])
    }

    func testOffsetsReversed() {
        let h = #"{"w":{"dtype":"U8","shape":[0],"data_offsets":[4,0]}}"#
        assertInvalid(raw(header: h, data: Data(count: 4)), mentions: ["tensor `w` data_offsets", "begin ≤ end"])
    }

    func testOverlappingTensors() {
        let h = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        assertInvalid(raw(header: h, data: Data(count: 12)), mentions: ["tensor `b`", "overlap", "`a`"])
    }

    func testSizeMismatch() {
        let h = #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
        assertInvalid(raw(header: h, data: Data(count: 8)), mentions: ["tensor `w` data_offsets", "12 bytes"])
    }

    func testTrailingBytes() {
        let h = #"{"w":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}"#
        assertInvalid(raw(header: h, data: Data(count: 5)), mentions: ["data section", "found 5"])
    }

    func testMissingFields() {
        assertInvalid(raw(header: #"{"w":{"shape":[1],"data_offsets":[0,1]}}"#, data: Data([0])), mentions: ["tensor `w` dtype"])
        assertInvalid(raw(header: #"{"w":{"dtype":"U8","data_offsets":[0,1]}}"#, data: Data([0])), mentions: ["tensor `w` shape"])
        assertInvalid(raw(header: #"{"w":{"dtype":"U8","shape":[1]}}"#, data: Data([0])), mentions: ["tensor `w` data_offsets"])
        assertInvalid(raw(header: #"{"w":3}"#, data: Data()), mentions: ["tensor `w`"])
        assertInvalid(raw(header: #"{"__metadata__":{"a":1}}"#, data: Data()), mentions: ["__metadata__.a"])
    }

    func testMissingFileIsIOError() {
        XCTAssertThrowsError(try SafeTensorsFile(contentsOf: URL(fileURLWithPath: "/nonexistent/x.safetensors"))) { error in
            guard case .io(let file, _)? = error as? SeaIceError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "/nonexistent/x.safetensors")
        }
    }
}
