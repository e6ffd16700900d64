import Foundation
import SeaIceCore

/// Reads the central directory of a .zip file and checks member names; writes stored (uncompressed) archives.
///
/// SAFE products are read in place through GDAL's `/vsizip/`; this type only validates the
/// archive first (complete end-of-central-directory record, no member that would escape the
/// product folder if extracted: "zip slip") and writes the synthetic test products.
/// Format: PKWARE APPNOTE.TXT 6.3 (sections 4.3.12 central directory, 4.3.16 end record).
public enum ZipArchive {
    /// The member names recorded in the central directory of the archive at `url`.
    /// - Throws: `SeaIceError.invalidInput` naming the file when the archive is truncated or corrupted.
    public static func memberNames(of url: URL) throws -> [String] {
        let file = url.path
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw SeaIceError.io(file: file, message: "cannot open")
        }
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        let tailLength = min(size, 65_557)
        try handle.seek(toOffset: UInt64(size - tailLength))
        let tail = [UInt8](try handle.read(upToCount: tailLength) ?? Data())
        var eocd = -1
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else {
            throw SeaIceError.invalidInput(file: file, item: "end of central directory", expected: "a complete zip archive (truncated or not a zip)")
        }
        var count = Int(le16(tail, eocd + 10))
        var dirSize = Int(le32(tail, eocd + 12))
        var dirOffset = Int(le32(tail, eocd + 16))
        if count == 0xFFFF || dirSize == 0xFFFF_FFFF || dirOffset == 0xFFFF_FFFF {
            // Zip64 (APPNOTE 4.3.14/4.3.15): the locator just before the end record points to the zip64 end record.
            let loc = eocd - 20
            guard loc >= 0, le32(tail, loc) == 0x0706_4B50 else {
                throw SeaIceError.invalidInput(file: file, item: "zip64 end-of-central-directory locator", expected: "present (corrupted archive)")
            }
            let recordOffset = Int(le64(tail, loc + 8))
            guard recordOffset + 56 <= size else {
                throw SeaIceError.invalidInput(file: file, item: "zip64 end record at \(recordOffset)", expected: "inside the \(size)-byte file (truncated archive)")
            }
            try handle.seek(toOffset: UInt64(recordOffset))
            let rec = [UInt8](try handle.read(upToCount: 56) ?? Data())
            guard rec.count == 56, le32(rec, 0) == 0x0606_4B50 else {
                throw SeaIceError.invalidInput(file: file, item: "zip64 end record", expected: "signature PK\\6\\6 (corrupted archive)")
            }
            count = Int(le64(rec, 32)); dirSize = Int(le64(rec, 40)); dirOffset = Int(le64(rec, 48))
        }
        guard dirOffset >= 0, dirSize >= 0, dirOffset + dirSize <= size - (tail.count - eocd) else {
            throw SeaIceError.invalidInput(file: file, item: "central directory at \(dirOffset)+\(dirSize)", expected: "inside the \(size)-byte file (truncated archive)")
        }
        try handle.seek(toOffset: UInt64(dirOffset))
        let dir = [UInt8](try handle.read(upToCount: dirSize) ?? Data())
        var names: [String] = []
        var p = 0
        for _ in 0..<count {
            guard p + 46 <= dir.count, le32(dir, p) == 0x0201_4B50 else {
                throw SeaIceError.invalidInput(file: file, item: "central directory entry \(names.count)", expected: "signature PK\\1\\2 (corrupted archive)")
            }
            let nameLength = Int(le16(dir, p + 28)), extra = Int(le16(dir, p + 30)), comment = Int(le16(dir, p + 32))
            guard p + 46 + nameLength <= dir.count else {
                throw SeaIceError.invalidInput(file: file, item: "central directory entry \(names.count)", expected: "a complete name (corrupted archive)")
            }
            names.append(String(decoding: dir[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self))
            p += 46 + nameLength + extra + comment
        }
        return names
    }

    /// Throws when `name` is absolute or has a ".." component, i.e. would be written outside the folder it is extracted to.
    public static func checkContained(_ name: String, archive: String) throws {
        let normalized = name.replacingOccurrences(of: "\\", with: "/")
        let parts = normalized.split(separator: "/", omittingEmptySubsequences: false)
        if normalized.hasPrefix("/") || parts.contains("..") || (normalized.count > 1 && normalized.dropFirst().first == ":") {
            throw SeaIceError.invalidInput(file: archive, item: "member \"\(name)\"", expected: "a relative path inside the product (refusing a member that escapes the target folder)")
        }
    }

    /// Writes a stored (method 0, no compression) zip of `members` (archive name, source file) to `destination`, atomically.
    /// Stored members are what GDAL's `/vsizip/` reads fastest (direct seeks, no inflate).
    public static func writeStored(members: [(name: String, source: URL)], to destination: URL) throws {
        try write(members.count, to: destination) { k in
            let data = try Data(contentsOf: members[k].source, options: .alwaysMapped)
            return EncodedMember(name: members[k].name, method: 0, bytes: data, uncompressedSize: data.count,
                                 crc: CRC32.checksum(data))
        }
    }

    /// One member as it is written: its bytes as stored in the archive, the compression `method` (0 stored,
    /// 8 deflate), the size it inflates to and the CRC-32 its header declares.
    public struct EncodedMember {
        /// Name in the archive.
        public var name: String
        /// Compression method code (0 stored, 8 deflate).
        public var method: UInt16
        /// The member's bytes as stored (compressed for method 8).
        public var bytes: Data
        /// Declared inflated size in bytes.
        public var uncompressedSize: Int
        /// Declared CRC-32 of the inflated bytes.
        public var crc: UInt32

        /// A member.
        public init(name: String, method: UInt16, bytes: Data, uncompressedSize: Int, crc: UInt32) {
            self.name = name
            self.method = method
            self.bytes = bytes
            self.uncompressedSize = uncompressedSize
            self.crc = crc
        }
    }

    /// Writes a zip of already-encoded `members` to `destination`, atomically.
    public static func write(members: [EncodedMember], to destination: URL) throws {
        try write(members.count, to: destination) { members[$0] }
    }

    /// Writes a zip of `count` members, each made by `member(k)` when it is written (so mapped files stream
    /// through one at a time): local headers, central directory, end record; no zip64. Atomic.
    public static func write(_ count: Int, to destination: URL, member: (Int) throws -> EncodedMember) throws {
        try AtomicOutput.write(to: destination) { tmp in
            _ = FileManager.default.createFile(atPath: tmp.path, contents: nil)
            guard let out = FileHandle(forWritingAtPath: tmp.path) else { throw SeaIceError.io(file: tmp.path, message: "cannot create") }
            defer { try? out.close() }
            var central = Data()
            var offset = 0
            for k in 0..<count {
                let m = try member(k)
                guard m.bytes.count < Int(UInt32.max), m.uncompressedSize < Int(UInt32.max), offset < Int(UInt32.max) else {
                    throw SeaIceError.configuration("zip member \(m.name) or archive over 4 GiB (zip64 not written)")
                }
                let name = Array(m.name.utf8)
                var local = Data()
                put32(&local, 0x0403_4B50); put16(&local, 20); put16(&local, 0); put16(&local, m.method)
                put16(&local, 0); put16(&local, 0x21); put32(&local, m.crc)
                put32(&local, UInt32(m.bytes.count)); put32(&local, UInt32(m.uncompressedSize))
                put16(&local, UInt16(name.count)); put16(&local, 0); local.append(contentsOf: name)
                try out.write(contentsOf: local)
                try out.write(contentsOf: m.bytes)
                put32(&central, 0x0201_4B50); put16(&central, 20); put16(&central, 20); put16(&central, 0); put16(&central, m.method)
                put16(&central, 0); put16(&central, 0x21); put32(&central, m.crc)
                put32(&central, UInt32(m.bytes.count)); put32(&central, UInt32(m.uncompressedSize))
                put16(&central, UInt16(name.count)); put16(&central, 0); put16(&central, 0); put16(&central, 0); put16(&central, 0)
                put32(&central, 0); put32(&central, UInt32(offset)); central.append(contentsOf: name)
                offset += local.count + m.bytes.count
            }
            var end = Data()
            put32(&end, 0x0605_4B50); put16(&end, 0); put16(&end, 0)
            put16(&end, UInt16(count)); put16(&end, UInt16(count))
            put32(&end, UInt32(central.count)); put32(&end, UInt32(offset)); put16(&end, 0)
            try out.write(contentsOf: central)
            try out.write(contentsOf: end)
        }
    }

    private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    private static func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
    private static func put16(_ d: inout Data, _ v: UInt16) { d.append(UInt8(v & 0xFF)); d.append(UInt8(v >> 8)) }
    private static func put32(_ d: inout Data, _ v: UInt32) { put16(&d, UInt16(v & 0xFFFF)); put16(&d, UInt16(v >> 16)) }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip stores it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            data.withUnsafeBytes { raw in
                for b in raw.bindMemory(to: UInt8.self) { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}
