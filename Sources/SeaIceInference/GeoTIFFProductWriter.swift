import Foundation
import SeaIceAI4Arctic
import SeaIceClasses
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceProducts

/// Writes an `IceProduct` as Cloud-Optimised GeoTIFFs that QGIS draws right away, one file per layer
/// (SeaIceGDAL's `CloudOptimizedGeoTIFF`: DEFLATE, 512-pixel tiles, internal overviews):
///
/// | file | bands | type | colour | overviews |
/// |---|---|---|---|---|
/// | `<stem>_SIC.tif` | SIC, percent 0…100, unit `%`, nodata 255 | uint8 | Gray | average |
/// | `<stem>_SOD.tif`, `<stem>_FLOE.tif` | codes, nodata 255, names `CLASS_<code>` | uint8 | Palette | nearest |
/// | `<stem>_SOD_probability.tif`, `_FLOE_…` | a band per class, unit `1`, nodata NaN | float32 | Gray | average |
/// | `<stem>_SIC_uncertainty.tif` | standard deviation, unit `%`, nodata NaN | float32 | Gray | average |
///
/// The last three appear only when the product has those layers. Every file carries the metadata
/// `TIFFTAG_DATETIME` (acquisition start, `YYYY:MM:DD HH:MM:SS` UTC), `ACQUISITION_START`/`_END` (ISO 8601),
/// `TIFFTAG_SOFTWARE`, `SCENE_ID` and `simulated` ("true"/"false"). Swath products are georeferenced by
/// the scene's 21 × 21 tie points as GCPs in WGS 84 (EPSG:4326; AI4Arctic scenes are in SAR geometry);
/// warped products by their north-up geotransform and CRS.
public enum GeoTIFFProductWriter {
    /// One file of the layout: the file-name suffix, its bands and how its overviews are resampled.
    public struct Layer: Sendable {
        /// Suffix after `<stem>_`, without `.tif` (e.g. "SOD").
        public var name: String
        /// The bands.
        public var bands: [GeoTIFFBand]
        /// Overview resampling: nearest for classes, average for fractions and continuous values.
        public var overviews: CloudOptimizedGeoTIFF.OverviewResampling
    }

    /// The layers of `product`, in the order of the table above.
    public static func layers(_ product: IceProduct) -> [Layer] {
        let sic = IceProductCoders.sic
        var out = [
            Layer(
                name: sic.name,
                bands: [
                    GeoTIFFBand(
                        .uint8(product.sicPercent), description: "\(sic.name) (\(sic.longName), \(sic.units))",
                        noData: Double(ClassTable.fillCode), unit: sic.units)
                ], overviews: .average),
            Layer(name: ClassTable.sod.variable, bands: [.classes(product.sod, table: .sod)], overviews: .nearest),
            Layer(name: ClassTable.floe.variable, bands: [.classes(product.floe, table: .floe)], overviews: .nearest),
        ]
        for (planes, table) in [(product.sodProbabilities, ClassTable.sod), (product.floeProbabilities, .floe)] {
            guard let planes else { continue }
            let n = product.height * product.width
            let bands = table.entries.enumerated().map { k, e in
                GeoTIFFBand(
                    .float32(Array(planes[(k * n)..<((k + 1) * n)])),
                    description: "\(table.variable) probability of \(e.label)",
                    noData: .nan, unit: "1", metadata: ["CLASS_CODE": "\(e.code)", "CLASS_NAME": e.name])
            }
            out.append(Layer(name: "\(table.variable)_probability", bands: bands, overviews: .average))
        }
        if let u = product.sicUncertainty {
            let coder = IceProductCoders.sicUncertainty
            out.append(
                Layer(
                    name: coder.name,
                    bands: [GeoTIFFBand(.float32(u), description: coder.longName, noData: .nan, unit: coder.units)],
                    overviews: .average))
        }
        return out
    }

    /// The tie points as GCPs: pixel centres (position + 0.5) → longitude, latitude.
    public static func groundControlPoints(_ grid: AI4ArcticTiePointGrid) -> [GroundControlPoint] {
        grid.linePositions.enumerated().flatMap { a, line in
            grid.samplePositions.enumerated().map { b, sample in
                let k = a * grid.samplePositions.count + b
                return GroundControlPoint(
                    pixel: sample + 0.5, line: line + 0.5, x: grid.longitude[k], y: grid.latitude[k])
            }
        }
    }

    /// The dataset metadata of every file of `product`.
    public static func metadata(_ product: IceProduct) -> [String: String] {
        var items = [
            "TIFFTAG_SOFTWARE": "SeaIceKit \(product.provenance.softwareVersion)", "SCENE_ID": product.sceneID,
            SimulationMarkers.name: SimulationMarkers.text(product.provenance.simulated),
        ]
        if let t = product.acquisition {
            items["TIFFTAG_DATETIME"] = GeoTIFFFile.tiffDateTime(t.start)
            items["ACQUISITION_START"] = UTCTimestamp.string(t.start)
            items["ACQUISITION_END"] = UTCTimestamp.string(t.end)
        }
        return items
    }

    /// Writes the swath-geometry files of `product` into `folder` (`<sceneID>_<layer>.tif`); `tiePoints`
    /// positions the GCPs (nil: no georeference). Returns the files in layer order.
    @discardableResult
    public static func write(_ product: IceProduct, tiePoints: AI4ArcticTiePointGrid?, into folder: URL) throws
        -> [URL]
    {
        try write(product, georeference: swathGeoreference(tiePoints), into: folder, stem: product.sceneID)
    }

    /// The files `write(_:georeference:into:stem:)` writes for `product`: `<stem>_<layer>.tif` in layer order.
    public static func files(_ product: IceProduct, in folder: URL, stem: String) -> [URL] {
        layers(product).map { folder.appendingPathComponent("\(stem)_\($0.name).tif") }
    }

    /// Writes the files of `product` (`<stem>_<layer>.tif`) placed by `georeference`; returns them in layer order.
    @discardableResult
    public static func write(
        _ product: IceProduct, georeference: GeoTIFFGeoreference, into folder: URL, stem: String
    ) throws -> [URL] {
        let urls = files(product, in: folder, stem: stem)
        try write(product, georeference: georeference, to: urls)
        return urls
    }

    /// Writes `product`'s layers, in layer order, to `urls` (one per layer: `files(_:in:stem:)` or their
    /// temporaries when a scene's files are written together), placed by `georeference`.
    public static func write(_ product: IceProduct, georeference: GeoTIFFGeoreference, to urls: [URL]) throws {
        let all = layers(product)
        precondition(urls.count == all.count, "\(urls.count) files for \(all.count) GeoTIFF layers")
        let items = metadata(product)
        for (layer, url) in zip(all, urls) {
            try CloudOptimizedGeoTIFF.write(
                layer.bands, width: product.width, height: product.height, georeference: georeference,
                overviews: layer.overviews, metadata: items, to: url)
        }
    }

    /// The swath-geometry georeference of `product`'s files: the tie points as GCPs in EPSG:4326 (none without).
    public static func swathGeoreference(_ tiePoints: AI4ArcticTiePointGrid?) -> GeoTIFFGeoreference {
        tiePoints.map { GeoTIFFGeoreference.gcps(groundControlPoints($0), crs: "EPSG:4326") } ?? .none
    }
}
