import Foundation
import SeaIceGDAL

/// Writes an `RGBImage` as PNG through SeaIceGDAL's `PNGFile` (GDAL MEM → PNG).
/// The file appears complete or not at all (`AtomicOutput`).
public enum PNGWriter {
    /// Writes `image` to `url`.
    /// - Throws: `SeaIceError.invalidInput` for an empty image, `SeaIceError.native` when GDAL fails.
    public static func write(_ image: RGBImage, to url: URL) throws {
        try PNGFile.write(image.pixels, width: image.width, height: image.height, bands: 3, to: url)
    }
}
