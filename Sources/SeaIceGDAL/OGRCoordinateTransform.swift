@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// A transformation of coordinates from one coordinate reference system to another (PROJ through OGR).
///
/// Coordinates are (x, y) in traditional GIS order: easting/northing in metres for projected
/// systems, longitude/latitude in degrees for geographic ones.
public final class CoordinateTransform: @unchecked Sendable {
    let handle: OGRCoordinateTransformationH
    /// The system the input coordinates are in.
    public let source: SpatialReference
    /// The system the output coordinates are in.
    public let target: SpatialReference

    /// A transformation from `source` to `target`.
    /// - Throws: `SeaIceError.native` when PROJ finds no transformation between them.
    public init(from source: SpatialReference, to target: SpatialReference) throws {
        guard let handle = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw SeaIceError.native(
                library: "GDAL", operation: "OCTNewCoordinateTransformation \(source.name) → \(target.name)",
                message: GDALLibrary.lastErrorMessage)
        }
        self.handle = handle
        self.source = source
        self.target = target
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// Transforms the points in place; `x` and `y` must have the same length.
    /// - Throws: `SeaIceError.invalidInput` naming the first point that cannot be transformed.
    public func transform(x: inout [Double], y: inout [Double]) throws {
        precondition(x.count == y.count, "x has \(x.count) values, y has \(y.count)")
        if x.isEmpty { return }
        var success = [Int32](repeating: 0, count: x.count)
        var z = [Double](repeating: 0, count: x.count)
        let n = Int32(x.count)
        let ok = OCTTransformEx(handle, n, &x, &y, &z, &success)
        if ok == 0 || success.contains(0) {
            let bad = success.firstIndex(of: 0) ?? 0
            throw SeaIceError.invalidInput(
                file: "\(source.name) → \(target.name)", item: "point \(bad)",
                expected: "coordinates inside the domain of both reference systems")
        }
    }

    /// The transformed copy of `points`.
    public func transform(_ points: [GeoPoint]) throws -> [GeoPoint] {
        var x = points.map(\.x), y = points.map(\.y)
        try transform(x: &x, y: &y)
        return zip(x, y).map { GeoPoint(x: $0, y: $1) }
    }

    /// The transformed copy of a geometry (every ring of every polygon).
    public func transform(_ geometry: GeoMultiPolygon) throws -> GeoMultiPolygon {
        GeoMultiPolygon(polygons: try geometry.polygons.map { polygon in
            GeoPolygon(exterior: try transform(polygon.exterior),
                       interiors: try polygon.interiors.map { try transform($0) })
        })
    }
}
