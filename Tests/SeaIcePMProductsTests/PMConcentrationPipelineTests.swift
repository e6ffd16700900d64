import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIcePassiveMicrowave
import SeaIceTestSupport
import XCTest

@testable import SeaIcePMProducts
@testable import SeaIcePolarGrids

/// The daily pipeline on gridded TB files: concentrations, masks, and the bad-input rules.
final class PMConcentrationPipelineTests: XCTestCase {
    let logger = Logger(label: "test")

    func write(_ tb: GriddedBrightnessTemperatures, _ name: String = "tb.nc") throws -> URL {
        let url = try TestPaths.temporaryDirectory("pm").appendingPathComponent(name)
        try BrightnessTemperatureGridFile.write(tb, to: url)
        return url
    }

    func testConcentrationMasksAndStatus() throws {
        let url = try write(PMFixtures.tb())
        let p = try PMFixtures.pipeline().run(inputs: [url], day: PMFixtures.day, logger: logger)
        let masks = try PMFixtures.masks()
        XCTAssertTrue(p.simulated)
        for i in stride(from: 0, to: p.grid.count, by: 97) {
            if masks.land[i] {
                XCTAssertEqual(p.status[i], PMStatusFlag.land.rawValue)
                XCTAssertTrue(p.concentration[i].isNaN)
            } else if masks.poleHole[i] {
                XCTAssertEqual(p.status[i], PMStatusFlag.poleHole.rawValue)
            } else {
                XCTAssertEqual(p.status[i], PMStatusFlag.nominal.rawValue)
                XCTAssertEqual(Double(p.concentration[i]), PMFixtures.concentration(column: i % p.grid.width), accuracy: 1e-4)
                // The tie-point spread propagated (RRDP spreads: 10.9 % over water, 9.9 % over ice).
                let expected = NASATeam.rrdpSpread.uncertainty(at: PMFixtures.concentration(column: i % p.grid.width))
                XCTAssertEqual(Double(p.uncertainty[i]), expected, accuracy: 1e-4)
            }
        }
    }

    func testMissingChannelsAreListed() throws {
        let url = try write(PMFixtures.tb { c in
            c[.v18_7] = nil
            c[.v36_5] = nil
        })
        XCTAssertThrowsError(try PMFixtures.pipeline().run(inputs: [url], day: PMFixtures.day, logger: logger)) { e in
            XCTAssertTrue("\(e)".contains("TB_18V, TB_36V"), "\(e)")
            XCTAssertTrue("\(e)".contains(url.path), "\(e)")
        }
    }

    /// 30 K, 400 K and fill are masked, counted and flagged; they never become concentration.
    func testUnphysicalBrightnessTemperaturesAreMaskedAndCounted() throws {
        let masks = try PMFixtures.masks()
        let ocean = (0..<PMFixtures.grid.count).filter { !masks.land[$0] && !masks.poleHole[$0] }.prefix(3)
        let cells = Array(ocean)
        let url = try write(PMFixtures.tb { c in
            c[.h18_7]![cells[0]] = 30
            c[.v18_7]![cells[1]] = 400
            c[.v36_5]![cells[2]] = .nan
        })
        let p = try PMFixtures.pipeline().run(inputs: [url], day: PMFixtures.day, logger: logger)
        for i in cells {
            XCTAssertEqual(p.status[i], PMStatusFlag.invalidBrightnessTemperature.rawValue)
            XCTAssertTrue(p.concentration[i].isNaN)
        }
        XCTAssertEqual(p.screen.counts[.h18_7]?.belowRange, 1)
        XCTAssertEqual(p.screen.counts[.v18_7]?.aboveRange, 1)
        XCTAssertEqual(p.screen.counts[.v36_5]?.fill, 1)
        XCTAssertEqual(p.screen.summary.count, 3)
    }

    /// A day whose values are all fill is an empty day: an error, not a file of zeros.
    func testEmptyDayIsAnError() throws {
        let url = try write(PMFixtures.tb { c in for k in Array(c.keys) { c[k] = [Float](repeating: .nan, count: PMFixtures.grid.count) } })
        XCTAssertThrowsError(try PMFixtures.pipeline().run(inputs: [url], day: PMFixtures.day, logger: logger)) { e in
            XCTAssertTrue("\(e)".contains("empty day"), "\(e)")
        }
    }

    /// Swaths south of the grid: gridding reaches nothing, the day is empty.
    func testSwathsThatMissTheGridGiveAnEmptyDay() throws {
        let day = SyntheticSwathDay(granules: 1, scans: 50, samplesPerScan: 20)
        var swaths = day.swaths(channels: PMFixtures.channels)
        let g = swaths[0].geolocation
        swaths = [AMSR2Swath(url: swaths[0].url, geolocation: AMSR2Geolocation(scans: g.scans, width: g.width,
                                                                                    latitude: g.latitude.map { _ in -50 },
                                                                                    longitude: g.longitude),
                             channels: swaths[0].channels)]
        let gridder = SwathGridder(grid: PMFixtures.grid, configuration: GridResamplingConfiguration())
        let result = try gridder.grid(swaths, channels: PMFixtures.channels, day: PMFixtures.day, simulated: true)
        XCTAssertEqual(result.samplesOnGrid, 0)
        XCTAssertThrowsError(try PMFixtures.pipeline().retrieve(result.tb, screen: result.screen, inputs: ["south.nc"])) { e in
            XCTAssertTrue("\(e)".contains("empty day"), "\(e)")
        }
    }

    func testWrongDayOrGridIsRefused() throws {
        let url = try write(PMFixtures.tb())
        XCTAssertThrowsError(try PMFixtures.pipeline().run(inputs: [url], day: PMFixtures.day.addingTimeInterval(86_400), logger: logger))
        let other = PMConcentrationPipeline(grid: PolarStereographicGrid(resolution: .km12_5),
                                            method: .named(.nasaTeam, filter: .none),
                                            masks: try NSIDCMasks(grid: PolarStereographicGrid(resolution: .km12_5),
                                                                  folder: TestPaths.requireSharedData("nsidc-polarstereo/masks"), poleHole: .none),
                                            configuration: PMConcentrationConfiguration())
        XCTAssertThrowsError(try other.run(inputs: [url], day: PMFixtures.day, logger: logger))
    }

    /// Any `ConcentrationAlgorithm` plugs in, and a weather filter sets its cells to 0 with the open-water uncertainty.
    func testAnyAlgorithmAndFilterPlugIn() throws {
        struct Half: ConcentrationAlgorithm {
            var name: String { "half" }
            var requiredChannels: [AMSR2Reader.Channel] { [.h89_0] }
            var spread: TiePointSpread { TiePointSpread(openWater: 0.1, ice: 0.2) }
            func unclampedConcentration(_ tb: BrightnessTemperatures) -> Double { 0.5 }
        }
        let plain = PMConcentrationPipeline(grid: PMFixtures.grid, method: PMRetrievalMethod(algorithm: Half()),
                                            masks: try PMFixtures.masks(), configuration: PMConcentrationConfiguration())
        let n = PMFixtures.grid.count
        // GR(89V/18.7V) = (260 − 200)/(460) = 0.13 in the west half (weather over water), −0.05 in the east.
        let tb = PMFixtures.tb { c in
            c[.h89_0] = [Float](repeating: 200, count: n)
            c[.v89_0] = (0..<n).map { $0 % PMFixtures.grid.width < PMFixtures.grid.width / 2 ? 260 : 181 }
            c[.v18_7] = [Float](repeating: 200, count: n)
        }
        let p = try plain.retrieve(tb, screen: BrightnessTemperatureScreen(), inputs: ["x"])
        XCTAssertEqual(p.statusCounts[.weatherFiltered] ?? 0, 0)
        let ocean = p.statusCounts[.nominal] ?? 0
        XCTAssertGreaterThan(ocean, 0)
        XCTAssertEqual(p.concentration.filter { $0 == 0.5 }.count, ocean)
        XCTAssertEqual(Double(p.uncertainty.first { !$0.isNaN }!), TiePointSpread(openWater: 0.1, ice: 0.2).uncertainty(at: 0.5), accuracy: 1e-6)

        var filtered = plain
        filtered.method.filter = .gr8919()
        let f = try filtered.retrieve(tb, screen: BrightnessTemperatureScreen(), inputs: ["x"])
        XCTAssertGreaterThan(f.statusCounts[.weatherFiltered] ?? 0, 0)
        XCTAssertEqual((f.statusCounts[.weatherFiltered] ?? 0) + (f.statusCounts[.nominal] ?? 0), ocean)
        for i in 0..<n where f.status[i] == PMStatusFlag.weatherFiltered.rawValue {
            XCTAssertLessThan(i % PMFixtures.grid.width, PMFixtures.grid.width / 2)
            XCTAssertEqual(f.concentration[i], 0)
            XCTAssertEqual(Double(f.uncertainty[i]), 0.1, accuracy: 1e-6)
        }
        XCTAssertTrue(f.algorithmDocumentation.contains("GR(89.0V/18.7V)"), f.algorithmDocumentation)
        XCTAssertEqual(f.algorithm, "half + gr89-19-mask")
    }
}
