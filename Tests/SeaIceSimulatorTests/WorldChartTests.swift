import Foundation
import Logging
import SeaIceCharts
import SeaIceGDAL
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Charts of the world: written as SIGRID-3 GeoPackages that SeaIceCharts reads back, with CT within one
/// tenth of the true mean concentration of each polygon. SIMULATED data.
final class WorldChartTests: XCTestCase {
    func testChartReadsBackAndMatchesTheTruth() throws {
        let world = try WorldFixture.world("2021-04-10")
        let p = try WorldFixture.polar(world, lon: -5, lat: 78)  // Fram Strait: pack, edge and open water
        let chart = WorldChart(world: world, xMin: p.x - 100_000, xMax: p.x + 100_000, yMin: p.y - 100_000, yMax: p.y + 100_000,
                               cellSize: 40_000, confusion: 0.1)
        let url = try TestPaths.temporaryDirectory("worldchart").appendingPathComponent("chart.gpkg")
        try chart.writeGeoPackage(to: url)
        let read = try IceChart.read(url: url, logger: Logger(label: "test"))
        let written = chart.polygons.enumerated().filter { $0.element.kind != .land }
        XCTAssertEqual(read.polygons.count, written.count)
        XCTAssertTrue(try read.spatialReference().isSame(as: SpatialReference(epsg: 3413)))
        XCTAssertTrue(Set(read.polygons.map(\.code.polygonType)).isSuperset(of: [.ice]))
        // True mean concentration per polygon from the rendered world (2 km pixels, 3 × 3 sub-samples).
        let bx = chart.rings.flatMap { $0 }.map(\.x), by = chart.rings.flatMap { $0 }.map(\.y)
        let window = WorldWindow(xMin: bx.min()!, yMax: by.max()!, spacing: 2000,
                                 columns: Int((bx.max()! - bx.min()!) / 2000), rows: Int((by.max()! - by.min()!) / 2000))
        let raster = world.render(window, subsamples: 3)
        var sum = [Double](repeating: 0, count: chart.polygons.count), count = sum
        let xs = window.xCentres, ys = window.yCentres
        for r in 0..<window.rows {
            for c in 0..<window.columns {
                let v = raster.concentration[r * window.columns + c]
                guard !v.isNaN, let k = chart.polygonIndex(x: xs[c], y: ys[r]) else { continue }
                sum[k] += Double(v); count[k] += 1
            }
        }
        var checked = 0
        for (readPolygon, (k, polygon)) in zip(read.polygons, written) where count[k] > 50 {
            XCTAssertEqual(readPolygon.code.ct, polygon.ct < 0 ? nil : polygon.ct)
            let ct = SimulatedPolygon.fraction(ofConcentration: readPolygon.code.ct ?? 0)
            XCTAssertEqual(ct, sum[k] / count[k], accuracy: 0.1, "polygon \(k + 1) \(polygon.codesRow)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }

    func testEggCodesRoundToTenthsWithStagesThickestFirst() {
        var f = [Double](repeating: 0, count: 11)
        f[0] = 0.23; f[9] = 0.4; f[6] = 0.3; f[2] = 0.07
        let p = WorldChart.eggCode(id: 1, fractions: f, confused: [0, 0, 0])
        XCTAssertEqual(p.kind, .ice)
        XCTAssertEqual(p.ct, 80)
        XCTAssertEqual([p.sa, p.sb, p.sc], [97, 93, 84])
        XCTAssertEqual(p.ca + p.cb + p.cc, 80)
    }
}
