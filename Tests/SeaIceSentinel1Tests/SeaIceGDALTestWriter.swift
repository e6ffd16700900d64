import Foundation
import SeaIceGDAL

/// Writes a small constant UInt16 GeoTIFF (for wrong-size measurement tests); returns the pixel count.
enum SeaIceGDALTestWriter {
    static func write(path: String, width: Int, height: Int, value: UInt16 = 100) throws -> Int {
        let w = try GeoTIFFWriter(path: path, width: width, height: height, type: .uint16)
        let values = [UInt16](repeating: value, count: width * height)
        try values.withUnsafeBufferPointer { try w.write(y: 0, rows: height, values: $0) }
        try w.close()
        return values.count
    }
}
