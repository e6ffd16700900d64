import Foundation
import SeaIceCore

/// Writes whole GeoTIFF products in one call: bands of one pixel type with descriptions, no-data,
/// units and an optional colour table, a georeference (GCPs or geotransform + CRS) and metadata.
///
/// Every product writer of every system goes through this (no target above SeaIceGDAL calls GDAL).
/// Multi-band files are tagged grey (`PHOTOMETRIC=MINISBLACK`: band 1 Gray, the others Undefined),
/// never RGB; a colour table makes a single-band file palette-indexed. Everything is stored inside the
/// TIFF (no `.aux.xml` sidecar), and the file appears complete or not at all (`AtomicOutput`).
public enum GeoTIFFFile {
    /// Writes `bands` (each `width × height`, all uint8 or all float32) to `url`.
    /// - Parameters:
    ///   - metadata: dataset metadata items, e.g. `["TIFFTAG_SOFTWARE": "SeaIceKit 0.1"]`.
    ///   - options: GTiff creation options (DEFLATE-compressed and tiled by default).
    /// - Throws: `SeaIceError.invalidInput` naming the file and band for wrong sizes, mixed types or a
    ///   palette where GTiff cannot store one; `SeaIceError.native` when GDAL fails.
    public static func write(
        _ bands: [GeoTIFFBand], width: Int, height: Int, georeference: GeoTIFFGeoreference,
        metadata: [String: String] = [:], options: [String] = ["COMPRESS=DEFLATE", "TILED=YES"],
        to url: URL
    ) throws {
        let type = try check(bands, width: width, height: height, url: url)
        let photometric = bands.count > 1 ? ["PHOTOMETRIC=MINISBLACK"] : []
        try AtomicOutput.write(to: url) { tmp in
            let w = try GeoTIFFWriter(
                path: tmp.path, width: width, height: height, bands: bands.count, type: type,
                options: options + photometric)
            for (k, band) in bands.enumerated() {
                try write(band, number: k + 1, into: w)
            }
            try place(w, georeference)
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) { try w.setMetadata(value, for: key) }
            try w.close()
        }
    }

    /// `date` as the TIFF `DateTime` tag writes it: `YYYY:MM:DD HH:MM:SS`, UTC.
    public static func tiffDateTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy:MM:dd HH:mm:ss"
        return f.string(from: date)
    }

    /// Places `w` on the Earth.
    static func place(_ w: GeoTIFFWriter, _ georeference: GeoTIFFGeoreference) throws {
        switch georeference {
        case .none: break
        case .gcps(let points, let crs):
            try w.setGCPs(points.map { (pixel: $0.pixel, line: $0.line, x: $0.x, y: $0.y, z: $0.z) }, crs: crs)
        case .transform(let t, let crs):
            precondition(t.count == 6, "a geotransform has 6 numbers, got \(t)")
            try w.setGeoreference(transform: t, crs: crs)
        }
    }

    /// Writes the values and band metadata of `band` as band `b` (1-based) of `w`.
    static func write(_ band: GeoTIFFBand, number b: Int, into w: GeoTIFFWriter) throws {
        let rows = w.height
        switch band.values {
        case .uint8(let v): try v.withUnsafeBufferPointer { try w.write(band: b, y: 0, rows: rows, values: $0) }
        case .float32(let v): try v.withUnsafeBufferPointer { try w.write(band: b, y: 0, rows: rows, values: $0) }
        }
        try w.setDescription(band.description, band: b)
        if let noData = band.noData { w.setNoData(noData, band: b) }
        if let unit = band.unit { try w.setUnit(unit, band: b) }
        if let palette = band.palette {
            try w.setPalette(palette, band: b)
            try w.setColorInterpretation(palette: true, band: b)
        }
        for (key, value) in band.metadata.sorted(by: { $0.key < $1.key }) {
            try w.setMetadata(value, for: key, band: b)
        }
    }

    /// The one pixel type of `bands`, after checking sizes, types and palettes.
    static func check(_ bands: [GeoTIFFBand], width: Int, height: Int, url: URL) throws
        -> GeoTIFFWriter.PixelType
    {
        guard let first = bands.first, width > 0, height > 0 else {
            throw SeaIceError.invalidInput(
                file: url.path, item: "bands",
                expected: "at least one band of a non-empty grid, got \(bands.count) of \(width) × \(height)")
        }
        let isByte: (GeoTIFFBand) -> Bool = { if case .uint8 = $0.values { return true } else { return false } }
        for band in bands {
            guard band.values.count == width * height else {
                throw SeaIceError.invalidInput(
                    file: url.path, item: "band `\(band.description)`",
                    expected: "\(width) × \(height) values, got \(band.values.count)")
            }
            guard isByte(band) == isByte(first) else {
                throw SeaIceError.invalidInput(
                    file: url.path, item: "band `\(band.description)`",
                    expected: "the pixel type of band `\(first.description)` (one type per file)")
            }
            if let palette = band.palette {
                guard isByte(band), bands.count == 1, palette.count <= 256 else {
                    throw SeaIceError.invalidInput(
                        file: url.path, item: "colour table of band `\(band.description)`",
                        expected: "a single uint8 band with at most 256 colours")
                }
            }

        }
        return isByte(first) ? .uint8 : .float32
    }
}
