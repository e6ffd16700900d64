import Foundation
import SeaIceSentinel1

/// Writes a zip archive whose single member inflates from a small deflate stream to many zero bytes — the
/// "zip bomb" of issue 18 item 6 (a 5 MB zip whose `manifest.safe` inflates to 1.5 GB), at any size.
///
/// The member is one fixed-Huffman deflate block (RFC 1951 §3.2.6): a literal 0, then copies of length 258 at
/// distance 1 (13 bits each), then literals for the rest, then end-of-block; ≈ 1/160 of the inflated size.
/// The CRC field is 0: readers that honour the declared size must refuse the member before inflating it.
enum DeflateBomb {
    /// Writes the archive holding `member` (inflating to `inflatedBytes` zero bytes) to `url`, through
    /// SeaIceSentinel1's zip writer (method 8, CRC field 0).
    static func writeZip(member: String, inflatedBytes: Int, to url: URL) throws {
        try ZipArchive.write(members: [ZipArchive.EncodedMember(
            name: member, method: 8, bytes: deflateZeros(inflatedBytes), uncompressedSize: inflatedBytes, crc: 0)], to: url)
    }

    /// A raw deflate stream of `count` zero bytes.
    static func deflateZeros(_ count: Int) -> Data {
        var out = Data()
        var byte: UInt8 = 0
        var used = 0
        func bits(_ value: Int, _ n: Int) {  // LSB first (block header, extra bits)
            for k in 0..<n { put((value >> k) & 1) }
        }
        func code(_ value: Int, _ n: Int) {  // Huffman codes: most significant bit first
            for k in stride(from: n - 1, through: 0, by: -1) { put((value >> k) & 1) }
        }
        func put(_ bit: Int) {
            byte |= UInt8(bit) << used
            used += 1
            if used == 8 {
                out.append(byte)
                byte = 0
                used = 0
            }
        }
        bits(1, 1)
        bits(1, 2)  // final block, fixed Huffman
        guard count > 0 else {
            code(0, 7)
            if used > 0 { out.append(byte) }
            return out
        }
        code(0x30, 8)  // literal 0
        let copies = (count - 1) / 258
        for _ in 0..<copies {
            code(0xC5, 8)
            code(0, 5)
        }  // length 258 (code 285), distance 1 (code 0)
        for _ in 0..<((count - 1) % 258) { code(0x30, 8) }
        code(0, 7)  // end of block (256)
        if used > 0 { out.append(byte) }
        return out
    }
}
