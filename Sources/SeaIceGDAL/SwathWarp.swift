@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Warps rasters in satellite geometry, located by ground control points, onto a north-up map grid
/// (GDAL's `GDALWarp`, as `gdalwarp -tps -r near|average` does).
///
/// The GCPs (EPSG:4326, x = longitude, y = latitude) are interpolated by a thin-plate spline, exact
/// at every GCP. Target cells whose centre falls outside the swath, or whose every source pixel is
/// no-data, are no-data. Rasters are row-major, `width × height` in, `grid.width × grid.height` out.
public enum SwathWarp {
    /// How target cells are computed from the source pixels.
    public enum Resampling: String, Sendable {
        /// The source pixel nearest the cell centre: class maps.
        case nearest = "near"
        /// The mean of the valid source pixels the cell covers: fractions, probabilities.
        case average
    }

    /// Warps `bands` (all uint8 or all float32, `width × height` each; no-data `noData`, NaN allowed)
    /// located by `gcps` onto `grid`.
    /// - Throws: `SeaIceError.invalidInput` for wrong sizes or mixed types, `SeaIceError.native` when GDAL fails.
    public static func warp(
        _ bands: [GeoTIFFBand.Values], width: Int, height: Int, gcps: [GroundControlPoint], to grid: RegularGrid,
        resampling: Resampling, noData: Double
    ) throws -> [GeoTIFFBand.Values] {
        let described = bands.enumerated().map { GeoTIFFBand($1, description: "band \($0 + 1)", noData: noData) }
        let type = try GeoTIFFFile.check(described, width: width, height: height, url: URL(fileURLWithPath: "warp"))
        guard gcps.count >= 3 else {
            throw SeaIceError.invalidInput(
                file: "warp", item: "ground control points", expected: "at least 3, got \(gcps.count)")
        }
        let source = try GeoTIFFWriter(memory: width, height: height, bands: bands.count, type: type)
        for (k, band) in described.enumerated() { try GeoTIFFFile.write(band, number: k + 1, into: source) }
        try GeoTIFFFile.place(source, .gcps(gcps, crs: "EPSG:4326"))
        let target = try GeoTIFFWriter(memory: grid.width, height: grid.height, bands: bands.count, type: type)
        try GeoTIFFFile.place(target, .transform(grid.geoTransform, crs: grid.crs))
        for k in bands.indices { target.setNoData(noData, band: k + 1) }
        let value = noData.isNaN ? "nan" : "\(noData)"
        try run(
            from: source, into: target,
            arguments: [
                "-tps", "-r", resampling.rawValue, "-srcnodata", value, "-dstnodata", value,
                "-wo", "INIT_DEST=NO_DATA", "-wo", "UNIFIED_SRC_NODATA=NO",
            ])
        return try bands.indices.map { k in
            type == .float32 ? .float32(try target.readFloats(band: k + 1)) : .uint8(try target.readBytes(band: k + 1))
        }
    }

    private static func run(from source: GeoTIFFWriter, into target: GeoTIFFWriter, arguments: [String]) throws {
        guard let src = source.handle, let dst = target.handle else {
            throw SeaIceError.native(library: "GDAL", operation: "warp", message: "a dataset is closed")
        }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for a in arguments { list = CSLAddString(list, a) }
        defer { CSLDestroy(list) }
        guard let options = GDALWarpAppOptionsNew(list, nil) else {
            throw SeaIceError.native(
                library: "GDAL", operation: "GDALWarpAppOptionsNew \(arguments)", message: GDALLibrary.lastErrorMessage)
        }
        defer { GDALWarpAppOptionsFree(options) }
        var sources: [GDALDatasetH?] = [src]
        var usageError: Int32 = 0
        CPLErrorReset()
        guard GDALWarp(nil, dst, 1, &sources, options, &usageError) != nil, usageError == 0 else {
            throw SeaIceError.native(library: "GDAL", operation: "GDALWarp", message: GDALLibrary.lastErrorMessage)
        }
    }
}

extension GeoTIFFWriter {
    /// Reads band `band` (1-based) of the dataset being written, whole, as Float.
    func readFloats(band: Int) throws -> [Float] {
        var out = [Float](repeating: 0, count: width * height)
        try out.withUnsafeMutableBytes { try read(band: band, into: $0.baseAddress!, type: GDT_Float32) }
        return out
    }

    /// Reads band `band` (1-based) whole as UInt8.
    func readBytes(band: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height)
        try out.withUnsafeMutableBytes { try read(band: band, into: $0.baseAddress!, type: GDT_Byte) }
        return out
    }

    private func read(band: Int, into pointer: UnsafeMutableRawPointer, type: GDALDataType) throws {
        let b = try rasterBand(band)
        CPLErrorReset()
        let w = Int32(width), h = Int32(height)
        guard GDALRasterIO(b, GF_Read, 0, 0, w, h, pointer, w, h, type, 0, 0) == CE_None else {
            throw SeaIceError.native(
                library: "GDAL", operation: "RasterIO read of \(path)", message: GDALLibrary.lastErrorMessage)
        }
    }
}
