import Foundation
import SeaIceCore
import SeaIceNetCDF
import SeaIcePassiveMicrowave
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Statistics of simulated scenes (SIMULATED DATA): backscatter per class, AMSR2 against the chart.
final class SceneSimulatorTests: XCTestCase {
    /// Mean σ⁰ in dB of linear values, after removing the table's incidence slope (back to 35°).
    private func meanDB(_ db: [Float], _ incidence: [Float], indices: [Int], slope: Double) -> Double {
        var s = 0.0
        for k in indices { s += pow(10, (Double(db[k]) - slope * (Double(incidence[k]) - 35)) / 10) }
        return 10 * log10(s / Double(indices.count))
    }

    func testBackscatterMeansPerSurfaceAreInsideTheConfiguredRanges() throws {
        let table = BackscatterTable()
        var checked = Set<SurfaceKind>()
        for seed: UInt64 in [3, 4, 5, 6] {
            let scene = try SimulatorFixture.simulator.simulate(config: SimulatorFixture.config(), seed: seed)
            for kind in SurfaceKind.allCases where kind != .water {
                let idx = scene.surface.indices.filter { scene.surface[$0] == kind.rawValue }
                guard idx.count >= 200, let sig = table.signature(kind) else { continue }
                checked.insert(kind)
                let hh = meanDB(scene.trueHHDB, scene.incidence, indices: idx, slope: sig.hhSlope.at(0.5))
                let hv = meanDB(scene.trueHVDB, scene.incidence, indices: idx, slope: table.hvSlope)
                XCTAssertTrue(sig.hh.contains(hh, tolerance: 0.5), "seed \(seed) \(kind): HH mean \(hh) dB outside \(sig.hh)")
                XCTAssertTrue(sig.hv.contains(hv, tolerance: 0.5), "seed \(seed) \(kind): HV mean \(hv) dB outside \(sig.hv)")
            }
            // Open water: HH between the calm and the rough ranges.
            let water = scene.surface.indices.filter { scene.surface[$0] == SurfaceKind.water.rawValue }
            if water.count >= 200 {
                let hh = meanDB(scene.trueHHDB, scene.incidence, indices: water, slope: -0.8)
                XCTAssertTrue(DecibelRange(table.calmWaterHH.low, table.roughWaterHH.high).contains(hh, tolerance: 1), "seed \(seed) water HH \(hh)")
            }
        }
        XCTAssertGreaterThanOrEqual(checked.count, 3, "too few ice types simulated to test: \(checked)")
    }

    func testSpeckleHasTheConfiguredLooks() throws {
        // ENL = mean² / variance of linear intensity over a homogeneous surface: new ice has no
        // per-floe variation when its floe code is −9 (continuous sheet), so use a flat table.
        var config = SimulatorFixture.config(size: 128, spacing: 40)
        config.textureDB = 0
        config.enl = 10.7
        config.backscatter.thinMediumFirstYear.hh = DecibelRange(-17, -17)
        config.backscatter.thickFirstYear.hh = DecibelRange(-13, -13)
        let scene = try SimulatorFixture.simulator.simulate(config: config, seed: 11)
        for kind in [SurfaceKind.thinMediumFirstYear, .thickFirstYear] {
            let idx = scene.surface.indices.filter { scene.surface[$0] == kind.rawValue }
            guard idx.count > 2000 else { continue }
            // Remove the incidence slope so the surface is homogeneous.
            let x = idx.map { pow(10, (Double(scene.trueHHDB[$0]) + 0.2 * (Double(scene.incidence[$0]) - 35)) / 10) }
            let m = x.reduce(0, +) / Double(x.count)
            let v = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
            XCTAssertEqual(m * m / v, 10.7, accuracy: 1.5, "\(kind) ENL")
        }
    }

    func testSimulatedAMSR2NASATeamCorrelatesWithChartSIC() throws {
        // Procedural charts: they span ice edges, so the scenes hold every concentration.
        var config = SimulatorFixture.config(size: 250)
        config.realChartFraction = 0
        var nt: [Double] = [], chart: [Double] = []
        for seed: UInt64 in [21, 22, 23] {
            let s = try SimulatorFixture.simulator.simulate(config: config, seed: seed)
            let c = s.coarse
            // Chart SIC per cell: mean total concentration (CT) of the polygons of its pixels.
            var sum = [Double](repeating: 0, count: c.lines * c.samples), count = sum, land = sum
            for i in 0..<s.lines {
                for j in 0..<s.samples {
                    let (a, b) = c.cell(line: i, sample: j)
                    let p = s.polygons[Int(s.polygonIndex[i * s.samples + j])]
                    if p.kind == .land { land[a * c.samples + b] += 1; continue }
                    sum[a * c.samples + b] += p.kind == .ice ? SimulatedPolygon.fraction(ofConcentration: p.ct) : 0
                    count[a * c.samples + b] += 1
                }
            }
            for k in 0..<(c.lines * c.samples) where land[k] == 0 && count[k] > 0 {
                chart.append(sum[k] / count[k])
                nt.append(NASATeam.concentration(h19: s.amsr2[AMSR2Channel.h18_7.rawValue][k], v19: s.amsr2[AMSR2Channel.v18_7.rawValue][k],
                                                 v37: s.amsr2[AMSR2Channel.v36_5.rawValue][k]))
            }
        }
        let r = correlation(nt, chart)
        XCTAssertGreaterThan(standardDeviation(chart), 0.1, "scenes too uniform to test the correlation")
        XCTAssertGreaterThan(r, 0.8, "NASA Team vs chart SIC correlation \(r) over \(nt.count) cells")
    }

    func testNASATeamOnTheRealSignaturesGivesIceAndWater() throws {
        // The RRDP points themselves: ~1 over 100 % ice, ~0 over open water (checks the NT code and the signatures).
        let sig = try SimulatorFixture.resources.signatures
        func mean(_ pts: [MicrowavePoint]) -> Double {
            pts.map { NASATeam.concentration(h19: $0.tb[6], v19: $0.tb[7], v37: $0.tb[11]) }.reduce(0, +) / Double(pts.count)
        }
        XCTAssertGreaterThan(mean(sig.ice), 0.9)
        XCTAssertLessThan(mean(sig.water), 0.15)
    }

    func testRealChartIsPlacedOverTheScene() throws {
        var config = SimulatorFixture.config(size: 200)
        config.realChartFraction = 1
        let gpkg = try SimulatorFixture.resources.charts[0]
        var g = SeededGenerator(seed: 5)
        let window = try gpkg.place(lines: 200, samples: 200, pixelMetres: 400, generator: &g)
        let covered = window.index.filter { $0 >= 0 }.count
        XCTAssertGreaterThan(covered, 200 * 200 / 4, "the window should be centred on chart polygons")
        XCTAssertFalse(window.polygons.isEmpty)
        XCTAssertEqual(Set(window.index.filter { $0 >= 0 }).count, window.polygons.count)
        // A scene with a real chart: its polygons' codes come from the chart, every id is used.
        let scene = try SimulatorFixture.simulator.simulate(config: config, seed: 5)
        XCTAssertEqual(Set(scene.polygonIndex).count, scene.polygons.count)
        XCTAssertEqual(scene.polygons.map(\.id), Array(1...scene.polygons.count))
    }

    func testBadConfigurationsThrow() {
        var c = SimulatorFixture.config()
        c.pixelSpacing = 300
        XCTAssertThrowsError(try SimulatorFixture.simulator.simulate(config: c, seed: 1))
        c = SimulatorFixture.config()
        c.month = 13
        XCTAssertThrowsError(try SimulatorFixture.simulator.simulate(config: c, seed: 1))
        c = SimulatorFixture.config()
        c.template = 7
        XCTAssertThrowsError(try SimulatorFixture.simulator.simulate(config: c, seed: 1))
    }

    private func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for k in a.indices { sab += (a[k] - ma) * (b[k] - mb); saa += (a[k] - ma) * (a[k] - ma); sbb += (b[k] - mb) * (b[k] - mb) }
        return sab / (saa * sbb).squareRoot()
    }

    private func standardDeviation(_ a: [Double]) -> Double {
        let m = a.reduce(0, +) / Double(a.count)
        return (a.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(a.count)).squareRoot()
    }
}
