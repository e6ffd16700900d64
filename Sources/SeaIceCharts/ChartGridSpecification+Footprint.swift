import Foundation
import SeaIceCore
import SeaIceGDAL

/// Named north-polar grids: a family prefix and a resolution in km, e.g. `nsidc-ps-north-6.25km`.
///
/// | family | CRS | grid |
/// |---|---|---|
/// | `nsidc-ps-north` | EPSG:3413 | NSIDC Sea Ice Polar Stereographic North (WGS 84), cells on the NSIDC grids |
/// | `ease2-north` | EPSG:6931 | EASE-Grid 2.0 North (Lambert azimuthal equal area), cells aligned to the EASE2 grids |
///
/// Both official grids have edges on multiples of their cell size from the projection origin
/// (NSIDC: x −3 850 000…3 750 000 m, y −5 350 000…5 850 000 m; EASE2: ±9 000 000 m), so a box snapped
/// outwards to multiples of the resolution (`ChartGridSpecification.resolve(covering:)`) is a window of them.
public struct NamedGrid: Equatable, Sendable {
    /// The EPSG code of the CRS.
    public var epsg: Int
    /// Cell size, metres.
    public var resolution: Double

    /// The families, prefix → EPSG code.
    public static let families: [(prefix: String, epsg: Int)] = [("nsidc-ps-north", 3413), ("ease2-north", 6931)]

    /// The accepted forms, for messages.
    public static var forms: String { families.map { "\($0.prefix)-RESkm" }.joined(separator: ", ") }

    /// Parses `<family>-<RES>km` (case-insensitive), nil for any other text.
    public init?(parsing text: String) {
        let t = text.lowercased()
        for family in Self.families where t.hasPrefix(family.prefix + "-") && t.hasSuffix("km") {
            let number = t.dropFirst(family.prefix.count + 1).dropLast(2)
            guard let km = Double(number), km > 0 else { return nil }
            self.epsg = family.epsg
            self.resolution = km * 1000
            return
        }
        return nil
    }
}

extension ChartGridSpecification {
    /// The north-up grid covering `points` (longitude/latitude, degrees, e.g. a scene's tie points) for
    /// `EPSG:CODE:RES` and named grids: the points' bounding box in the CRS, snapped outwards to
    /// multiples of the resolution (so grids of different scenes share cells); a given box or grid is
    /// used as it is.
    /// - Throws: `SeaIceError.configuration` for `chart:RES` and tie-point grids (no map grid without a
    ///   chart), or when the points cannot be transformed.
    public func resolve(covering points: [GeoPoint]) throws -> RegularGrid {
        switch self {
        case let .grid(.regular(grid)):
            return grid
        case .grid(.tiePoints), .chartExtent:
            throw SeaIceError.configuration(
                "a product grid needs a map grid: EPSG:CODE:RES, EPSG:CODE:XMIN,YMIN,XMAX,YMAX:RES, "
                    + "\(NamedGrid.forms) or a {\"regular\": …} document")
        case let .crs(definition, box?, resolution):
            return try RegularGrid(
                crs: definition, minX: box[0], minY: box[1], maxX: box[2], maxY: box[3], resolution: resolution)
        case let .crs(definition, nil, resolution):
            precondition(!points.isEmpty, "a footprint of at least one point")
            let projected = try CoordinateTransform(
                from: SpatialReference.wgs84(), to: try SpatialReference(definition: definition)
            ).transform(points)
            func snap(_ v: Double, _ rule: FloatingPointRoundingRule) -> Double {
                (v / resolution).rounded(rule) * resolution
            }
            let xs = projected.map(\.x), ys = projected.map(\.y)
            var maxX = snap(xs.max()!, .up), maxY = snap(ys.max()!, .up)
            let minX = snap(xs.min()!, .down), minY = snap(ys.min()!, .down)
            if maxX == minX { maxX += resolution }
            if maxY == minY { maxY += resolution }
            return try RegularGrid(
                crs: definition, minX: minX, minY: minY, maxX: maxX, maxY: maxY, resolution: resolution)
        }
    }
}
