import Foundation
import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceGDAL

/// A real SIGRID-3 ice chart cropped, rotated and placed over a simulated scene.
///
/// The window is centred on a randomly chosen ice or water polygon of the chart, turned by a
/// random angle and rasterised with SeaIceCharts' `ChartRasterizer` (largest polygons first) onto
/// a grid of the scene's pixel spacing in the chart's own projected CRS (metres). Pixels the chart
/// does not cover (outside it, or "no data" polygons) are left to the procedural chart.
public struct RealChartPlacement: Sendable {
    /// The chart as read (CIS Lambert conformal conic, metres).
    public let chart: IceChart
    /// Its polygons as simulator polygons (ids not yet assigned), parallel to `chart.polygons`.
    let converted: [SimulatedPolygon?]

    /// Reads a GeoPackage or shapefile chart.
    public init(url: URL, logger: Logger) throws {
        chart = try IceChart.read(url: url, logger: logger)
        converted = chart.polygons.map { Self.polygon($0.code) }
        guard converted.contains(where: { $0 != nil }) else {
            throw SeaIceError.invalidInput(file: url.path, item: "polygons", expected: "at least one ice, water or land polygon")
        }
    }

    /// The simulator polygon of an egg code (id 0), nil for "no data" polygons.
    static func polygon(_ c: EggCode) -> SimulatedPolygon? {
        let kind: SimulatedPolygon.Kind
        switch c.polygonType {
        case .ice: kind = .ice
        case .water: kind = .water
        case .land, .iceShelf: kind = .land
        case .noData: return nil
        }
        func v(_ x: Int?) -> Int { x ?? -9 }
        return SimulatedPolygon(id: 0, kind: kind, ct: v(c.ct), ca: v(c.ca), sa: v(c.sa), fa: v(c.fa),
                                cb: v(c.cb), sb: v(c.sb), fb: v(c.fb), cc: v(c.cc), sc: v(c.sc), fc: v(c.fc))
    }

    /// The polygons of a placed window: per pixel an index into `polygons` (−1 where the chart has nothing).
    public struct Window: Sendable {
        /// Row-major `lines × samples` indices into `polygons`, −1 uncovered.
        public var index: [Int32]
        /// The chart polygons present in the window (ids 0; the caller numbers them).
        public var polygons: [SimulatedPolygon]
        /// Centre (chart CRS, m) and rotation (degrees) of the window.
        public var centre: (x: Double, y: Double), rotationDegrees: Double
    }

    /// Places a `lines × samples` window of `pixelMetres` pixels at a random position and angle.
    public func place(lines: Int, samples: Int, pixelMetres: Double, generator g: inout SeededGenerator) throws -> Window {
        let candidates = converted.indices.filter { converted[$0].map { $0.kind != .land } ?? false }
        let pick = candidates[Int(g.next() % UInt64(candidates.count))]
        let b = chart.polygons[pick].geometry.bounds ?? (0, 0, 0, 0)
        let cx = 0.5 * (b.minX + b.maxX), cy = 0.5 * (b.minY + b.maxY)
        let theta = g.nextUnitDouble() * 2 * Double.pi
        let a = pixelMetres, cs = cos(theta), sn = sin(theta)
        // x = x0 + c·a·cosθ + r·a·sinθ, y = y0 + c·a·sinθ − r·a·cosθ; the grid centre lands on (cx, cy).
        let hc = Double(samples) / 2, hr = Double(lines) / 2
        let x0 = cx - hc * a * cs - hr * a * sn, y0 = cy - hc * a * sn + hr * a * cs
        let grid = RegularGrid(width: samples, height: lines, geoTransform: [x0, a * cs, a * sn, y0, a * sn, -a * cs], crs: chart.crsWKT)
        let rasters = try ChartRasterizer().rasterize(chart, onto: .regular(grid))
        var remap = [Int32: Int32](), polygons: [SimulatedPolygon] = []
        let index = rasters.polygonIndex.map { k -> Int32 in
            guard k >= 0, let p = converted[Int(k)] else { return -1 }
            if let r = remap[k] { return r }
            let r = Int32(polygons.count)
            remap[k] = r
            polygons.append(p)
            return r
        }
        return Window(index: index, polygons: polygons, centre: (cx, cy), rotationDegrees: theta * 180 / Double.pi)
    }
}

#if canImport(Glibc)
import Glibc
#endif
