@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Writes polygon layers as a GeoPackage through GDAL/OGR (text attribute fields, MultiPolygon
/// geometries), atomically: the file is built under a temporary name and renamed into place.
public enum OGRVectorWriter {
    /// One feature: attribute texts in `fields` order (nil = NULL) and its geometry.
    public struct Feature: Sendable {
        /// Attribute values, one per field.
        public var attributes: [String?]
        /// Polygon geometry in the layer's CRS.
        public var geometry: GeoMultiPolygon

        /// A feature.
        public init(attributes: [String?], geometry: GeoMultiPolygon) {
            self.attributes = attributes
            self.geometry = geometry
        }
    }

    /// Writes one layer `layer` of `features` with text fields `fields` in CRS `srs` to the GeoPackage `url`.
    /// - Throws: `SeaIceError.native` naming the file when GDAL cannot create the file, layer, a field or a feature;
    ///   `.configuration` when a feature's attribute count differs from the field count.
    public static func writeGeoPackage(to url: URL, layer: String, srs: SpatialReference, fields: [String],
                                       features: [Feature]) throws {
        for (i, f) in features.enumerated() where f.attributes.count != fields.count {
            throw SeaIceError.configuration("feature \(i) of \(url.lastPathComponent) has \(f.attributes.count) attributes, expected \(fields.count)")
        }
        GDALLibrary.ensureRegistered()
        try AtomicOutput.write(to: url) { tmp in
            // GDAL's GeoPackage driver wants the .gpkg extension: build beside the temporary name, then move.
            let build = tmp.appendingPathExtension("gpkg")
            defer { try? FileManager.default.removeItem(at: build) }
            try write(build, layer: layer, srs: srs, fields: fields, features: features)
            try FileManager.default.moveItem(at: build, to: tmp)
        }
    }

    static func write(_ url: URL, layer name: String, srs: SpatialReference, fields: [String], features: [Feature]) throws {
        func fail(_ what: String) -> SeaIceError {
            .native(library: "GDAL", operation: "write \(url.path): \(what)", message: GDALLibrary.lastErrorMessage)
        }
        guard let driver = GDALGetDriverByName("GPKG") else { throw fail("find the GPKG driver") }
        guard let ds = GDALCreate(driver, url.path, 0, 0, 0, GDT_Unknown, nil) else { throw fail("create the file") }
        var closed = false
        defer { if !closed { GDALClose(ds) } }
        guard let lay = GDALDatasetCreateLayer(ds, name, srs.handle, wkbMultiPolygon, nil) else { throw fail("create layer \(name)") }
        for field in fields {
            let def = OGR_Fld_Create(field, OFTString)
            defer { OGR_Fld_Destroy(def) }
            guard OGR_L_CreateField(lay, def, 1) == OGRERR_NONE else { throw fail("create field \(field)") }
        }
        _ = GDALDatasetStartTransaction(ds, 0)
        for (i, f) in features.enumerated() {
            guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(lay)) else { throw fail("create feature \(i)") }
            defer { OGR_F_Destroy(feature) }
            for (k, value) in f.attributes.enumerated() {
                if let value { OGR_F_SetFieldString(feature, Int32(k), value) } else { OGR_F_SetFieldNull(feature, Int32(k)) }
            }
            OGR_F_SetGeometryDirectly(feature, f.geometry.makeOGRGeometry())
            guard OGR_L_CreateFeature(lay, feature) == OGRERR_NONE else { throw fail("write feature \(i)") }
        }
        guard GDALDatasetCommitTransaction(ds) == OGRERR_NONE else { throw fail("commit the features") }
        closed = true
        GDALClose(ds)
    }
}
