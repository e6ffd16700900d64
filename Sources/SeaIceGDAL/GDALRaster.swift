@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// A raster dataset opened read-only through GDAL (any driver, any virtual path such as `/vsizip/`).
///
/// Owns the native `GDALDatasetH` and closes it in `deinit`. Reads go through `GDALRasterIO`
/// on windows of rows, so a caller can stream a 10 000 × 10 000 image in blocks. A dataset
/// handle must not be used from two threads at once; open one per worker instead.
public final class GDALRaster {
    /// The path the dataset was opened from (for error messages).
    public let path: String
    /// Width in pixels (samples).
    public let width: Int
    /// Height in pixels (lines).
    public let height: Int
    /// Number of bands.
    public let bandCount: Int
    let handle: GDALDatasetH

    /// Opens `path` read-only.
    /// - Throws: `SeaIceError.io` naming the path when GDAL cannot open it.
    public init(path: String) throws {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        guard let h = GDALOpen(path, GA_ReadOnly) else {
            let msg = GDALLibrary.lastErrorMessage
            throw SeaIceError.io(file: path, message: "GDAL cannot open raster\(msg.isEmpty ? "" : ": " + msg)")
        }
        self.handle = h
        self.path = path
        self.width = Int(GDALGetRasterXSize(h))
        self.height = Int(GDALGetRasterYSize(h))
        self.bandCount = Int(GDALGetRasterCount(h))
    }

    deinit { GDALClose(handle) }

    /// The GDAL data type name of `band` (1-based), e.g. "UInt16".
    public func dataTypeName(band: Int = 1) -> String {
        guard let b = GDALGetRasterBand(handle, Int32(band)) else { return "none" }
        return String(cString: GDALGetDataTypeName(GDALGetRasterDataType(b)))
    }

    /// Reads the window (x, y, w, h) of `band` (1-based) as UInt16 into `buffer` (row-major, `w·h` values).
    /// - Throws: `SeaIceError.native` naming the path when GDAL fails (truncated file, bad window).
    public func readUInt16(band: Int = 1, x: Int, y: Int, width w: Int, height h: Int,
                           into buffer: UnsafeMutableBufferPointer<UInt16>) throws {
        try read(band: band, x: x, y: y, width: w, height: h, type: GDT_UInt16, into: UnsafeMutableRawPointer(buffer.baseAddress!), count: buffer.count)
    }

    /// Reads the window (x, y, w, h) of `band` (1-based) converted to Float32 (row-major, `w·h` values).
    public func readFloat(band: Int = 1, x: Int, y: Int, width w: Int, height h: Int) throws -> [Float] {
        var out = [Float](repeating: 0, count: w * h)
        try out.withUnsafeMutableBufferPointer { buf in
            try read(band: band, x: x, y: y, width: w, height: h, type: GDT_Float32, into: UnsafeMutableRawPointer(buf.baseAddress!), count: buf.count)
        }
        return out
    }

    /// The affine geotransform (x0, dx, rx, y0, ry, dy), or nil when the dataset has none.
    public var geoTransform: [Double]? {
        var t = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(handle, &t) == CE_None else { return nil }
        return t
    }

    func read(band: Int, x: Int, y: Int, width w: Int, height h: Int, type: GDALDataType,
                      into ptr: UnsafeMutableRawPointer, count: Int) throws {
        precondition(count >= w * h, "buffer of \(count) values for a \(w)×\(h) window")
        guard band >= 1, band <= bandCount, let b = GDALGetRasterBand(handle, Int32(band)) else {
            throw SeaIceError.invalidInput(file: path, item: "band \(band)", expected: "1...\(bandCount)")
        }
        guard x >= 0, y >= 0, x + w <= width, y + h <= height else {
            throw SeaIceError.invalidInput(file: path, item: "window x \(x) y \(y) \(w)×\(h)", expected: "inside \(width)×\(height)")
        }
        CPLErrorReset()
        let err = GDALRasterIO(b, GF_Read, Int32(x), Int32(y), Int32(w), Int32(h), ptr, Int32(w), Int32(h), type, 0, 0)
        if err != CE_None {
            throw SeaIceError.native(library: "GDAL", operation: "RasterIO read of \(path)", message: GDALLibrary.lastErrorMessage)
        }
    }
}
