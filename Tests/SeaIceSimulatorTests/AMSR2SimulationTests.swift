import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// The simulated AMSR2 (SIMULATED DATA): emission vs the real RRDP points, swaths, daily grid.
final class AMSR2SimulationTests: XCTestCase {
    func testSimulatedVsRealRRDPOnTheHeldOutHalf() throws {
        let c = AMSR2RRDPComparison(signatures: try PassiveMicrowaveFixture.loaded.signatures, seed: 1)
        XCTAssertGreaterThan(c.iceCount, 1000)
        XCTAssertGreaterThan(c.waterCount, 400)
        for row in c.ice + c.water {
            XCTAssertLessThanOrEqual(abs(row.meanDifference), 2, "\(row.channel) mean")
            XCTAssertLessThanOrEqual(abs(row.stdRatioError), 0.3, "\(row.channel) standard deviation")
        }
        XCTAssertGreaterThan(c.realSlope, 0, "real cloud liquid water raises GR(36.5V/18.7V) over water")
        XCTAssertLessThanOrEqual(abs(c.simulatedSlope - c.realSlope), 2 * c.slopeDifferenceError)
        XCTAssertEqual(
            c.simulatedSlope, c.fitHalfSlope, accuracy: c.fitHalfSlopeError,
            "the model reproduces the slope it was fitted on")
        XCTAssertTrue(c.passes(), c.markdown)
    }

    func testWeatherRaisesOpenWaterGradientRatiosAndLowers89GHzPolarisationDifference() throws {
        let m = try PassiveMicrowaveFixture.loaded.model
        let clear = m.openWater(tcwv: 5, tclw: 0, wind: 3, skt: 275)
        let cloudy = m.openWater(tcwv: 5, tclw: 0.3, wind: 3, skt: 275)
        let moist = m.openWater(tcwv: 20, tclw: 0, wind: 3, skt: 275)
        let windy = m.openWater(tcwv: 5, tclw: 0, wind: 12, skt: 275)
        func gr(_ tb: [Double], _ a: Int, _ b: Int) -> Double { (tb[a] - tb[b]) / (tb[a] + tb[b]) }
        XCTAssertGreaterThan(gr(cloudy, 11, 7), gr(clear, 11, 7), "cloud liquid water raises GR(36.5V/18.7V)")
        XCTAssertGreaterThan(gr(moist, 9, 7), gr(clear, 9, 7), "water vapour raises GR(23.8V/18.7V)")
        for weather in [cloudy, moist, windy] {
            XCTAssertLessThan(weather[13] - weather[12], clear[13] - clear[12], "89 GHz polarisation difference drops")
            XCTAssertGreaterThan(weather[7], clear[7], "18.7V rises")
        }
    }

    /// The seed-2 short swath, simulated once per run (debug builds are slow).
    static let cached = Result<SimulatedAMSR2Swath, Error> { try AMSR2SimulationTests.shortSwath(seed: 2) }

    static func shortSwath(seed: UInt64, minimumLatitude: Double = 81.5) throws -> SimulatedAMSR2Swath {
        let l = try PassiveMicrowaveFixture.loaded
        let s = AMSR2SwathSimulator(
            model: l.model, weather: try ArcticWeather(climatology: l.climatology, seed: seed),
            truth: l.truth, seed: seed)
        return s.simulate(
            node: AMSR2DaySimulator.nodes(of: PassiveMicrowaveFixture.day)[0], pass: .descending,
            minimumLatitude: minimumLatitude)
    }

    func testSwathIsDeterministicPerSeedAndHasTheConicalGeometry() throws {
        let a = try Self.cached.get()
        let b = try Self.shortSwath(seed: 2)
        let c = try Self.shortSwath(seed: 5)
        XCTAssertEqual(a.native, b.native)
        XCTAssertNotEqual(a.native[7], c.native[7])
        XCTAssertGreaterThan(a.scans, 15)
        // ≈ 10 km between scans and ≈ 1450 km across the swath.
        let polar = try AMSR2DailyGrid.grid.project(latitude: a.latitude, longitude: a.longitude)
        func km(_ i: Int, _ j: Int) -> Double { hypot(polar.x[i] - polar.x[j], polar.y[i] - polar.y[j]) / 1000 }
        let mid = a.scans / 2
        XCTAssertEqual(km(mid * 486 + 243, (mid + 1) * 486 + 243), 10, accuracy: 1)
        XCTAssertEqual(km(mid * 486, mid * 486 + 485), 1450, accuracy: 80)
        for c in AMSR2Channel.allCases {
            let v = a.native[c.rawValue]
            XCTAssertEqual(v.count, a.scans * SimulatedAMSR2Swath.samples(c))
            XCTAssertTrue(v.allSatisfy { $0 > 60 && $0 < 300 }, "\(c) TBs in 60…300 K (open water 6.9H is ≈ 82 K)")
        }
    }

    func testSwathFileReadsBackThroughAMSR2Reader() throws {
        let swath = try Self.cached.get()
        let dir = try TestPaths.temporaryDirectory("amsr2-swath")
        let url = try AMSR2SwathFile.write(swath, seed: 2, to: dir)
        XCTAssertTrue(url.lastPathComponent.hasSuffix("D_L1SGRTBR_SIM.nc"))
        let nc = try NetCDFFile.open(url)
        XCTAssertEqual(try nc.attribute(SimulationMarkers.name)?.text, "true")
        try nc.close()
        // A 3 × 3 grid of 2 km cells at a mid-swath low-frequency footprint.
        let k = (swath.scans / 2) * 486 + 240
        let lat0 = swath.latitude[k]
        let lon0 = swath.longitude[k]
        let grid = AuxiliaryGrid(lines: 3, samples: 3) { line, sample in
            (lat0 + (line - 1) * 0.018, lon0 + (sample - 1) * 0.018 / cos(lat0 * .pi / 180))
        }
        let fields = try AMSR2Reader(url: url).fields(on: grid, logger: Logger(label: "test"))
        XCTAssertEqual(fields.map(\.name), AMSR2Reader.channels.map(\.name))
        let expected = swath.resampled[.res06]![7]![(swath.scans / 2) * 243 + 120]
        XCTAssertEqual(fields[7].values[4], expected, accuracy: 3, "18.7V near the footprint")
    }

    func testDailyGridIsSaneWithFillWhereNoSwathFell() throws {
        let l = try PassiveMicrowaveFixture.loaded
        var grid = try AMSR2DailyGrid(date: PassiveMicrowaveFixture.day, truth: l.truth)
        try grid.add(try Self.cached.get())
        let filled = grid.tb[7].filter(\.isFinite)
        XCTAssertGreaterThan(filled.count, 50)
        XCTAssertLessThan(filled.count, grid.tb[7].count / 4)
        XCTAssertTrue(filled.allSatisfy { $0 > 150 && $0 < 290 })
        // Where the truth is ice the 36.5 GHz H TB is far above open water's.
        let ice = grid.tb[10].indices.filter {
            grid.tb[10][$0].isFinite && grid.truth[0][$0] > 0.97 && grid.truth[2][$0] == 0
        }
        XCTAssertFalse(ice.isEmpty)
        XCTAssertGreaterThan(ice.map { Double(grid.tb[10][$0]) }.reduce(0, +) / Double(ice.count), 200)
        let dir = try TestPaths.temporaryDirectory("amsr2-daily")
        let url = dir.appendingPathComponent(DailyTBGridFile.fileName(day: "2020-11-02"))
        try DailyTBGridFile.write(grid, seed: 3, to: url)
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        XCTAssertEqual(try nc.variable("TB_18V").dimensions, ["time", "y", "x"])
        XCTAssertEqual(try nc.variable("TB_18V").shape, [1, 448, 304])
        XCTAssertEqual(try nc.attribute("epsg_code", variable: "crs")?.text, "EPSG:3411")
        XCTAssertEqual(try nc.attribute("units", variable: "time")?.text, "days since 1970-01-01")
        let wkt = try XCTUnwrap(try nc.attribute("crs_wkt", variable: "crs")?.text)
        XCTAssertTrue(wkt.contains("Hughes 1980") && wkt.hasSuffix("AUTHORITY[\"EPSG\",\"3411\"]]"), wkt)
        XCTAssertEqual(try nc.attribute(SimulationMarkers.name)?.text, "true")
        let tb = try nc.read("TB_18V", as: Float.self)
        XCTAssertEqual(tb.filter { $0 == -999 }.count, grid.tb[7].count - filled.count)
        XCTAssertEqual(try nc.read("time", as: Double.self), [18_568])
        XCTAssertTrue(nc.hasVariable("truth_sea_ice_concentration"))
    }

    func testNSIDCGridCellsSitWhereTheRealGridSaysAndTruthIsPlausible() throws {
        let folder = try TestPaths.requireSharedData("nsidc-polarstereo/grids")
        let lats = try Data(contentsOf: folder.appendingPathComponent("psn25lats_v3.dat"))
        let lons = try Data(contentsOf: folder.appendingPathComponent("psn25lons_v3.dat"))
        func value(_ d: Data, _ k: Int) -> Double {
            Double(d.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(fromByteOffset: 4 * k, as: Int32.self)) })
                / 100_000
        }
        let centres = try AMSR2DailyGrid.grid.cellCentres()
        for (i, j) in [(0, 0), (100, 200), (224, 152), (447, 303), (300, 40)] {
            let k = i * 304 + j
            let p = (latitude: centres.latitude[k], longitude: centres.longitude[k])
            XCTAssertEqual(p.latitude, value(lats, k), accuracy: 0.01)
            var dl = p.longitude - value(lons, k)
            dl -= 360 * (dl / 360).rounded()
            XCTAssertEqual(dl, 0, accuracy: 0.01)
        }
        let truth = try PassiveMicrowaveFixture.loaded.truth
        let pole = truth.fractions(latitude: 87, longitude: -60, cellSize: 50_000)
        XCTAssertGreaterThan(pole.firstYear + pole.multiYear, 0.9)
        XCTAssertGreaterThan(pole.multiYear, pole.firstYear)
        XCTAssertEqual(truth.fractions(latitude: 75, longitude: -40, cellSize: 25_000).land, 1)  // Greenland
        XCTAssertEqual(truth.fractions(latitude: 45, longitude: -30, cellSize: 25_000).water, 1)  // Atlantic
        let edge = truth.fractions(latitude: 85, longitude: 40, cellSize: 200_000)
        XCTAssertEqual(edge.water + edge.firstYear + edge.multiYear + edge.land, 1, accuracy: 1e-9)
    }
}
