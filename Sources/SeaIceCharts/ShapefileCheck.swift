import Foundation
import SeaIceCore

/// Completeness checks of an ESRI shapefile's side files, made before OGR reads it: OGR reads a `.dbf` cut
/// short as if it ended there (277 of 563 polygons, no error), so the declared sizes are compared with the files.
///
/// Formats: dBASE III header (record count: bytes 4–7, header length: 8–9, record length: 10–11, little-endian),
/// ESRI Shapefile Technical Description (1998): `.shx` = 100-byte header + 8 bytes per record; file length in
/// 16-bit words at bytes 24–27 (big-endian) of `.shp` and `.shx`.
enum ShapefileCheck {
    /// Throws when the `.dbf` is shorter than its header declares, when the `.shx` is shorter than its header
    /// declares, or when the `.dbf` and `.shx` disagree on the number of records.
    /// - Throws: `SeaIceError.invalidInput` naming the side file, the declared and the actual sizes.
    static func checkComplete(shapefile url: URL) throws {
        let base = url.deletingPathExtension()
        let dbf = try sideFile(base, ["dbf", "DBF"])
        let shx = try sideFile(base, ["shx", "SHX"])
        var records: Int?
        if let dbf {
            let header = try prefix(of: dbf, count: 12)
            let size = try fileSize(dbf)
            guard header.count == 12 else {
                throw SeaIceError.invalidInput(
                    file: dbf.path, item: "dBASE header", expected: "12 bytes or more, found \(size)")
            }
            let n = Int(header[4]) | Int(header[5]) << 8 | Int(header[6]) << 16 | Int(header[7]) << 24
            let headerLength = Int(header[8]) | Int(header[9]) << 8
            let recordLength = Int(header[10]) | Int(header[11]) << 8
            let expected = headerLength + n * recordLength
            guard size >= expected else {
                throw SeaIceError.invalidInput(
                    file: dbf.path,
                    item: "records (\(n) declared of \(recordLength) bytes after a \(headerLength)-byte header)",
                    expected: "\(expected) bytes, found \(size): the .dbf is truncated "
                        + "(\((size - headerLength) / max(recordLength, 1)) complete records)")
            }
            records = n
        }
        if let shx {
            let header = try prefix(of: shx, count: 100)
            let size = try fileSize(shx)
            guard header.count == 100 else {
                throw SeaIceError.invalidInput(file: shx.path, item: "header", expected: "100 bytes, found \(size)")
            }
            let words = Int(header[24]) << 24 | Int(header[25]) << 16 | Int(header[26]) << 8 | Int(header[27])
            guard size >= 2 * words else {
                throw SeaIceError.invalidInput(
                    file: shx.path, item: "file length (\(2 * words) bytes declared)",
                    expected: "\(2 * words) bytes, found \(size): the .shx is truncated")
            }
            let shapes = (2 * words - 100) / 8
            if let records, records != shapes {
                throw SeaIceError.invalidInput(
                    file: url.path, item: "record counts",
                    expected: "as many .dbf records as .shx shapes, found \(records) and \(shapes)")
            }
        }
    }

    private static func sideFile(_ base: URL, _ extensions: [String]) throws -> URL? {
        extensions.map { base.appendingPathExtension($0) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    private static func fileSize(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
    }

    private static func prefix(of url: URL, count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw SeaIceError.io(file: url.path, message: "cannot open")
        }
        defer { try? handle.close() }
        return [UInt8](try handle.read(upToCount: count) ?? Data())
    }
}
