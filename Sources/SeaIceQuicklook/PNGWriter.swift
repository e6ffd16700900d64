@preconcurrency import CGDAL
import Foundation
import SeaIceCore
import SeaIceGDAL

/// Writes an `RGBImage` as PNG through GDAL: a 3-band MEM dataset copied with the PNG driver.
/// The file appears complete or not at all (`AtomicOutput`).
public enum PNGWriter {
    /// Writes `image` to `url`.
    public static func write(_ image: RGBImage, to url: URL) throws {
        GDALLibrary.ensureRegistered()
        guard image.width > 0, image.height > 0 else {
            throw SeaIceError.invalidInput(file: url.path, item: "image", expected: "a non-empty picture, got \(image.width) × \(image.height)")
        }
        guard let mem = GDALGetDriverByName("MEM"), let png = GDALGetDriverByName("PNG") else {
            throw SeaIceError.native(library: "GDAL", operation: "find the MEM and PNG drivers", message: GDALLibrary.lastErrorMessage)
        }
        guard let ds = GDALCreate(mem, "", Int32(image.width), Int32(image.height), 3, GDT_Byte, nil) else {
            throw SeaIceError.native(library: "GDAL", operation: "create a MEM dataset", message: GDALLibrary.lastErrorMessage)
        }
        defer { GDALClose(ds) }
        var band = [UInt8](repeating: 0, count: image.width * image.height)
        for b in 0..<3 {
            for k in band.indices { band[k] = image.pixels[3 * k + b] }
            let err = band.withUnsafeMutableBytes { p in
                GDALRasterIO(GDALGetRasterBand(ds, Int32(b + 1)), GF_Write, 0, 0, Int32(image.width), Int32(image.height),
                             p.baseAddress, Int32(image.width), Int32(image.height), GDT_Byte, 0, 0)
            }
            guard err == CE_None else {
                throw SeaIceError.native(library: "GDAL", operation: "write band \(b + 1) of \(url.lastPathComponent)", message: GDALLibrary.lastErrorMessage)
            }
        }
        try AtomicOutput.write(to: url) { tmp in
            guard let out = GDALCreateCopy(png, tmp.path, ds, 0, nil, nil, nil) else {
                throw SeaIceError.native(library: "GDAL", operation: "write PNG \(url.lastPathComponent)", message: GDALLibrary.lastErrorMessage)
            }
            GDALClose(out)
            // The PNG driver writes a sidecar .aux.xml only for extra metadata; remove it if present.
            try? FileManager.default.removeItem(atPath: tmp.path + ".aux.xml")
        }
    }
}
