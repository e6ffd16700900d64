@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Writes Cloud-Optimised GeoTIFFs (GDAL's COG driver): the bands are filled in a MEM dataset, then
/// copied with the COG driver, which tiles them (512 × 512), compresses them (DEFLATE) and builds the
/// overviews inside the file (halving until a side is ≤ 512 pixels) with `overviews` resampling, so
/// QGIS opens a 10 000-pixel class map at once. GDAL marks the result `LAYOUT=COG` in its
/// `IMAGE_STRUCTURE` metadata.
///
/// Everything a band carries (description, no-data, unit, colour table of a single uint8 band, band
/// metadata items such as the class names) and the georeference (GCPs or geotransform + CRS) are
/// stored inside the TIFF (GTiff's `GDAL_METADATA` tag); writing throws rather than leave an `.aux.xml`
/// sidecar. GDAL category names and raster attribute tables live only in such a sidecar, so class
/// names are band metadata items (`GeoTIFFBand.classes`). Multi-band files are grey (band 1 Gray, the
/// others Undefined), never RGB. The file appears complete or not at all (`AtomicOutput`).
public enum CloudOptimizedGeoTIFF {
    /// How overview pixels are computed from the full-resolution ones.
    public enum OverviewResampling: String, Sendable {
        /// The nearest pixel: class maps (an average of class codes is no class).
        case nearest = "NEAREST"
        /// The mean of the covered pixels: fractions, probabilities, continuous values.
        case average = "AVERAGE"
    }

    /// Writes `bands` (each `width × height`, all uint8 or all float32) to `url` as a COG.
    /// - Parameters:
    ///   - overviews: resampling of the internal overviews.
    ///   - metadata: dataset metadata items (default domain), e.g. `TIFFTAG_DATETIME`.
    /// - Throws: `SeaIceError.invalidInput` naming the file and band for wrong sizes, mixed types or a
    ///   palette where GTiff cannot store one; `SeaIceError.native` when GDAL fails.
    public static func write(
        _ bands: [GeoTIFFBand], width: Int, height: Int, georeference: GeoTIFFGeoreference,
        overviews: OverviewResampling, metadata: [String: String] = [:], to url: URL
    ) throws {
        let type = try GeoTIFFFile.check(bands, width: width, height: height, url: url)
        GDALLibrary.ensureRegistered()
        guard let cog = GDALGetDriverByName("COG") else {
            throw SeaIceError.native(library: "GDAL", operation: "COG driver", message: "not available (GDAL < 3.1)")
        }
        let memory = try GeoTIFFWriter(memory: width, height: height, bands: bands.count, type: type)
        for (k, band) in bands.enumerated() {
            try GeoTIFFFile.write(band, number: k + 1, into: memory)
            if bands.count > 1 && k == 0 { try memory.setColorInterpretation(palette: false, band: 1) }
            if k > 0 { try memory.setUndefinedColorInterpretation(band: k + 1) }
        }
        try GeoTIFFFile.place(memory, georeference)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) { try memory.setMetadata(value, for: key) }
        let options = [
            "COMPRESS=DEFLATE", "BLOCKSIZE=512", "OVERVIEWS=IGNORE_EXISTING",
            "OVERVIEW_RESAMPLING=\(overviews.rawValue)", "RESAMPLING=\(overviews.rawValue)",
        ] + (type == .float32 ? ["PREDICTOR=YES"] : [])
        try AtomicOutput.write(to: url) { tmp in
            try memory.copy(with: cog, to: tmp.path, options: options)
            // GDAL writes a sidecar only for what the TIFF cannot hold; the COG must stand alone.
            let sidecar = tmp.path + ".aux.xml"
            if let held = try? String(contentsOfFile: sidecar, encoding: .utf8) {
                try? FileManager.default.removeItem(atPath: sidecar)
                throw SeaIceError.native(
                    library: "GDAL", operation: "write COG \(url.path)",
                    message: "GDAL needed an .aux.xml sidecar for what the TIFF cannot hold: \(held.prefix(400))")
            }
        }
    }
}
