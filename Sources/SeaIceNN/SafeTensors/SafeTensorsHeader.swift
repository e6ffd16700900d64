import Foundation
import SeaIceCore

/// Parsing and validation of the JSON header of a safetensors file (see `SafeTensorsFile`).
enum SafeTensorsHeader {
    /// Parses the header JSON into entries (in file order of names) and metadata.
    static func parse(_ json: Data, label: String) throws -> (entries: [SafeTensorsEntry], metadata: [String: String]) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json, options: [])
        } catch {
            throw SeaIceError.invalidInput(file: label, item: "header", expected: "valid UTF-8 JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any] else {
            throw SeaIceError.invalidInput(file: label, item: "header", expected: "a JSON object mapping tensor names to entries")
        }
        var entries: [SafeTensorsEntry] = []
        var metadata: [String: String] = [:]
        for name in root.keys.sorted() {
            let value = root[name]!
            if name == "__metadata__" {
                guard let map = value as? [String: Any] else {
                    throw SeaIceError.invalidInput(file: label, item: "__metadata__", expected: "an object of strings")
                }
                for (k, v) in map {
                    guard let s = v as? String else {
                        throw SeaIceError.invalidInput(file: label, item: "__metadata__.\(k)", expected: "a string value")
                    }
                    metadata[k] = s
                }
                continue
            }
            entries.append(try parseEntry(name: name, value: value, label: label))
        }
        return (entries, metadata)
    }

    private static func parseEntry(name: String, value: Any, label: String) throws -> SafeTensorsEntry {
        let item = "tensor `\(name)`"
        guard let fields = value as? [String: Any] else {
            throw SeaIceError.invalidInput(file: label, item: item, expected: "an object with dtype, shape and data_offsets")
        }
        guard let code = fields["dtype"] as? String else {
            throw SeaIceError.invalidInput(file: label, item: "\(item) dtype", expected: "a dtype string")
        }
        guard let dtype = SafeTensorsDType(rawValue: code) else {
            let known = SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            throw SeaIceError.invalidInput(file: label, item: "\(item) dtype", expected: "one of \(known), found \"\(code)\"")
        }
        guard let rawShape = fields["shape"] as? [Any] else {
            throw SeaIceError.invalidInput(file: label, item: "\(item) shape", expected: "an array of dimensions")
        }
        let shape = try rawShape.map { try integer($0, item: "\(item) shape", label: label) }
        guard let rawOffsets = fields["data_offsets"] as? [Any], rawOffsets.count == 2 else {
            throw SeaIceError.invalidInput(file: label, item: "\(item) data_offsets", expected: "an array [begin, end]")
        }
        let begin = try integer(rawOffsets[0], item: "\(item) data_offsets", label: label)
        let end = try integer(rawOffsets[1], item: "\(item) data_offsets", label: label)
        guard begin <= end else {
            throw SeaIceError.invalidInput(file: label, item: "\(item) data_offsets", expected: "begin ≤ end, found [\(begin), \(end)]")
        }
        var count = 1
        for d in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= Int(Int32.max) * 64 else {
                throw SeaIceError.invalidInput(file: label, item: "\(item) shape", expected: "a size that fits in memory, found \(shape)")
            }
            count = product
        }
        let entry = SafeTensorsEntry(name: name, dtype: dtype, shape: shape, range: begin..<end)
        guard entry.byteCount == end - begin else {
            throw SeaIceError.invalidInput(
                file: label, item: "\(item) data_offsets",
                expected: "\(entry.byteCount) bytes for shape \(shape) × \(dtype.rawValue), found \(end - begin) ([\(begin), \(end)])")
        }
        return entry
    }

    /// A non-negative integer from a JSON number (rejects fractions, negatives and huge values).
    private static func integer(_ value: Any, item: String, label: String) throws -> Int {
        guard let number = value as? NSNumber, !(value is String) else {
            throw SeaIceError.invalidInput(file: label, item: item, expected: "non-negative integers, found \(value)")
        }
        let d = number.doubleValue
        guard d >= 0, d == d.rounded(), d < 9.0e15 else {
            throw SeaIceError.invalidInput(file: label, item: item, expected: "non-negative integers, found \(number)")
        }
        return Int(d)
    }

    /// Checks that byte ranges lie inside the data section, do not overlap, and cover it exactly.
    static func validateLayout(_ entries: [SafeTensorsEntry], dataCount: Int, label: String) throws {
        let ordered = entries.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var previous: SafeTensorsEntry?
        for e in ordered {
            guard e.range.upperBound <= dataCount else {
                throw SeaIceError.invalidInput(
                    file: label, item: "tensor `\(e.name)` data_offsets",
                    expected: "a byte range within the \(dataCount)-byte data section, found [\(e.range.lowerBound), \(e.range.upperBound)] (truncated file?)")
            }
            if let p = previous, e.range.lowerBound < p.range.upperBound {
                throw SeaIceError.invalidInput(
                    file: label, item: "tensor `\(e.name)` data_offsets",
                    expected: "no overlap with tensor `\(p.name)` ([\(p.range.lowerBound), \(p.range.upperBound)]), found [\(e.range.lowerBound), \(e.range.upperBound)]")
            }
            previous = e
        }
        let end = ordered.last?.range.upperBound ?? 0
        guard end == dataCount else {
            throw SeaIceError.invalidInput(
                file: label, item: "data section",
                expected: "\(end) bytes as the header describes, found \(dataCount)")
        }
    }
}
