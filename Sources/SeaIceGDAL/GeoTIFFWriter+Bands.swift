@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Band and dataset metadata of a `GeoTIFFWriter`: descriptions, colour interpretation, palettes,
/// units and metadata items (what QGIS and `gdalinfo` show besides the pixels).
extension GeoTIFFWriter {
    /// Sets the description (GDAL band name, shown by QGIS) of `band` (1-based).
    public func setDescription(_ text: String, band: Int = 1) throws {
        GDALSetDescription(try rasterBand(band), text)
    }

    /// Marks `band` (1-based) as undefined: the colour interpretation of bands 2… of a grey file.
    func setUndefinedColorInterpretation(band: Int) throws {
        try check(GDALSetRasterColorInterpretation(try rasterBand(band), GCI_Undefined), "colour interpretation", band)
    }

    /// Marks `band` (1-based) as grey (`palette == false`) or palette-indexed colour.
    /// A 3-band GTiff is otherwise tagged red/green/blue, which draws three class maps as one RGB picture.
    public func setColorInterpretation(palette: Bool, band: Int = 1) throws {
        let b = try rasterBand(band)
        try check(
            GDALSetRasterColorInterpretation(b, palette ? GCI_PaletteIndex : GCI_GrayIndex), "colour interpretation",
            band)
    }

    /// Sets a colour table on `band` (1-based): entry k colours value k (uint8 bands only, ≤ 256 entries).
    public func setPalette(_ entries: [PaletteColor], band: Int = 1) throws {
        precondition(entries.count <= 256, "a palette has at most 256 entries, got \(entries.count)")
        let b = try rasterBand(band)
        guard let table = GDALCreateColorTable(GPI_RGB) else {
            throw SeaIceError.native(
                library: "GDAL", operation: "create a colour table for \(path)",
                message: GDALLibrary.lastErrorMessage)
        }
        defer { GDALDestroyColorTable(table) }
        for (k, e) in entries.enumerated() {
            var c = GDALColorEntry(c1: Int16(e.r), c2: Int16(e.g), c3: Int16(e.b), c4: Int16(e.alpha))
            GDALSetColorEntry(table, Int32(k), &c)
        }
        try check(GDALSetRasterColorTable(b, table), "colour table", band)
    }

    /// Sets a metadata item (default domain) of `band` (1-based).
    public func setMetadata(_ value: String, for key: String, band: Int) throws {
        try check(GDALSetMetadataItem(try rasterBand(band), key, value, nil), "metadata item \(key)", band)
    }

    /// Sets the unit of `band` (1-based), e.g. "%" or "1".
    public func setUnit(_ unit: String, band: Int = 1) throws {
        try check(GDALSetRasterUnitType(try rasterBand(band), unit), "unit", band)
    }

    /// Sets a dataset metadata item (default domain), e.g. `TIFFTAG_SOFTWARE`.
    public func setMetadata(_ value: String, for key: String) throws {
        guard let h = handle else { throw closedError() }
        guard GDALSetMetadataItem(h, key, value, nil) == CE_None else {
            throw SeaIceError.native(
                library: "GDAL", operation: "set metadata \(key) of \(path)",
                message: GDALLibrary.lastErrorMessage)
        }
    }

    func rasterBand(_ band: Int) throws -> GDALRasterBandH {
        guard let h = handle else { throw closedError() }
        guard let b = GDALGetRasterBand(h, Int32(band)) else {
            throw SeaIceError.invalidInput(
                file: path, item: "band \(band)", expected: "a band of the file being written")
        }
        return b
    }

    private func closedError() -> SeaIceError {
        SeaIceError.native(library: "GDAL", operation: "write \(path)", message: "the file is already closed")
    }

    private func check(_ err: CPLErr, _ what: String, _ band: Int) throws {
        guard err == CE_None else {
            throw SeaIceError.native(
                library: "GDAL", operation: "set the \(what) of band \(band) of \(path)",
                message: GDALLibrary.lastErrorMessage)
        }
    }
}
