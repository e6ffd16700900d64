@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Writes 8-bit pictures as PNG through GDAL: a MEM dataset copied with the PNG driver.
public enum PNGFile {
    /// Writes `pixels` (row-major, `bands` interleaved bytes per pixel: 1 grey, 3 RGB, 4 RGBA) of a
    /// `width × height` picture to `url`; the file appears complete or not at all (`AtomicOutput`).
    /// - Throws: `SeaIceError.invalidInput` for an empty picture or a wrong byte count,
    ///   `SeaIceError.native` when GDAL fails.
    public static func write(_ pixels: [UInt8], width: Int, height: Int, bands: Int, to url: URL) throws {
        GDALLibrary.ensureRegistered()
        guard width > 0, height > 0 else {
            throw SeaIceError.invalidInput(
                file: url.path, item: "image", expected: "a non-empty picture, got \(width) × \(height)")
        }
        guard [1, 3, 4].contains(bands), pixels.count == width * height * bands else {
            throw SeaIceError.invalidInput(
                file: url.path, item: "pixels",
                expected: "\(width) × \(height) × 1, 3 or 4 bytes, got \(pixels.count) for \(bands) bands")
        }
        guard let mem = GDALGetDriverByName("MEM"), let png = GDALGetDriverByName("PNG") else {
            throw SeaIceError.native(
                library: "GDAL", operation: "find the MEM and PNG drivers", message: GDALLibrary.lastErrorMessage)
        }
        guard let ds = GDALCreate(mem, "", Int32(width), Int32(height), Int32(bands), GDT_Byte, nil) else {
            throw SeaIceError.native(
                library: "GDAL", operation: "create a MEM dataset", message: GDALLibrary.lastErrorMessage)
        }
        defer { GDALClose(ds) }
        var plane = [UInt8](repeating: 0, count: width * height)
        for b in 0..<bands {
            for k in plane.indices { plane[k] = pixels[bands * k + b] }
            let err = plane.withUnsafeMutableBytes { p in
                GDALRasterIO(
                    GDALGetRasterBand(ds, Int32(b + 1)), GF_Write, 0, 0, Int32(width), Int32(height),
                    p.baseAddress, Int32(width), Int32(height), GDT_Byte, 0, 0)
            }
            guard err == CE_None else {
                throw SeaIceError.native(
                    library: "GDAL", operation: "write band \(b + 1) of \(url.lastPathComponent)",
                    message: GDALLibrary.lastErrorMessage)
            }
        }
        try AtomicOutput.write(to: url) { tmp in
            guard let out = GDALCreateCopy(png, tmp.path, ds, 0, nil, nil, nil) else {
                throw SeaIceError.native(
                    library: "GDAL", operation: "write PNG \(url.lastPathComponent)",
                    message: GDALLibrary.lastErrorMessage)
            }
            GDALClose(out)
            // The PNG driver writes a sidecar .aux.xml only for extra metadata; remove it if present.
            try? FileManager.default.removeItem(atPath: tmp.path + ".aux.xml")
        }
    }
}
