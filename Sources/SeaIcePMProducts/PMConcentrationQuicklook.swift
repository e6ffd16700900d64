import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceGDAL
import SeaIcePolarGrids
import SeaIceQuicklook

/// The PNG map of a daily PM product: concentration from dark blue (0 %) to white (100 %), other statuses in
/// their `PMStatusFlag.table` colours, coastlines (Natural Earth 1:10 m country outlines,
/// `../shared/data/landmask/natural-earth/ne_10m_admin_0_countries_deu.zip`, projected through PROJ onto the
/// grid; national borders show too), a title with the day, grid, algorithm and "SIMULATED" when it is.
/// The map is about 896 pixels tall whatever the grid (nearest neighbour).
public struct PMConcentrationQuicklook: Sendable {
    /// The Natural Earth countries zip, nil for no coastlines.
    public var coastlines: URL?

    /// A renderer.
    public init(coastlines: URL?) { self.coastlines = coastlines }

    /// The map height in pixels.
    static let mapHeight = 896

    /// The colour of concentration `c` (fraction).
    static func colour(_ c: Float) -> RGB {
        let t = Double(min(max(c, 0), 1))
        return RGB(UInt8(10 + 245 * t), UInt8(40 + 215 * t), UInt8(120 + 135 * t))
    }

    /// The picture.
    public func render(_ p: PMDailyConcentration) throws -> Canvas {
        let g = p.grid
        let scale = Double(Self.mapHeight) / Double(g.height)
        let w = Int((Double(g.width) * scale).rounded()), h = Self.mapHeight
        var image = RGBImage(width: w, height: h)
        for r in 0..<h {
            let gr = min(g.height - 1, Int(Double(r) / scale))
            for c in 0..<w {
                let i = gr * g.width + min(g.width - 1, Int(Double(c) / scale))
                let s = p.status[i]
                let isValue = s == PMStatusFlag.nominal.rawValue || s == PMStatusFlag.weatherFiltered.rawValue
                image.set(x: c, y: r, isValue ? Self.colour(p.concentration[i]) : PMStatusFlag.table.color(s))
            }
        }
        let top = 40.0
        let canvas = Canvas(width: w + 20, height: h + Int(top) + 60)
        canvas.draw(image, x: 10, y: top)
        if let coastlines {
            for line in try Self.coastlines(coastlines, grid: g) {
                let points = line.map { (10 + ($0.x - PolarStereographicGrid.minX) / g.cellSize * scale,
                                         top + (PolarStereographicGrid.maxY - $0.y) / g.cellSize * scale) }
                canvas.strokePath(points, RGB(gray: 30), lineWidth: 0.8)
            }
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        canvas.text("\(p.simulated ? "SIMULATED " : "")sea ice concentration \(f.string(from: p.day)) — \(p.algorithm), "
                    + "\(g.name) EPSG:\(g.epsg)", x: 10, y: 10, size: TextStyle.title, bold: true)
        var x = 10.0
        for (label, colour) in [("0 %", Self.colour(0)), ("50 %", Self.colour(0.5)), ("100 %", Self.colour(1))]
            + PMStatusFlag.table.entries.dropFirst().map({ ($0.legend, $0.color) }) {
            canvas.fillRect(x: x, y: top + Double(h) + 15, width: 14, height: 14, colour)
            x += 18 + canvas.text(label, x: x + 18, y: top + Double(h) + 14, size: TextStyle.small).width + 12
            if x > Double(w) - 60 { break }
        }
        return canvas
    }

    /// Country outlines north of 25° N as polylines in the grid's CRS (metres); split where PROJ fails.
    static func coastlines(_ zip: URL, grid: PolarStereographicGrid) throws -> [[GeoPoint]] {
        let layer = try OGRVectorDataset(zipArchive: zip, member: "ne_10m_admin_0_countries_deu.shp").layer()
        var rings: [[GeoPoint]] = []
        for feature in layer.readFeatures() {
            for polygon in feature.geometry?.polygons ?? [] {
                for ring in [polygon.exterior] + polygon.interiors where ring.contains(where: { $0.y > 25 }) {
                    rings.append(ring)
                }
            }
        }
        var x = rings.flatMap { $0.map(\.x) }, y = rings.flatMap { $0.map(\.y) }
        for i in x.indices where y[i] < 25 { x[i] = .nan }
        (x, y) = try grid.project(latitude: y, longitude: x, threads: 2)
        var out: [[GeoPoint]] = [], k = 0
        for ring in rings {
            var line: [GeoPoint] = []
            for _ in ring {
                if x[k].isFinite && y[k].isFinite { line.append(GeoPoint(x: x[k], y: y[k])) } else {
                    if line.count > 1 { out.append(line) }
                    line = []
                }
                k += 1
            }
            if line.count > 1 { out.append(line) }
        }
        return out
    }
}
