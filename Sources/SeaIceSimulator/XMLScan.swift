import Foundation
import SeaIceCore

/// A minimal scanner for the flat, attribute-light XML of Sentinel-1 annotation files.
///
/// It finds elements by tag name in the raw bytes and returns their inner text; it does not
/// validate the document. Enough for the geolocation grid, noise and calibration vectors the
/// simulator takes from real products (the full SAFE reader lives in the Sentinel-1 target).
struct XMLScan {
    let bytes: [UInt8]
    let file: String

    /// Reads `url` whole.
    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SeaIceError.missing(file: url.path, item: "file")
        }
        bytes = [UInt8](data)
        file = url.path
    }

    /// Byte ranges of the inner content of every `<tag …>…</tag>` inside `range`, in order.
    func elements(_ tag: String, in range: Range<Int>? = nil) -> [Range<Int>] {
        let r = range ?? 0..<bytes.count
        let open = Array("<\(tag)".utf8), close = Array("</\(tag)>".utf8)
        var out: [Range<Int>] = []
        var i = r.lowerBound
        while let start = find(open, from: i, before: r.upperBound) {
            let after = start + open.count
            guard after < r.upperBound, bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: " ") else {
                i = after
                continue
            }
            guard let gt = find([UInt8(ascii: ">")], from: after, before: r.upperBound),
                  let end = find(close, from: gt + 1, before: r.upperBound) else { break }
            out.append((gt + 1)..<end)
            i = end + close.count
        }
        return out
    }

    /// The inner text of the first `<tag>` inside `range`.
    func text(_ tag: String, in range: Range<Int>? = nil) throws -> String {
        guard let r = elements(tag, in: range).first else {
            throw SeaIceError.missing(file: file, item: "element <\(tag)>")
        }
        return String(decoding: bytes[r], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first `<tag>` inside `range` as a number.
    func double(_ tag: String, in range: Range<Int>? = nil) throws -> Double {
        let t = try text(tag, in: range)
        guard let v = Double(t) else {
            throw SeaIceError.invalidInput(file: file, item: "<\(tag)>", expected: "a number, found \"\(t.prefix(40))\"")
        }
        return v
    }

    /// The first `<tag>` inside `range` as a space-separated list of numbers.
    func doubles(_ tag: String, in range: Range<Int>? = nil) throws -> [Double] {
        let t = try text(tag, in: range)
        var out: [Double] = []
        for part in t.split(separator: " ", omittingEmptySubsequences: true) {
            guard let v = Double(part) else {
                throw SeaIceError.invalidInput(file: file, item: "<\(tag)>", expected: "numbers, found \"\(part.prefix(40))\"")
            }
            out.append(v)
        }
        return out
    }

    private func find(_ needle: [UInt8], from: Int, before end: Int) -> Int? {
        guard !needle.isEmpty, end - from >= needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = end - needle.count
        return bytes.withUnsafeBufferPointer { b -> Int? in
            while i <= last {
                if b[i] == first {
                    var k = 1
                    while k < needle.count && b[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
