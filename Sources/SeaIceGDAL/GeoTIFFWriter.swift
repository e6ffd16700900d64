@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Writes a single- or multi-band GeoTIFF in row windows through GDAL's GTiff driver.
///
/// Create, write windows (any order), then `close()`; the file is complete only after `close()`.
/// Callers wrap the whole thing in `AtomicOutput.write` so a failed run leaves nothing behind.
public final class GeoTIFFWriter {
    /// Pixel type of the file.
    public enum PixelType: Sendable {
        /// Unsigned 8-bit (class maps, scaled bytes).
        case uint8
        /// Unsigned 16-bit (Sentinel-1 GRD digital numbers).
        case uint16
        /// 32-bit float (σ⁰ in dB, angles in degrees).
        case float32

        var gdal: GDALDataType {
            switch self {
            case .uint8: return GDT_Byte
            case .uint16: return GDT_UInt16
            case .float32: return GDT_Float32
            }
        }
    }

    /// The output path.
    public let path: String
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    var handle: GDALDatasetH?

    /// Creates the file. `options` are GTiff creation options, e.g. `["COMPRESS=DEFLATE", "TILED=YES"]`.
    /// - Throws: `SeaIceError.native` when GDAL cannot create it.
    public init(path: String, width: Int, height: Int, bands: Int = 1, type: PixelType,
                options: [String] = []) throws {
        precondition(width > 0 && height > 0 && bands > 0, "GeoTIFF of \(width)×\(height)×\(bands)")
        GDALLibrary.ensureRegistered()
        guard let driver = GDALGetDriverByName("GTiff") else {
            throw SeaIceError.native(library: "GDAL", operation: "GTiff driver", message: "not available")
        }
        var opts: CSLConstList? = nil
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for o in options { list = CSLAddString(list, o) }
        defer { CSLDestroy(list) }
        opts = CSLConstList(list)
        CPLErrorReset()
        guard let h = GDALCreate(driver, path, Int32(width), Int32(height), Int32(bands), type.gdal, opts.map { UnsafeMutablePointer(mutating: $0) }) else {
            throw SeaIceError.native(library: "GDAL", operation: "create \(path)", message: GDALLibrary.lastErrorMessage)
        }
        self.handle = h
        self.path = path
        self.width = width
        self.height = height
    }

    /// Creates an in-memory dataset (GDAL's MEM driver) to fill and then `copy(with:to:options:)`
    /// with a driver that cannot write in place, such as COG.
    init(memory width: Int, height: Int, bands: Int, type: PixelType) throws {
        precondition(width > 0 && height > 0 && bands > 0, "MEM raster of \(width)×\(height)×\(bands)")
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        guard let driver = GDALGetDriverByName("MEM"),
            let h = GDALCreate(driver, "", Int32(width), Int32(height), Int32(bands), type.gdal, nil)
        else {
            throw SeaIceError.native(
                library: "GDAL", operation: "create a MEM dataset", message: GDALLibrary.lastErrorMessage)
        }
        self.handle = h
        self.path = "MEM"
        self.width = width
        self.height = height
    }

    /// Copies the dataset with `driver` to `path` (creation `options`), then closes the copy.
    /// - Throws: `SeaIceError.native` naming `path` when GDAL fails.
    func copy(with driver: GDALDriverH, to path: String, options: [String]) throws {
        guard let h = handle else {
            throw SeaIceError.native(library: "GDAL", operation: "copy to \(path)", message: "already closed")
        }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for o in options { list = CSLAddString(list, o) }
        defer { CSLDestroy(list) }
        CPLErrorReset()
        guard let out = GDALCreateCopy(driver, path, h, 0, list, nil, nil) else {
            throw SeaIceError.native(
                library: "GDAL", operation: "write \(path)", message: GDALLibrary.lastErrorMessage)
        }
        GDALClose(out)
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw SeaIceError.native(library: "GDAL", operation: "close \(path)", message: GDALLibrary.lastErrorMessage)
        }
    }

    deinit { if let h = handle { GDALClose(h) } }

    /// Sets the affine geotransform and the coordinate system (WKT or "EPSG:n").
    public func setGeoreference(transform: [Double], crs: String) throws {
        guard let h = handle else { return }
        var t = transform
        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        guard OSRSetFromUserInput(srs, crs) == OGRERR_NONE else {
            throw SeaIceError.configuration("unknown coordinate system \(crs)")
        }
        var wkt: UnsafeMutablePointer<CChar>? = nil
        OSRExportToWkt(srs, &wkt)
        defer { VSIFree(wkt) }
        GDALSetGeoTransform(h, &t)
        GDALSetProjection(h, wkt)
    }

    /// Sets ground control points (pixel, line → x, y, z) in coordinate system `crs` (e.g. "EPSG:4326": x = longitude, y = latitude).
    public func setGCPs(_ points: [(pixel: Double, line: Double, x: Double, y: Double, z: Double)], crs: String) throws {
        guard let h = handle, !points.isEmpty else { return }
        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        guard OSRSetFromUserInput(srs, crs) == OGRERR_NONE else { throw SeaIceError.configuration("unknown coordinate system \(crs)") }
        var wkt: UnsafeMutablePointer<CChar>? = nil
        OSRExportToWkt(srs, &wkt)
        defer { VSIFree(wkt) }
        let ids = points.indices.map { strdup("\($0 + 1)") }
        let info = strdup("")
        defer { ids.forEach { free($0) }; free(info) }
        var gcps = points.enumerated().map { i, p in
            GDAL_GCP(pszId: ids[i], pszInfo: info, dfGCPPixel: p.pixel, dfGCPLine: p.line, dfGCPX: p.x, dfGCPY: p.y, dfGCPZ: p.z)
        }
        CPLErrorReset()
        if GDALSetGCPs(h, Int32(gcps.count), &gcps, wkt) != CE_None {
            throw SeaIceError.native(library: "GDAL", operation: "set GCPs of \(path)", message: GDALLibrary.lastErrorMessage)
        }
    }

    /// Writes rows `y ..< y + rows` of `band` (1-based) from UInt8 values (row-major, width × rows).
    public func write(band: Int = 1, y: Int, rows: Int, values: UnsafeBufferPointer<UInt8>) throws {
        try write(band: band, y: y, rows: rows, ptr: UnsafeMutableRawPointer(mutating: values.baseAddress!), count: values.count, type: GDT_Byte)
    }

    /// Writes rows `y ..< y + rows` of `band` (1-based) from UInt16 values (row-major, width × rows).
    public func write(band: Int = 1, y: Int, rows: Int, values: UnsafeBufferPointer<UInt16>) throws {
        try write(band: band, y: y, rows: rows, ptr: UnsafeMutableRawPointer(mutating: values.baseAddress!), count: values.count, type: GDT_UInt16)
    }

    /// Writes rows `y ..< y + rows` of `band` (1-based) from Float values (row-major, width × rows).
    public func write(band: Int = 1, y: Int, rows: Int, values: UnsafeBufferPointer<Float>) throws {
        try write(band: band, y: y, rows: rows, ptr: UnsafeMutableRawPointer(mutating: values.baseAddress!), count: values.count, type: GDT_Float32)
    }

    /// Sets the no-data value of `band` (1-based).
    public func setNoData(_ value: Double, band: Int = 1) {
        guard let h = handle, let b = GDALGetRasterBand(h, Int32(band)) else { return }
        GDALSetRasterNoDataValue(b, value)
    }

    /// Flushes and closes the file.
    /// - Throws: `SeaIceError.native` when GDAL reports an error on close.
    public func close() throws {
        guard let h = handle else { return }
        handle = nil
        CPLErrorReset()
        GDALClose(h)
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw SeaIceError.native(library: "GDAL", operation: "close \(path)", message: GDALLibrary.lastErrorMessage)
        }
    }

    private func write(band: Int, y: Int, rows: Int, ptr: UnsafeMutableRawPointer, count: Int, type: GDALDataType) throws {
        precondition(count >= width * rows, "buffer of \(count) values for \(rows) rows of \(width)")
        precondition(y >= 0 && y + rows <= height, "rows \(y)..<\(y + rows) outside 0..<\(height)")
        guard let h = handle, let b = GDALGetRasterBand(h, Int32(band)) else {
            throw SeaIceError.native(library: "GDAL", operation: "write \(path)", message: "closed or no band \(band)")
        }
        CPLErrorReset()
        if GDALRasterIO(b, GF_Write, 0, Int32(y), Int32(width), Int32(rows), ptr, Int32(width), Int32(rows), type, 0, 0) != CE_None {
            throw SeaIceError.native(library: "GDAL", operation: "RasterIO write of \(path)", message: GDALLibrary.lastErrorMessage)
        }
    }
}
