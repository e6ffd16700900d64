@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// A vector file opened read-only through GDAL/OGR (GeoPackage, ESRI shapefile, GeoJSON, …).
///
/// The class owns the GDAL dataset handle and closes it in `deinit`; layers keep their dataset alive.
public final class OGRVectorDataset: @unchecked Sendable {
    let handle: GDALDatasetH
    /// The path the dataset was opened from.
    public let path: String

    /// Opens `url` as a vector dataset.
    /// - Throws: `SeaIceError.missing` when the file does not exist, `.invalidInput` when GDAL cannot read it as vectors.
    public convenience init(url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SeaIceError.missing(file: url.path, item: "file")
        }
        try self.init(gdalPath: url.path)
    }

    /// Opens the member `member` (e.g. `countries.shp`) of the zip archive `archive` (GDAL `/vsizip/`).
    /// - Throws: `SeaIceError.missing` when the archive does not exist, `.invalidInput` when GDAL cannot read it.
    public convenience init(zipArchive archive: URL, member: String) throws {
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw SeaIceError.missing(file: archive.path, item: "file")
        }
        try self.init(gdalPath: VSI.zipPath(archive: archive, member: member))
    }

    /// Opens a GDAL path (a file or a `/vsi…/` path).
    init(gdalPath: String) throws {
        GDALLibrary.ensureRegistered()
        path = gdalPath
        guard let handle = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw SeaIceError.invalidInput(
                file: path, item: "format",
                expected: "a vector file GDAL/OGR can read (GeoPackage, shapefile, …): \(GDALLibrary.lastErrorMessage)")
        }
        self.handle = handle
    }

    deinit { GDALClose(handle) }

    /// The name of the GDAL driver that opened the file, e.g. "GPKG" or "ESRI Shapefile".
    public var driverName: String {
        guard let driver = GDALGetDatasetDriver(handle), let name = GDALGetDriverShortName(driver) else { return "" }
        return String(cString: name)
    }

    /// The names of the layers, in file order.
    public var layerNames: [String] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in
            GDALDatasetGetLayer(handle, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// The layer called `name`, or the first layer when `name` is nil.
    /// - Throws: `SeaIceError.missing` naming the layer when there is none of that name (or no layer at all).
    public func layer(named name: String? = nil) throws -> OGRVectorLayer {
        let layer: OGRLayerH?
        if let name {
            layer = GDALDatasetGetLayerByName(handle, name)
        } else {
            layer = GDALDatasetGetLayerCount(handle) > 0 ? GDALDatasetGetLayer(handle, 0) : nil
        }
        guard let layer else {
            let available = layerNames.joined(separator: ", ")
            throw SeaIceError.missing(file: path, item: "layer \(name.map { "\"\($0)\"" } ?? "(any)") (layers: \(available))")
        }
        return OGRVectorLayer(handle: layer, dataset: self)
    }
}

/// One feature of a vector layer: its id, attribute values as text, and its polygonal geometry.
public struct VectorFeature: Sendable {
    /// The feature id (GeoPackage `fid`; 0-based record number for shapefiles).
    public var fid: Int64
    /// Attribute values as text, by field name exactly as in the file; null and unset fields are absent.
    public var attributes: [String: String]
    /// The geometry in the layer's coordinate reference system; nil when the feature has none.
    public var geometry: GeoMultiPolygon?

    /// A feature from its parts.
    public init(fid: Int64, attributes: [String: String], geometry: GeoMultiPolygon?) {
        self.fid = fid
        self.attributes = attributes
        self.geometry = geometry
    }

    /// The value of the field named `name`, ignoring case ("ct" finds "CT").
    public func attribute(_ name: String) -> String? {
        if let exact = attributes[name] { return exact }
        return attributes.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A layer of an `OGRVectorDataset`: its schema, spatial reference, extent and features.
public final class OGRVectorLayer: @unchecked Sendable {
    let handle: OGRLayerH
    /// The dataset this layer belongs to (kept alive as long as the layer).
    public let dataset: OGRVectorDataset

    init(handle: OGRLayerH, dataset: OGRVectorDataset) {
        self.handle = handle
        self.dataset = dataset
    }

    /// The layer name.
    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// The attribute field names, in schema order.
    public var fieldNames: [String] {
        guard let definition = OGR_L_GetLayerDefn(handle) else { return [] }
        return (0..<OGR_FD_GetFieldCount(definition)).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
    }

    /// The number of features (may scan the file for formats without a count).
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(handle, 1)) }

    /// The layer's coordinate reference system; nil when the file declares none.
    public func spatialReference() throws -> SpatialReference? {
        guard let srs = OGR_L_GetSpatialRef(handle) else { return nil }
        return try SpatialReference(cloning: srs)
    }

    /// The extent (minX, minY, maxX, maxY) in the layer's CRS.
    public func extent() throws -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var envelope = OGREnvelope()
        guard OGR_L_GetExtent(handle, &envelope, 1) == OGRERR_NONE else {
            throw SeaIceError.invalidInput(file: dataset.path, item: "layer \(name) extent", expected: "a layer with geometries")
        }
        return (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY)
    }

    /// Reads every feature, in file order.
    public func readFeatures() -> [VectorFeature] {
        OGR_L_ResetReading(handle)
        let names = fieldNames
        var features: [VectorFeature] = []
        features.reserveCapacity(max(featureCount, 0))
        while let feature = OGR_L_GetNextFeature(handle) {
            defer { OGR_F_Destroy(feature) }
            var attributes: [String: String] = [:]
            for (i, name) in names.enumerated() where OGR_F_IsFieldSetAndNotNull(feature, Int32(i)) != 0 {
                attributes[name] = String(cString: OGR_F_GetFieldAsString(feature, Int32(i)))
            }
            let geometry = OGR_F_GetGeometryRef(feature).flatMap { GeoMultiPolygon(borrowing: $0) }
            features.append(VectorFeature(fid: Int64(OGR_F_GetFID(feature)), attributes: attributes, geometry: geometry))
        }
        return features
    }
}
