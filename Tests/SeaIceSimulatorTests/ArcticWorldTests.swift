import Foundation
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// The simulated world: anchored to the real map, deterministic per position, consistent across
/// resolutions and days, plausible in geography and season. SIMULATED data throughout.
final class ArcticWorldTests: XCTestCase {
    func testBaseMapIsTheRealMapOnEPSG3413() throws {
        let base = try WorldFixture.base
        XCTAssertEqual(base.concentration.count, 304 * 448)
        let landShare = Double(base.land.reduce(0, +)) / Double(base.land.count)
        XCTAssertEqual(landShare, 0.5, accuracy: 0.1, "the NSIDC grid is about half land")
        XCTAssertTrue(base.poleHole.contains(true))
        let world = try WorldFixture.world("1978-11-01")
        // The pole (filled from the surrounding pack) and the central Arctic are ice; the Norwegian Sea is water.
        XCTAssertGreaterThan(world.composition(x: 0, y: 0).concentration, 0.9)
        let norwegian = try WorldFixture.polar(world, lon: 5, lat: 67)
        XCTAssertLessThan(world.composition(x: norwegian.x, y: norwegian.y).concentration, 0.05)
    }

    func testSameSeedSameWorldAndOtherSeedsDiffer() throws {
        let window = WorldWindow(xMin: 200_000, yMax: 600_000, spacing: 100, columns: 120, rows: 100)
        let a = try WorldFixture.world(seed: 5).render(window), b = try WorldFixture.world(seed: 5).render(window)
        let c = try WorldFixture.world(seed: 6).render(window)
        XCTAssertEqual(a.surfaceClass, b.surfaceClass)
        XCTAssertEqual(a.concentration.map(\.bitPattern), b.concentration.map(\.bitPattern))
        XCTAssertNotEqual(a.surfaceClass, c.surfaceClass)
        XCTAssertGreaterThan(Set(a.surfaceClass).count, 1, "floes and leads give more than one class")
    }

    func testOverlappingWindowsAgreePixelForPixel() throws {
        let world = try WorldFixture.world()
        let a = world.render(WorldWindow(xMin: 300_000, yMax: 500_000, spacing: 40, columns: 150, rows: 120))
        let b = world.render(WorldWindow(xMin: 300_000 + 40 * 50, yMax: 500_000 - 40 * 30, spacing: 40, columns: 150, rows: 120))
        var same = 0, total = 0
        for i in 30..<120 {
            for j in 50..<150 {
                total += 1
                if a.surfaceClass[i * 150 + j] == b.surfaceClass[(i - 30) * 150 + j - 50] { same += 1 }
            }
        }
        // Node interpolation of the smooth composition differs in the last bits only.
        XCTAssertGreaterThan(Double(same) / Double(total), 0.995)
    }

    func testTwoResolutionsAgreeAfterAveraging() throws {
        let world = try WorldFixture.world("2021-04-10")
        // A marginal region: Fram Strait / East Greenland.
        let p = try WorldFixture.polar(world, lon: -8, lat: 77)
        let fine = world.render(WorldWindow(xMin: p.x - 10_000, yMax: p.y + 10_000, spacing: 50, columns: 400, rows: 400))
        let coarse = world.render(WorldWindow(xMin: p.x - 10_000, yMax: p.y + 10_000, spacing: 500, columns: 40, rows: 40),
                                  subsamples: 4)
        func mean(_ v: [Float]) -> Double { let f = v.filter { !$0.isNaN }; return f.reduce(0) { $0 + Double($1) } / Double(max(f.count, 1)) }
        XCTAssertEqual(mean(fine.concentration), mean(coarse.concentration), accuracy: 0.05)
        // Block means of the fine render against the coarse pixels.
        var diff = 0.0, m = 0
        for a in 0..<40 {
            for b in 0..<40 {
                var s = 0.0, k = 0
                for i in (a * 10)..<(a * 10 + 10) { for j in (b * 10)..<(b * 10 + 10) where !fine.concentration[i * 400 + j].isNaN {
                    s += Double(fine.concentration[i * 400 + j]); k += 1 } }
                let c = coarse.concentration[a * 40 + b]
                if k > 50 && !c.isNaN { diff += abs(s / Double(k) - Double(c)); m += 1 }
            }
        }
        XCTAssertGreaterThan(m, 100)
        XCTAssertLessThan(diff / Double(m), 0.3, "block concentrations agree (floe-scale noise only)")
    }

    func testConsecutiveDaysCorrelate() throws {
        let window = WorldWindow.panArctic(spacing: 100_000)
        func field(_ date: String) throws -> [Double] {
            let w = try WorldFixture.world(date)
            return window.yCentres.flatMap { y in window.xCentres.map { x in w.composition(x: x, y: y).concentration } }
        }
        let d0 = try field("2021-11-15"), d1 = try field("2021-11-16"), summer = try field("2021-08-20")
        XCTAssertGreaterThan(correlation(d0, d1), 0.97)
        XCTAssertLessThan(correlation(d0, summer), correlation(d0, d1))
        // Fine features move with the drift: a 4 km window at 100 m still matches its neighbour day far above chance.
        let w0 = try WorldFixture.world("2021-11-15"), w1 = try WorldFixture.world("2021-11-16")
        // A marginal-ice-zone place (40–80 % ice, no land) of the first day.
        var p = (x: 0.0, y: 0.0)
        search: for y in window.yCentres { for x in window.xCentres {
            let c = w0.composition(x: x, y: y)
            if c.concentration > 0.4 && c.concentration < 0.8 && c.fractions[10] == 0 { p = (x, y); break search }
        } }
        XCTAssertNotEqual(p.x, 0)
        // The ice moved by one day of drift: the previous day's window at the place whose drifted
        // coordinates match today's (found by fixed-point iteration) matches far better than the same place.
        let target = w1.composition(x: p.x, y: p.y)
        var q = p
        for _ in 0..<8 {
            let c = w0.composition(x: q.x, y: q.y)
            q = (q.x + 1000 * (target.driftedX - c.driftedX), q.y + 1000 * (target.driftedY - c.driftedY))
        }
        let v = w0.driftVelocity(x: p.x, y: p.y)
        XCTAssertEqual(hypot(q.x - p.x, q.y - p.y) / 1000, hypot(v.u, v.v), accuracy: 3, "about one day of drift, km")
        func box(_ x: Double, _ y: Double) -> WorldWindow { WorldWindow(xMin: x, yMax: y, spacing: 1000, columns: 40, rows: 40) }
        let today = w1.render(box(p.x, p.y), subsamples: 3).concentration.map(Double.init)
        let moved = w0.render(box(q.x, q.y), subsamples: 3).concentration.map(Double.init)
        let still = w0.render(box(p.x, p.y), subsamples: 3).concentration.map(Double.init)
        XCTAssertGreaterThan(correlation(today, moved), 0.5)
        XCTAssertGreaterThan(correlation(today, moved), correlation(today, still))
    }

    func testGeographyAndSeason() throws {
        let march = try WorldFixture.world("2021-03-15"), september = try WorldFixture.world("2021-09-15")
        let november = try WorldFixture.world("2021-11-10")
        // Multi-year ice north of Greenland and the Canadian Archipelago, first-year ice in the Laptev Sea.
        let lincoln = try WorldFixture.polar(march, lon: -60, lat: 85)
        let f = march.composition(x: lincoln.x, y: lincoln.y).fractions
        XCTAssertGreaterThan(f[7...9].reduce(0, +), 0.5)
        let laptev = try WorldFixture.polar(march, lon: 125, lat: 76)
        let g = march.composition(x: laptev.x, y: laptev.y).fractions
        XCTAssertGreaterThan(g[1...6].reduce(0, +), 0.7)
        XCTAssertGreaterThan(g[6] + g[5], g[1] + g[2], "March: thick and medium first-year dominate")
        // Extent: March > November > September.
        func extent(_ w: ArcticWorld) -> Double {
            let window = WorldWindow.panArctic(spacing: 100_000)
            return window.yCentres.flatMap { y in window.xCentres.map { x in w.composition(x: x, y: y).concentration } }
                .filter { $0 > 0.15 }.reduce(0) { a, _ in a + 10_000 }
        }
        XCTAssertGreaterThan(extent(march), extent(november))
        XCTAssertGreaterThan(extent(november), extent(september))
        // Freeze-up: new and grey ice somewhere at the edge in November.
        let window = WorldWindow.panArctic(spacing: 100_000)
        let young = window.yCentres.flatMap { y in window.xCentres.map { x in november.composition(x: x, y: y).fractions[1...2].reduce(0, +) } }
        XCTAssertGreaterThan(young.max()!, 0.2)
    }

    func testSurfaceTruthFractions() throws {
        let world = try WorldFixture.world()
        let truth: SurfaceTruth = world
        for (lat, lon) in [(85.0, -60.0), (76.0, 125.0), (70.0, 5.0), (89.9, 0.0), (72.0, -40.0)] {
            for cell in [1000.0, 25_000] {
                let f = truth.fractions(latitude: lat, longitude: lon, cellSize: cell)
                XCTAssertEqual(f.water + f.firstYear + f.multiYear + f.land, 1, accuracy: 1e-6, "\(lat) \(lon) \(cell)")
                for v in [f.water, f.firstYear, f.multiYear, f.land] { XCTAssert((0...1).contains(v)) }
            }
        }
        XCTAssertGreaterThan(truth.fractions(latitude: 72, longitude: -40, cellSize: 25_000).land, 0.9, "inland Greenland")
    }

    /// The coarse sensors read the composition from the 5 km lattice: close to the exact mean composition
    /// everywhere (ice edge, coast, pack), and a batch of points gives what the points give one by one.
    func testLatticeFollowsTheComposition() throws {
        let world = try WorldFixture.world()
        var latitudes: [Double] = [], longitudes: [Double] = []
        for lat in stride(from: 62.0, through: 89.0, by: 0.9) {
            for lon in stride(from: -180.0, to: 180.0, by: 7.3) { latitudes.append(lat); longitudes.append(lon) }
        }
        let cell = 30_000.0
        let batch = world.fractions(latitude: latitudes, longitude: longitudes, cellSize: cell)
        let points = try world.polar(longitude: longitudes, latitude: latitudes)
        var worst = 0.0, sum = 0.0, mixed = 0
        for (k, p) in points.enumerated() {
            let exact = world.meanComposition(x: p.x, y: p.y, cellSize: cell).fractions
            let e = [exact[0], exact[1...6].reduce(0, +), exact[7...9].reduce(0, +), exact[10]]
            let b = batch[k]
            let d = zip(e, [b.water, b.firstYear, b.multiYear, b.land]).map { abs($0 - $1) }.max()!
            worst = max(worst, d); sum += d
            if exact[0] > 0.05 && exact[0] < 0.95 { mixed += 1 }
        }
        print("lattice vs exact composition, \(points.count) points (\(mixed) mixed): max |Δ| \(worst), mean \(sum / Double(points.count))")
        XCTAssertGreaterThan(mixed, 50, "the sample must reach the ice edge and the coasts")
        XCTAssertLessThan(worst, 0.05)
        XCTAssertLessThan(sum / Double(points.count), 0.005)
        for k in stride(from: 0, to: latitudes.count, by: 97) {
            XCTAssertEqual(world.fractions(latitude: latitudes[k], longitude: longitudes[k], cellSize: cell), batch[k])
            let small = world.fractions(latitude: [latitudes[k]], longitude: [longitudes[k]], cellSize: 3000)[0]
            XCTAssertEqual(small, world.fractions(latitude: latitudes[k], longitude: longitudes[k], cellSize: 3000))
        }
    }

    func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let pairs = zip(a, b).filter { !$0.0.isNaN && !$0.1.isNaN }
        let n = Double(pairs.count)
        let ma = pairs.reduce(0) { $0 + $1.0 } / n, mb = pairs.reduce(0) { $0 + $1.1 } / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in pairs { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return sab / max((saa * sbb).squareRoot(), 1e-12)
    }
}
