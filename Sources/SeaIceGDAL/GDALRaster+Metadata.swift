@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// What a raster says about itself besides the pixels: band descriptions, nodata, palettes,
/// units, ground control points, coordinate system and metadata items.
/// Used to reopen written products the way `gdalinfo` and QGIS see them.
extension GDALRaster {
    /// Reads the window (x, y, w, h) of `band` (1-based) as UInt8 (row-major, `w·h` values).
    public func readBytes(band: Int = 1, x: Int = 0, y: Int = 0, width w: Int? = nil, height h: Int? = nil) throws
        -> [UInt8]
    {
        let w = w ?? width
        let h = h ?? height
        var out = [UInt8](repeating: 0, count: w * h)
        try out.withUnsafeMutableBufferPointer { buf in
            try read(
                band: band, x: x, y: y, width: w, height: h, type: GDT_Byte,
                into: UnsafeMutableRawPointer(buf.baseAddress!), count: buf.count)
        }
        return out
    }

    /// The no-data value of `band` (1-based), nil when none is set.
    public func noDataValue(band: Int = 1) throws -> Double? {
        var has: Int32 = 0
        let v = GDALGetRasterNoDataValue(try rasterBand(band), &has)
        return has != 0 ? v : nil
    }

    /// The description (name) of `band` (1-based); "" when none.
    public func bandDescription(band: Int = 1) throws -> String {
        String(cString: GDALGetDescription(try rasterBand(band)))
    }

    /// GDAL's colour interpretation name of `band` (1-based), e.g. "Gray", "Palette", "Red".
    public func colorInterpretation(band: Int = 1) throws -> String {
        String(cString: GDALGetColorInterpretationName(GDALGetRasterColorInterpretation(try rasterBand(band))))
    }

    /// The unit of `band` (1-based); "" when none.
    public func unit(band: Int = 1) throws -> String {
        String(cString: GDALGetRasterUnitType(try rasterBand(band)))
    }

    /// The colour table of `band` (1-based) as (r, g, b, a) entries; empty when the band has none.
    public func palette(band: Int = 1) throws -> [PaletteColor] {
        guard let table = GDALGetRasterColorTable(try rasterBand(band)) else { return [] }
        return (0..<GDALGetColorEntryCount(table)).compactMap { k in
            guard let e = GDALGetColorEntry(table, k)?.pointee else { return nil }
            return PaletteColor(UInt8(e.c1), UInt8(e.c2), UInt8(e.c3), alpha: UInt8(e.c4))
        }
    }

    /// The ground control points, in file order (empty when the raster has none).
    public var groundControlPoints: [GroundControlPoint] {
        let n = Int(GDALGetGCPCount(handle))
        guard n > 0, let list = GDALGetGCPs(handle) else { return [] }
        return (0..<n).map { k in
            let g = list[k]
            return GroundControlPoint(pixel: g.dfGCPPixel, line: g.dfGCPLine, x: g.dfGCPX, y: g.dfGCPY, z: g.dfGCPZ)
        }
    }

    /// The coordinate system of the GCPs as WKT ("" when none).
    public var gcpProjection: String { String(cString: GDALGetGCPProjection(handle)) }

    /// The coordinate system of the geotransform as WKT ("" when none).
    public var projection: String { String(cString: GDALGetProjectionRef(handle)) }

    /// A dataset metadata item of `domain` (nil: the default domain; e.g. "IMAGE_STRUCTURE", whose
    /// `LAYOUT` is "COG" for a Cloud-Optimised GeoTIFF), nil when absent.
    public func metadataItem(_ key: String, domain: String? = nil) -> String? {
        GDALGetMetadataItem(handle, key, domain).map { String(cString: $0) }
    }

    /// Number of overviews (reduced-resolution copies) of `band` (1-based).
    public func overviewCount(band: Int = 1) throws -> Int {
        Int(GDALGetOverviewCount(try rasterBand(band)))
    }

    /// A metadata item (default domain) of `band` (1-based), nil when absent.
    public func metadataItem(_ key: String, band: Int) throws -> String? {
        GDALGetMetadataItem(try rasterBand(band), key, nil).map { String(cString: $0) }
    }

    private func rasterBand(_ band: Int) throws -> GDALRasterBandH {
        guard band >= 1, band <= bandCount, let b = GDALGetRasterBand(handle, Int32(band)) else {
            throw SeaIceError.invalidInput(file: path, item: "band \(band)", expected: "1...\(bandCount)")
        }
        return b
    }
}
