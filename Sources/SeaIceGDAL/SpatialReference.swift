@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// A coordinate reference system (an OGR spatial reference) owned by Swift.
///
/// Axis order is always the "traditional GIS" order: x = easting or longitude, y = northing or
/// latitude, whatever the authority says (EPSG:4326 is handled as lon/lat, not lat/lon), so
/// every coordinate pair in SeaIceKit is (x, y) = (lon, lat) for geographic systems.
public final class SpatialReference: @unchecked Sendable, CustomStringConvertible {
    let handle: OGRSpatialReferenceH

    /// Takes ownership of `handle` (released in `deinit`).
    init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    /// Clones a spatial reference owned by GDAL (for example a layer's).
    convenience init(cloning borrowed: OGRSpatialReferenceH) throws {
        guard let clone = OSRClone(borrowed) else {
            throw SeaIceError.native(library: "GDAL", operation: "OSRClone", message: GDALLibrary.lastErrorMessage)
        }
        self.init(owning: clone)
    }

    /// Parses any definition GDAL understands: "EPSG:3413", WKT, a PROJ string, "WGS84".
    /// - Throws: `SeaIceError.invalidInput` naming the definition when GDAL cannot parse it.
    public convenience init(definition: String) throws {
        GDALLibrary.ensureRegistered()
        guard let srs = OSRNewSpatialReference(nil) else {
            throw SeaIceError.native(library: "GDAL", operation: "OSRNewSpatialReference", message: GDALLibrary.lastErrorMessage)
        }
        let err = OSRSetFromUserInput(srs, definition)
        if err != OGRERR_NONE {
            OSRRelease(srs)
            throw SeaIceError.invalidInput(
                file: "coordinate reference system", item: "definition \"\(definition.prefix(80))\"",
                expected: "an EPSG code (\"EPSG:3413\"), WKT or PROJ string")
        }
        self.init(owning: srs)
    }

    /// An EPSG coordinate reference system, e.g. 3413 (NSIDC north polar stereographic) or 4326.
    public convenience init(epsg: Int) throws {
        try self.init(definition: "EPSG:\(epsg)")
    }

    /// An EPSG system even when EPSG has deprecated it: GDAL by default replaces a deprecated code by its
    /// successor (EPSG:3411, NSIDC north on the Hughes ellipsoid, silently becomes the WGS 84 EPSG:3413);
    /// with `keepingDeprecated` the code's own definition is used (GDAL's `OSR_USE_NON_DEPRECATED=NO`, set
    /// for this thread only during the import).
    public convenience init(epsg: Int, keepingDeprecated: Bool) throws {
        guard keepingDeprecated else { try self.init(epsg: epsg); return }
        let previous = CPLGetThreadLocalConfigOption("OSR_USE_NON_DEPRECATED", nil).map { String(cString: $0) }
        CPLSetThreadLocalConfigOption("OSR_USE_NON_DEPRECATED", "NO")
        defer { CPLSetThreadLocalConfigOption("OSR_USE_NON_DEPRECATED", previous) }
        try self.init(definition: "EPSG:\(epsg)")
    }

    /// WGS 84 geographic coordinates, x = longitude, y = latitude, in degrees (EPSG:4326).
    public static func wgs84() -> SpatialReference {
        // EPSG:4326 is always in GDAL's bundled database; failure here is a broken installation.
        do { return try SpatialReference(epsg: 4326) } catch { preconditionFailure("EPSG:4326 unavailable: \(error)") }
    }

    deinit { OSRRelease(handle) }

    /// The geographic (lon/lat, degrees) system of this one's datum (for a projected system: its base
    /// GEOGCS, e.g. Hughes 1980 for EPSG:3411). Projecting lon/lat through it applies no datum shift, which
    /// is how NSIDC computes its grids (the ballpark Hughes → WGS 84 step of some PROJ versions moves points
    /// by up to ~120 m through a geocentric conversion).
    public func geographic() throws -> SpatialReference {
        guard let g = OSRCloneGeogCS(handle) else {
            throw SeaIceError.native(library: "GDAL", operation: "OSRCloneGeogCS \(name)", message: GDALLibrary.lastErrorMessage)
        }
        return SpatialReference(owning: g)
    }

    /// The definition as WKT (OGC WKT 1, as GDAL writes into GeoTIFF and .prj files).
    public var wkt: String {
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(handle, &text) == OGRERR_NONE, let text else { return "" }
        defer { VSIFree(text) }
        return String(cString: text)
    }

    /// Whether this is a geographic (lon/lat, degrees) system.
    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

    /// Whether both describe the same coordinate reference system (ignoring names).
    public func isSame(as other: SpatialReference) -> Bool { OSRIsSame(handle, other.handle) != 0 }

    /// The name GDAL gives this system, e.g. "WGS 84 / NSIDC Sea Ice Polar Stereographic North".
    public var name: String {
        guard let name = OSRGetName(handle) else { return "" }
        return String(cString: name)
    }

    /// The CRS name (`name`).
    public var description: String { name }
}
