import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// The simulated ERA5-like weather (SIMULATED): determinism, persistence, real marginals, the ERA5 file.
final class ArcticWeatherTests: XCTestCase {
    /// 200 places from 62° N to 88.6° N all round the Arctic.
    func places() -> [(Double, Double)] {
        (0..<200).map { (k: Int) -> (Double, Double) in
            let lat: Double = 62 + Double(k % 20) * 1.4
            let lon: Double = -180 + Double(k / 20) * 36 + Double(k % 7)
            return (lat, lon)
        }
    }

    func testSameSeedSameWeatherOtherSeedOther() throws {
        let c = try PassiveMicrowaveFixture.loaded.climatology
        let a = try ArcticWeather(climatology: c, seed: 7)
        let b = try ArcticWeather(climatology: c, seed: 7)
        let o = try ArcticWeather(climatology: c, seed: 8)
        let t = PassiveMicrowaveFixture.day
        XCTAssertEqual(a.sample(latitude: 78, longitude: 20, time: t), b.sample(latitude: 78, longitude: 20, time: t))
        XCTAssertNotEqual(
            a.sample(latitude: 78, longitude: 20, time: t), o.sample(latitude: 78, longitude: 20, time: t))
        let wind = a.wind(at: t)(78, 20)
        let s = a.sample(latitude: 78, longitude: 20, time: t)
        XCTAssertEqual(wind.u, s.u10)
        XCTAssertEqual(wind.v, s.v10)
        // The pole is no singularity: nearby longitudes at 89.99° N give nearly the same vector.
        let p1 = a.sample(latitude: 89.999, longitude: 0, time: t)
        let p2 = a.sample(latitude: 89.999, longitude: 90, time: t)
        XCTAssertEqual(p1.windSpeed, p2.windSpeed, accuracy: 0.05)
    }

    func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let ma = a.reduce(0, +) / Double(a.count)
        let mb = b.reduce(0, +) / Double(b.count)
        var ab = 0.0
        var aa = 0.0
        var bb = 0.0
        for (x, y) in zip(a, b) {
            ab += (x - ma) * (y - mb)
            aa += (x - ma) * (x - ma)
            bb += (y - mb) * (y - mb)
        }
        return ab / (aa * bb).squareRoot()
    }

    func testConsecutiveDaysCorrelateDistantDaysDoNot() throws {
        let w = try ArcticWeather(climatology: try PassiveMicrowaveFixture.loaded.climatology, seed: 1)
        let t0 = PassiveMicrowaveFixture.day
        func field(_ days: Double, _ key: KeyPath<WeatherSample, Double>) -> [Double] {
            places().map {
                w.sample(latitude: $0.0, longitude: $0.1, time: t0.addingTimeInterval(days * 86400))[keyPath: key]
            }
        }
        for key in [\WeatherSample.tcwv, \.t2m, \.windSpeed] {
            let next = correlation(field(0, key), field(1, key))
            let far = correlation(field(0, key), field(20, key))
            XCTAssertGreaterThan(next, 0.4, "day-to-day correlation of \(key)")
            XCTAssertLessThan(far, next - 0.2, "20 days apart, \(key)")
        }
    }

    func testMarginalsFollowTheRealRRDPMonth() throws {
        let loaded = try PassiveMicrowaveFixture.loaded
        // November (every day, three seeds, 200 places): the medians of the simulated and real values agree.
        var tcwv: [Double] = []
        var wind: [Double] = []
        var clw: [Double] = []
        for seed in UInt64(3)...5 {
            let w = try ArcticWeather(climatology: loaded.climatology, seed: seed)
            for d in 0..<30 {
                let t = Date(timeIntervalSince1970: 1_604_188_800 + (Double(d) + 0.5) * 86400)  // 2020-11-01 + d
                for p in places() {
                    let s = w.sample(latitude: p.0, longitude: p.1, time: t)
                    tcwv.append(s.tcwv)
                    wind.append(s.windSpeed)
                    clw.append(s.tclw)
                    XCTAssertGreaterThanOrEqual(s.tclw, 0)
                    XCTAssertGreaterThan(s.tcwv, 0)
                }
            }
        }
        let real = MicrowaveSignaturesMonth.november(loaded.signatures)
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        XCTAssertEqual(median(tcwv), median(real.map(\.tcwv)), accuracy: 0.25 * median(real.map(\.tcwv)))
        XCTAssertEqual(median(wind), median(real.map { hypot($0.u10, $0.v10) }), accuracy: 1.5)
        XCTAssertEqual(median(clw), median(real.map(\.tclw)), accuracy: 0.5 * median(real.map(\.tclw)) + 0.01)
    }

    func testERA5FileReadsBackThroughERA5Reader() throws {
        let loaded = try PassiveMicrowaveFixture.loaded
        let w = try ArcticWeather(climatology: loaded.climatology, seed: 5)
        let dir = try TestPaths.temporaryDirectory("era5-sim")
        let url = dir.appendingPathComponent(ERA5FileWriter.fileName(date: PassiveMicrowaveFixture.day))
        var grid = ERA5FileGrid()
        grid.north = 90
        grid.south = 60
        grid.resolution = 1
        grid.hours = [0, 12]
        try ERA5FileWriter.write(w, date: PassiveMicrowaveFixture.day, grid: grid, truth: loaded.truth, to: url)
        let nc = try NetCDFFile.open(url)
        XCTAssertEqual(try nc.attribute(SimulationMarkers.name)?.text, "true")
        try nc.close()
        // A 3 × 3 grid of 2 km cells at 75° N 0° E, image axes east (samples) and south (lines).
        let aux = AuxiliaryGrid(lines: 3, samples: 3) { line, sample in (75 - line * 0.018, sample * 0.07) }
        let time = PassiveMicrowaveFixture.day.addingTimeInterval(12 * 3600)
        let (fields, used) = try ERA5Reader(url: url).fields(on: aux, time: time, logger: Logger(label: "test"))
        XCTAssertEqual(used, time)
        let s = w.sample(latitude: 75, longitude: 0, time: time)
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.values[0]) })
        XCTAssertEqual(byName["t2m"]!, s.t2m, accuracy: 1.5)
        XCTAssertEqual(byName["tcwv"]!, s.tcwv, accuracy: 0.25 * s.tcwv + 0.3)
        XCTAssertEqual(hypot(byName["u10m_rotated"]!, byName["v10m_rotated"]!), s.windSpeed, accuracy: 1.5)
    }
}

/// Real RRDP points of November (both files) for comparisons.
enum MicrowaveSignaturesMonth {
    static func november(_ s: MicrowaveSignatures) -> [MicrowavePoint] { (s.ice + s.water).filter { $0.month == 11 } }
}
