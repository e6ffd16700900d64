import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
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
                XCTAssertTrue(p.uncertainty[i].isFinite && p.uncertainty[i] > 0 && p.uncertainty[i] < 0.05)
            }
        }
    }

    func testMissingChannelsAreListed() throws {
        let url = try write(PMFixtures.tb { c in
            c[.amsr2("18.7", "V")] = nil
            c[.amsr2("36.5", "V")] = nil
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
            c[.amsr2("18.7", "H")]![cells[0]] = 30
            c[.amsr2("18.7", "V")]![cells[1]] = 400
            c[.amsr2("36.5", "V")]![cells[2]] = .nan
        })
        let p = try PMFixtures.pipeline().run(inputs: [url], day: PMFixtures.day, logger: logger)
        for i in cells {
            XCTAssertEqual(p.status[i], PMStatusFlag.invalidBrightnessTemperature.rawValue)
            XCTAssertTrue(p.concentration[i].isNaN)
        }
        XCTAssertEqual(p.screen.counts[.amsr2("18.7", "H")]?.belowRange, 1)
        XCTAssertEqual(p.screen.counts[.amsr2("18.7", "V")]?.aboveRange, 1)
        XCTAssertEqual(p.screen.counts[.amsr2("36.5", "V")]?.fill, 1)
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
                                            algorithm: NASATeamAlgorithm(),
                                            masks: try NSIDCMasks(grid: PolarStereographicGrid(resolution: .km12_5),
                                                                  folder: TestPaths.requireSharedData("nsidc-polarstereo/masks"), poleHole: .none),
                                            configuration: PMConcentrationConfiguration())
        XCTAssertThrowsError(try other.run(inputs: [url], day: PMFixtures.day, logger: logger))
    }

    /// A closure algorithm plugs in through the seam.
    func testAnyAlgorithmPlugsIn() throws {
        let half = ClosureConcentrationAlgorithm(name: "half", requiredChannels: [.amsr2("89.0", "H")], documentation: "test") { _ in
            PMRetrieval(concentration: 0.5, uncertainty: 0.1, status: .weatherFiltered)
        }
        let pipeline = PMConcentrationPipeline(grid: PMFixtures.grid, algorithm: half, masks: try PMFixtures.masks(),
                                               configuration: PMConcentrationConfiguration())
        let tb = PMFixtures.tb { c in c[.amsr2("89.0", "H")] = [Float](repeating: 200, count: PMFixtures.grid.count) }
        let p = try pipeline.retrieve(tb, screen: BrightnessTemperatureScreen(), inputs: ["x"])
        XCTAssertEqual(p.statusCounts[.weatherFiltered], p.concentration.filter { $0 == 0.5 }.count)
    }
}
