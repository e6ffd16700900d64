@preconcurrency import CGDAL
import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceGDAL
import SeaIceProducts

/// Writes the class maps of an `IceProduct` as a 3-band GeoTIFF (band 1 SIC %, band 2 SOD,
/// band 3 FLOE; uint8, nodata 255, DEFLATE), georeferenced by the scene's 21 × 21 tie points as
/// ground control points in WGS 84 (EPSG:4326): AI4Arctic scenes are in SAR geometry, not on a
/// map grid, so GCPs are the honest georeference (warp with `gdalwarp -tps` for a map).
public enum GeoTIFFProductWriter {
    /// Writes `product` to `url` atomically; `tiePoints` positions the GCPs (nil: no georeference).
    public static func write(_ product: IceProduct, tiePoints: AI4ArcticTiePointGrid?, to url: URL) throws {
        GDALLibrary.ensureRegistered()
        try AtomicOutput.write(to: url) { tmp in
            guard let driver = GDALGetDriverByName("GTiff") else {
                throw SeaIceError.native(library: "GDAL", operation: "GTiff driver", message: "not available")
            }
            let options = ["COMPRESS=DEFLATE", "TILED=YES"]
            var cOptions: [UnsafeMutablePointer<CChar>?] = options.map { strdup($0) } + [nil]
            defer { cOptions.forEach { free($0) } }
            guard let ds = GDALCreate(driver, tmp.path, Int32(product.width), Int32(product.height), 3, GDT_Byte, &cOptions) else {
                throw SeaIceError.native(library: "GDAL", operation: "create \(url.path)", message: GDALLibrary.lastErrorMessage)
            }
            var closed = false
            defer { if !closed { GDALClose(ds) } }
            let layers: [(String, [UInt8])] = [("SIC (%)", product.sicPercent), ("SOD class", product.sod), ("FLOE class", product.floe)]
            for (k, (name, values)) in layers.enumerated() {
                let band = GDALGetRasterBand(ds, Int32(k + 1))
                GDALSetDescription(band, name)
                GDALSetRasterNoDataValue(band, 255)
                var copy = values
                let err = copy.withUnsafeMutableBytes { buf in
                    GDALRasterIO(band, GF_Write, 0, 0, Int32(product.width), Int32(product.height), buf.baseAddress,
                                 Int32(product.width), Int32(product.height), GDT_Byte, 0, 0)
                }
                guard err == CE_None else {
                    throw SeaIceError.native(library: "GDAL", operation: "write band \(name) of \(url.path)", message: GDALLibrary.lastErrorMessage)
                }
            }
            if let grid = tiePoints { try setGCPs(ds, grid: grid, url: url) }
            GDALSetMetadataItem(ds, "TIFFTAG_SOFTWARE", "SeaIceKit \(product.provenance.softwareVersion)", nil)
            GDALSetMetadataItem(ds, "simulated", product.provenance.simulated ? "yes (SIMULATED DATA)" : "no", nil)
            closed = true
            CPLErrorReset()
            GDALClose(ds)
            guard CPLGetLastErrorType() != CE_Failure && CPLGetLastErrorType() != CE_Fatal else {
                throw SeaIceError.native(library: "GDAL", operation: "close \(url.path)", message: GDALLibrary.lastErrorMessage)
            }
        }
    }

    private static func setGCPs(_ ds: GDALDatasetH, grid: AI4ArcticTiePointGrid, url: URL) throws {
        var ids: [UnsafeMutablePointer<CChar>?] = []
        defer { ids.forEach { free($0) } }
        var gcps: [GDAL_GCP] = []
        for (a, line) in grid.linePositions.enumerated() {
            for (b, sample) in grid.samplePositions.enumerated() {
                let k = a * grid.samplePositions.count + b
                let id = strdup("\(k)"), info = strdup("")
                ids += [id, info]
                gcps.append(GDAL_GCP(pszId: id, pszInfo: info, dfGCPPixel: sample + 0.5, dfGCPLine: line + 0.5,
                                     dfGCPX: grid.longitude[k], dfGCPY: grid.latitude[k], dfGCPZ: 0))
            }
        }
        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        OSRImportFromEPSG(srs, 4326)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        let err = gcps.withUnsafeBufferPointer { GDALSetGCPs2(ds, Int32($0.count), $0.baseAddress, srs) }
        guard err == CE_None else {
            throw SeaIceError.native(library: "GDAL", operation: "set GCPs of \(url.path)", message: GDALLibrary.lastErrorMessage)
        }
    }
}
