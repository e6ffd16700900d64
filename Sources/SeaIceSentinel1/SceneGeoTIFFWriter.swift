import Foundation
import SeaIceCore
import SeaIceGDAL

/// Writes an `AnalysisReadyScene` as a float32 GeoTIFF in radar geometry: bands primary dB, secondary dB (if any),
/// incidence angle (degrees); georeferenced by the tie points as GCPs (EPSG:4326), deflate-compressed and tiled.
public enum SceneGeoTIFFWriter {
    /// Writes `scene` to `url` atomically.
    public static func write(_ scene: AnalysisReadyScene, to url: URL) throws {
        var bands: [(String, [Float])] = [("\(scene.primaryPolarisation.rawValue) dB", scene.primaryDB)]
        if let s = scene.secondaryDB, let pol = scene.secondaryPolarisation { bands.append(("\(pol.rawValue) dB", s)) }
        bands.append(("incidence angle (degree)", scene.incidence))
        try AtomicOutput.write(to: url) { tmp in
            let w = try GeoTIFFWriter(path: tmp.path, width: scene.width, height: scene.height, bands: bands.count, type: .float32,
                                      options: ["COMPRESS=DEFLATE", "TILED=YES", "PREDICTOR=3"])
            try w.setGCPs(scene.tiePoints.map { ($0.pixel + 0.5 / Double(scene.factor), $0.line + 0.5 / Double(scene.factor), $0.longitude, $0.latitude, $0.height) }, crs: "EPSG:4326")
            for (i, band) in bands.enumerated() {
                w.setNoData(.nan, band: i + 1)
                try band.1.withUnsafeBufferPointer { try w.write(band: i + 1, y: 0, rows: scene.height, values: $0) }
            }
            try w.close()
        }
    }
}
