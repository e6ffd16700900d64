import Foundation
import SeaIceCore

/// One tensor to be written: name, element type, shape and its little-endian bytes (C order).
public struct SafeTensorsRecord: Sendable {
    /// The tensor's name.
    public var name: String
    /// The element type.
    public var dtype: SafeTensorsDType
    /// The shape, outermost first.
    public var shape: [Int]
    /// `shape.product × dtype.itemSize` bytes, little-endian, row-major.
    public var bytes: Data

    /// Creates a record.
    public init(name: String, dtype: SafeTensorsDType, shape: [Int], bytes: Data) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.bytes = bytes
    }
}

/// Encodes tensors in the safetensors format (huggingface/safetensors, README "Format").
///
/// The header keeps the given tensor order, is padded with spaces to a multiple of 8 bytes (so
/// the data section is 8-byte aligned, as the reference writer does), and the data follow in
/// the same order without gaps.
public enum SafeTensorsWriter {
    /// The complete file contents for `records` and optional `metadata`.
    /// Preconditions: unique names, byte counts matching shape × dtype (programmer errors).
    public static func encode(_ records: [SafeTensorsRecord], metadata: [String: String] = [:]) -> Data {
        var json = "{"
        var offset = 0
        var first = true
        if !metadata.isEmpty {
            let items = metadata.keys.sorted().map { "\(quote($0)):\(quote(metadata[$0]!))" }
            json += "\"__metadata__\":{\(items.joined(separator: ","))}"
            first = false
        }
        var seen = Set<String>()
        for r in records {
            precondition(seen.insert(r.name).inserted, "duplicate tensor name \(r.name)")
            let expected = r.shape.reduce(1, *) * r.dtype.itemSize
            precondition(r.bytes.count == expected, "tensor \(r.name): \(r.bytes.count) bytes for shape \(r.shape) \(r.dtype.rawValue), expected \(expected)")
            if !first { json += "," }
            first = false
            let dims = r.shape.map(String.init).joined(separator: ",")
            json += "\(quote(r.name)):{\"dtype\":\"\(r.dtype.rawValue)\",\"shape\":[\(dims)],\"data_offsets\":[\(offset),\(offset + r.bytes.count)]}"
            offset += r.bytes.count
        }
        json += "}"
        var header = Data(json.utf8)
        let padding = (8 - header.count % 8) % 8
        header.append(contentsOf: [UInt8](repeating: 0x20, count: padding))
        var out = Data(capacity: 8 + header.count + offset)
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { out.append(contentsOf: $0) }
        out.append(header)
        for r in records { out.append(r.bytes) }
        return out
    }

    /// Writes `records` to `url` atomically (temporary file, then rename).
    public static func write(_ records: [SafeTensorsRecord], metadata: [String: String] = [:], to url: URL) throws {
        let data = encode(records, metadata: metadata)
        do {
            try AtomicOutput.write(data, to: url)
        } catch let error as SeaIceError {
            throw error
        } catch {
            throw SeaIceError.io(file: url.path, message: "cannot write safetensors file: \(error.localizedDescription)")
        }
    }

    /// A JSON string literal for `s`.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
