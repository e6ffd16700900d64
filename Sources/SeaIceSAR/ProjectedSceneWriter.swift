import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF

/// A preprocessed scene on a north-up map grid (`seaice preprocess --grid`), beside the swath-geometry
/// netCDF: a float32 Cloud-Optimised GeoTIFF `<stem>_<grid.fileTag>.tif` with the primary and secondary
/// σ⁰ in dB and the incidence angle (degrees), warped by GDAL over the tie points as GCPs (`SwathWarp`,
/// thin-plate spline) with average resampling — σ⁰ averaged as linear power, then converted back to dB;
/// NaN outside the swath; band descriptions and units, `TIFFTAG_DATETIME`, the simulated marker.
public enum ProjectedSceneWriter {
    /// The file `write` makes for an output `out` (`scene.nc` → `scene_epsg3413_1000m.tif`).
    public static func file(nextTo out: URL, grid: RegularGrid) -> URL {
        let stem = out.deletingPathExtension().lastPathComponent
        return out.deletingLastPathComponent().appendingPathComponent("\(stem)_\(grid.fileTag).tif")
    }

    /// Warps `scene` onto `grid` and writes `file(nextTo: out, grid:)` atomically; returns it.
    /// - Throws: `SeaIceError` when GDAL cannot warp or write (naming the file).
    @discardableResult
    public static func write(_ scene: AnalysisReadyScene, grid: RegularGrid, nextTo out: URL) throws -> URL {
        let f = Double(scene.factor)
        let gcps = scene.tiePoints.map {
            GroundControlPoint(pixel: $0.pixel + 0.5 / f, line: $0.line + 0.5 / f, x: $0.longitude, y: $0.latitude)
        }
        func linear(_ db: [Float]) -> [Float] { db.map { $0.isNaN ? .nan : Float(pow(10, Double($0) / 10)) } }
        func decibel(_ p: [Float]) -> [Float] { p.map { $0.isNaN || $0 <= 0 ? .nan : Float(10 * log10(Double($0))) } }
        var layers: [(description: String, values: [Float], unit: String, isDB: Bool)] = [
            ("\(scene.primaryPolarisation.rawValue) sigma0 (dB)", scene.primaryDB, "dB", true)
        ]
        if let s = scene.secondaryDB, let pol = scene.secondaryPolarisation {
            layers.append(("\(pol.rawValue) sigma0 (dB)", s, "dB", true))
        }
        layers.append(("incidence angle (degree)", scene.incidence, "degree", false))
        let warped = try SwathWarp.warp(
            layers.map { .float32($0.isDB ? linear($0.values) : $0.values) }, width: scene.width, height: scene.height,
            gcps: gcps, to: grid, resampling: .average, noData: .nan)
        let bands = zip(layers, warped).map { layer, values in
            GeoTIFFBand(.float32(layer.isDB ? decibel(values.floats) : values.floats), description: layer.description,
                        noData: .nan, unit: layer.unit)
        }
        var metadata = [SimulationMarkers.name: SimulationMarkers.text(AI4ArcticSceneWriter.isSimulated(scene)),
                        "SCENE_ID": scene.productName]
        if let t = AcquisitionTime.interval(ofProductID: scene.productName) {
            metadata["TIFFTAG_DATETIME"] = GeoTIFFFile.tiffDateTime(t.start)
        }
        let url = file(nextTo: out, grid: grid)
        try CloudOptimizedGeoTIFF.write(
            bands, width: grid.width, height: grid.height, georeference: .transform(grid.geoTransform, crs: grid.crs),
            overviews: .average, metadata: metadata, to: url)
        return url
    }
}
