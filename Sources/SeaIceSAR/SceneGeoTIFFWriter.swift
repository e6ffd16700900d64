import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF

/// Writes an `AnalysisReadyScene` as a float32 GeoTIFF in radar geometry: bands primary dB, secondary dB (if any),
/// incidence angle (degrees), each with its description (e.g. "HH sigma0 (dB)") and unit ("dB", "degree");
/// georeferenced by the tie points as GCPs (EPSG:4326), deflate-compressed and tiled; metadata
/// `TIFFTAG_DATETIME` (acquisition start, when the product id gives it) and `simulated` ("true"/"false").
public enum SceneGeoTIFFWriter {
    /// Writes `scene` to `url` atomically.
    public static func write(_ scene: AnalysisReadyScene, to url: URL) throws {
        var bands: [(String, [Float], String)] = [
            ("\(scene.primaryPolarisation.rawValue) sigma0 (dB)", scene.primaryDB, "dB")
        ]
        if let s = scene.secondaryDB, let pol = scene.secondaryPolarisation {
            bands.append(("\(pol.rawValue) sigma0 (dB)", s, "dB"))
        }
        bands.append(("incidence angle (degree)", scene.incidence, "degree"))
        try AtomicOutput.write(to: url) { tmp in
            let w = try GeoTIFFWriter(path: tmp.path, width: scene.width, height: scene.height, bands: bands.count, type: .float32,
                                      options: ["COMPRESS=DEFLATE", "TILED=YES", "PREDICTOR=3"])
            try w.setGCPs(scene.tiePoints.map { ($0.pixel + 0.5 / Double(scene.factor), $0.line + 0.5 / Double(scene.factor), $0.longitude, $0.latitude, $0.height) }, crs: "EPSG:4326")
            for (i, band) in bands.enumerated() {
                w.setNoData(.nan, band: i + 1)
                try w.setDescription(band.0, band: i + 1)
                try w.setUnit(band.2, band: i + 1)
                try band.1.withUnsafeBufferPointer { try w.write(band: i + 1, y: 0, rows: scene.height, values: $0) }
            }
            if let t = AcquisitionTime.interval(ofProductID: scene.productName) {
                try w.setMetadata(GeoTIFFFile.tiffDateTime(t.start), for: "TIFFTAG_DATETIME")
            }
            let simulated = SimulationMarkers.text(AI4ArcticSceneWriter.isSimulated(scene))
            try w.setMetadata(simulated, for: SimulationMarkers.name)
            try w.close()
        }
    }
}
