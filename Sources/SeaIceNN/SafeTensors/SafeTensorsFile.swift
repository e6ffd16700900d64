import Foundation
import SeaIceCore

/// A parsed, validated safetensors file: the header entries plus the data section.
///
/// Layout (huggingface/safetensors, README "Format"): an 8-byte little-endian unsigned header
/// length `N`, `N` bytes of UTF-8 JSON mapping each tensor name to `{dtype, shape,
/// data_offsets: [begin, end]}` (plus an optional `__metadata__` string map), then the data
/// section. Offsets are relative to the start of the data section.
///
/// Parsing checks everything a corrupted or hostile file can get wrong — too short for the
/// length prefix, a header length beyond the file, malformed JSON, an unknown dtype, a negative
/// or non-integer dimension, offsets out of range or overlapping, a byte range that does not
/// match shape × dtype, bytes left over — and throws `SeaIceError.invalidInput` naming the
/// file and the tensor, never trapping.
public struct SafeTensorsFile: Sendable {
    /// Largest header accepted (the reference implementation's limit), in bytes.
    public static let maximumHeaderLength = 100_000_000

    /// Name used in error messages (the file path, or a label for in-memory data).
    public let label: String
    /// Entries in data-section order (ascending `range.lowerBound`).
    public let entries: [SafeTensorsEntry]
    /// The `__metadata__` string map (empty when absent).
    public let metadata: [String: String]
    /// The data section (all bytes after the header).
    public let data: Data

    private let index: [String: Int]

    /// Reads and validates the file at `url` (memory-mapped when possible).
    public init(contentsOf url: URL) throws {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw SeaIceError.io(file: url.path, message: "cannot read safetensors file: \(error.localizedDescription)")
        }
        try self.init(bytes: bytes, label: url.path)
    }

    /// Parses and validates safetensors bytes; `label` names the source in errors.
    public init(bytes: Data, label: String) throws {
        self.label = label
        let total = bytes.count
        guard total >= 8 else {
            throw SeaIceError.invalidInput(file: label, item: "header length", expected: "an 8-byte length prefix, file has \(total) bytes")
        }
        let base = bytes.startIndex
        var length: UInt64 = 0
        for i in 0..<8 { length |= UInt64(bytes[base + i]) << (8 * UInt64(i)) }
        guard length <= UInt64(Self.maximumHeaderLength) else {
            throw SeaIceError.invalidInput(file: label, item: "header length", expected: "at most \(Self.maximumHeaderLength) bytes, found \(length)")
        }
        let headerLength = Int(length)
        guard headerLength <= total - 8 else {
            throw SeaIceError.invalidInput(file: label, item: "header length", expected: "\(headerLength) header bytes within the file, which has only \(total - 8) after the length prefix")
        }
        let headerBytes = bytes.subdata(in: (base + 8)..<(base + 8 + headerLength))
        let parsed = try SafeTensorsHeader.parse(headerBytes, label: label)
        let dataSection = bytes.subdata(in: (base + 8 + headerLength)..<(base + total))
        try SafeTensorsHeader.validateLayout(parsed.entries, dataCount: dataSection.count, label: label)
        self.entries = parsed.entries.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.metadata = parsed.metadata
        self.data = dataSection
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.name] = i }
        self.index = index
    }

    /// Tensor names in data-section order.
    public var names: [String] { entries.map(\.name) }

    /// The entry called `name`; throws `SeaIceError.missing` naming the file and the tensor.
    public func entry(_ name: String) throws -> SafeTensorsEntry {
        guard let i = index[name] else {
            throw SeaIceError.missing(file: label, item: "tensor `\(name)`")
        }
        return entries[i]
    }

    /// The raw little-endian bytes of tensor `name`.
    public func bytes(of name: String) throws -> Data {
        let e = try entry(name)
        let start = data.startIndex
        return data.subdata(in: (start + e.range.lowerBound)..<(start + e.range.upperBound))
    }

    /// Whether the file holds a tensor called `name`.
    public func contains(_ name: String) -> Bool { index[name] != nil }
}
