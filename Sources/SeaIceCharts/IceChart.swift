import Foundation
import Logging
import SeaIceCore
import SeaIceGDAL

/// One polygon of an ice chart: its feature id, egg code and geometry in the chart's CRS.
public struct ChartPolygon: Sendable {
    /// The feature id in the chart file (GeoPackage `fid`, 0-based shapefile record number).
    public var id: Int64
    /// The polygon's egg code.
    public var code: EggCode
    /// The polygon's rings in the chart's CRS (metres for the CIS Lambert conformal conic charts).
    public var geometry: GeoMultiPolygon

    /// A polygon from its parts.
    public init(id: Int64, code: EggCode, geometry: GeoMultiPolygon) {
        self.id = id
        self.code = code
        self.geometry = geometry
    }
}

/// A SIGRID-3 vector ice chart (CIS/DMI/NIC polygons with egg-code attributes) read through GDAL/OGR
/// from a GeoPackage, shapefile or any other OGR vector format.
public struct IceChart: Sendable {
    /// The file it was read from.
    public var source: String
    /// The layer read.
    public var layerName: String
    /// The chart's coordinate reference system as WKT (the CIS charts: WGS 84 Lambert conformal conic,
    /// lat0 40°, lon0 −100°, standard parallels 49° and 77°).
    public var crsWKT: String
    /// The polygons in file order.
    public var polygons: [ChartPolygon]

    /// A chart from its parts.
    public init(source: String, layerName: String, crsWKT: String, polygons: [ChartPolygon]) {
        self.source = source
        self.layerName = layerName
        self.crsWKT = crsWKT
        self.polygons = polygons
    }

    /// The chart's coordinate reference system.
    public func spatialReference() throws -> SpatialReference {
        try SpatialReference(definition: crsWKT)
    }

    /// Reads a chart.
    /// - Parameters:
    ///   - url: the chart file (`.gpkg`, `.shp`, …).
    ///   - layer: the layer name; nil reads the first layer.
    ///   - logger: receives a warning for each feature without a polygonal geometry (such features are left out).
    /// - Throws: `SeaIceError.missing` when the file, layer, CRS (or a defined one) or the CT/POLY_TYPE fields are
    ///   missing; `.invalidInput` naming the file, polygon and field of an invalid egg code, and naming the file
    ///   when fewer features are read than it declares or a shapefile's `.dbf`/`.shx` is truncated.
    public static func read(url: URL, layer: String? = nil, logger: Logger) throws -> IceChart {
        let dataset = try OGRVectorDataset(url: url)
        let vectorLayer = try dataset.layer(named: layer)
        let fields = Set(vectorLayer.fieldNames.map { $0.uppercased() })
        for required in [EggField.ct, .polygonType] where !fields.contains(required.rawValue) {
            throw SeaIceError.missing(file: url.path, item: "field \(required.rawValue) in layer \(vectorLayer.name)")
        }
        // One rule for every format: a chart without a defined CRS cannot be placed on any grid (a shapefile
        // without .prj, a GeoPackage layer on srs_id -1/0, GDAL's "Undefined cartesian/geographic SRS").
        guard let srs = try vectorLayer.spatialReference(), !Self.isUndefined(srs) else {
            throw SeaIceError.missing(
                file: url.path,
                item: "coordinate reference system of layer \(vectorLayer.name) "
                    + "(undefined: a shapefile needs its .prj, a GeoPackage layer an srs_id other than -1 and 0)")
        }
        if dataset.driverName == "ESRI Shapefile" { try ShapefileCheck.checkComplete(shapefile: url) }
        let declared = vectorLayer.featureCount
        var polygons: [ChartPolygon] = []
        var skipped = 0
        for feature in vectorLayer.readFeatures() {
            let code = try EggCode(attributes: feature.attribute, file: url.path, polygon: "fid \(feature.fid)")
            guard let geometry = feature.geometry else {
                logger.warning("feature without polygon geometry left out", metadata: ["file": "\(url.path)", "fid": "\(feature.fid)"])
                skipped += 1
                continue
            }
            polygons.append(ChartPolygon(id: feature.fid, code: code, geometry: geometry))
        }
        let read = polygons.count + skipped
        guard declared < 0 || read == declared else {
            throw SeaIceError.invalidInput(
                file: url.path, item: "layer \(vectorLayer.name)",
                expected: "\(declared) features as the file declares, read \(read) (truncated or damaged file)")
        }
        logger.debug("read ice chart", metadata: [
            "file": "\(url.path)", "layer": "\(vectorLayer.name)", "polygons": "\(polygons.count)",
        ])
        return IceChart(source: url.path, layerName: vectorLayer.name, crsWKT: srs.wkt, polygons: polygons)
    }

    /// Whether `srs` is one of GDAL's placeholders for "no CRS" (GeoPackage srs_id −1 and 0 read as
    /// "Undefined cartesian SRS" / "Undefined geographic SRS") or a local (engineering) CRS.
    static func isUndefined(_ srs: SpatialReference) -> Bool {
        srs.name.lowercased().hasPrefix("undefined") || srs.wkt.hasPrefix("LOCAL_CS") || srs.wkt.hasPrefix("ENGCRS")
            || srs.wkt.hasPrefix("ENGINEERINGCRS")
    }

    /// The bounding box (minX, minY, maxX, maxY) of all polygons in the chart's CRS; nil when empty.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        polygons.compactMap(\.geometry.bounds).reduce(nil) { acc, b in
            guard let acc else { return b }
            return (min(acc.minX, b.minX), min(acc.minY, b.minY), max(acc.maxX, b.maxX), max(acc.maxY, b.maxY))
        }
    }

    /// The same chart with every geometry transformed to `target` (e.g. `SpatialReference.wgs84()` for
    /// lon/lat vertices, or EPSG:3413). Vertices are transformed one by one; edges are not densified.
    public func reprojected(to target: SpatialReference) throws -> IceChart {
        let transform = try CoordinateTransform(from: try spatialReference(), to: target)
        var copy = self
        copy.crsWKT = target.wkt
        copy.polygons = try polygons.map { p in
            ChartPolygon(id: p.id, code: p.code, geometry: try transform.transform(p.geometry))
        }
        return copy
    }
}
