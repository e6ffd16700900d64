@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// A point in a coordinate reference system: (x, y) = (easting, northing) in metres for projected
/// systems, (longitude, latitude) in degrees for geographic ones.
public struct GeoPoint: Equatable, Hashable, Sendable, Codable {
    /// Easting (m) or longitude (degrees).
    public var x: Double
    /// Northing (m) or latitude (degrees).
    public var y: Double
    /// A point at (x, y).
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A polygon as closed rings of vertices: one exterior ring and zero or more interior rings (holes).
/// Each ring repeats its first vertex at the end, as OGR and WKB do.
public struct GeoPolygon: Equatable, Sendable, Codable {
    /// The outer boundary.
    public var exterior: [GeoPoint]
    /// The holes, each a closed ring inside `exterior`.
    public var interiors: [[GeoPoint]]
    /// A polygon from its rings.
    public init(exterior: [GeoPoint], interiors: [[GeoPoint]] = []) {
        self.exterior = exterior
        self.interiors = interiors
    }
}

/// One or more polygons: the geometry of a chart polygon feature (a single polygon is a
/// multipolygon of one), with the bounding box and the OGR/WKB conversions the rasteriser needs.
public struct GeoMultiPolygon: Equatable, Sendable, Codable {
    /// The parts.
    public var polygons: [GeoPolygon]

    /// A geometry of these parts.
    public init(polygons: [GeoPolygon]) { self.polygons = polygons }

    /// The axis-aligned bounding box (minX, minY, maxX, maxY) of every vertex; nil when empty.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for polygon in polygons {
            for p in polygon.exterior {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        return minX <= maxX ? (minX, minY, maxX, maxY) : nil
    }

    /// The number of vertices in all rings.
    public var vertexCount: Int {
        polygons.reduce(0) { $0 + $1.exterior.count + $1.interiors.reduce(0) { $0 + $1.count } }
    }

    /// Reads an OGR geometry (polygon, multipolygon or curved equivalents, which are linearised).
    /// - Returns: nil for geometries without area (points, lines) or empty ones.
    init?(borrowing geometry: OGRGeometryH) {
        guard let linear = OGR_G_ForceToMultiPolygon(OGR_G_Clone(geometry)) else { return nil }
        defer { OGR_G_DestroyGeometry(linear) }
        var parts: [GeoPolygon] = []
        for p in 0..<OGR_G_GetGeometryCount(linear) {
            guard let polygon = OGR_G_GetGeometryRef(linear, p) else { continue }
            let ringCount = OGR_G_GetGeometryCount(polygon)
            guard ringCount > 0 else { continue }
            let rings = (0..<ringCount).map { r in Self.points(of: OGR_G_GetGeometryRef(polygon, r)) }
            parts.append(GeoPolygon(exterior: rings[0], interiors: Array(rings.dropFirst())))
        }
        if parts.isEmpty { return nil }
        self.polygons = parts
    }

    private static func points(of ring: OGRGeometryH?) -> [GeoPoint] {
        guard let ring else { return [] }
        let n = OGR_G_GetPointCount(ring)
        guard n > 0 else { return [] }
        var xs = [Double](repeating: 0, count: Int(n)), ys = xs
        xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                _ = OGR_G_GetPoints(ring, xb.baseAddress, Int32(MemoryLayout<Double>.stride),
                                    yb.baseAddress, Int32(MemoryLayout<Double>.stride), nil, 0)
            }
        }
        return zip(xs, ys).map { GeoPoint(x: $0, y: $1) }
    }

    /// A new OGR multipolygon holding these rings; the caller destroys it (`OGR_G_DestroyGeometry`).
    func makeOGRGeometry() -> OGRGeometryH {
        let multi = OGR_G_CreateGeometry(wkbMultiPolygon)!
        for polygon in polygons {
            let part = OGR_G_CreateGeometry(wkbPolygon)!
            for ring in [polygon.exterior] + polygon.interiors {
                let r = OGR_G_CreateGeometry(wkbLinearRing)!
                OGR_G_SetPointCount(r, Int32(ring.count))
                for (i, p) in ring.enumerated() { OGR_G_SetPoint_2D(r, Int32(i), p.x, p.y) }
                OGR_G_AddGeometryDirectly(part, r)
            }
            OGR_G_AddGeometryDirectly(multi, part)
        }
        return multi
    }

    /// The geometry as ISO well-known binary (little-endian MultiPolygon).
    public func wkb() -> Data {
        let geometry = makeOGRGeometry()
        defer { OGR_G_DestroyGeometry(geometry) }
        let size = Int(OGR_G_WkbSize(geometry))
        var bytes = [UInt8](repeating: 0, count: size)
        _ = OGR_G_ExportToIsoWkb(geometry, wkbNDR, &bytes)
        return Data(bytes)
    }

    /// Parses well-known binary (polygon or multipolygon).
    /// - Throws: `SeaIceError.invalidInput` when the bytes are not a polygonal WKB geometry.
    public init(wkb: Data, source: String = "WKB") throws {
        var geometry: OGRGeometryH?
        let err = wkb.withUnsafeBytes { raw in
            OGR_G_CreateFromWkb(raw.baseAddress, nil, &geometry, Int32(wkb.count))
        }
        guard err == OGRERR_NONE, let geometry else {
            throw SeaIceError.invalidInput(file: source, item: "geometry", expected: "well-known binary (OGR error \(err))")
        }
        defer { OGR_G_DestroyGeometry(geometry) }
        guard let parsed = GeoMultiPolygon(borrowing: geometry) else {
            throw SeaIceError.invalidInput(file: source, item: "geometry", expected: "a polygon or multipolygon")
        }
        self = parsed
    }

    /// The area in squared CRS units (m² for projected systems), holes subtracted.
    public var area: Double {
        let geometry = makeOGRGeometry()
        defer { OGR_G_DestroyGeometry(geometry) }
        return OGR_G_Area(geometry)
    }
}
