import Foundation
import Logging
import SeaIceCore
import SeaIceRCM
import SeaIceSAR
@testable import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// RCM products sampled from the world: moved onto the world's ice, on the day's date, read back by the RCM reader
/// and calibrated back to the simulated σ⁰ within speckle. SIMULATED pixels, REAL RCM-2 metadata.
final class WorldRCMProducerTests: XCTestCase {
    func testWorldRCMProductReadsBackAtItsPlaceAndCalibratesToTheWorldsBackscatter() throws {
        let data = try TestPaths.requireSharedData()
        let template = WorldRCMProducer.defaultTemplate(dataFolder: data)
        try XCTSkipUnless(FileManager.default.fileExists(atPath: template.path), "rcm-metadata absent")
        let world = try WorldFixture.world("2021-11-15", seed: 9)
        var producer = WorldRCMProducer(template: template, count: 1, logger: Logger(label: "test"))
        producer.smallWidth = 150
        let context = SimulatedDayContext(world: world, resources: try SimulatorFixture.resources, fullSize: false, seed: 9, written: [])
        let dir = try TestPaths.temporaryDirectory("worldrcm")
        let entries = try producer.write(context, to: dir)
        XCTAssertEqual(entries.map(\.kind), ["rcm-grd"])
        XCTAssertTrue(entries[0].path.contains("20211115"), entries[0].path)
        XCTAssertTrue(entries[0].time.hasPrefix("2021-11-15T"))
        let product = try RCMProduct(url: dir.appendingPathComponent(entries[0].path))
        XCTAssertFalse(product.simulationMarkers.isEmpty)
        XCTAssertTrue(product.metadata.firstLineTime.hasPrefix("2021-11-15"), product.metadata.firstLineTime)
        // The reader's geolocation puts the first pixel where the producer rendered it (within 100 m).
        let geo = try product.geolocationGrid()
        let p = geo.location(line: 0, pixel: 0)
        let expected = entries[0].footprint[0]
        let dy = (p.latitude - expected[1]) * 111_000, dx = (p.longitude - expected[0]) * 111_000 * cos(p.latitude * .pi / 180)
        XCTAssertLessThan(hypot(dx, dy), 100, "first pixel at \(p), footprint \(expected)")
        XCTAssertGreaterThan(p.latitude, 69, "moved into the Arctic")
        // Calibrated and noise-subtracted by the project's own preprocessing: the world's winter backscatter
        // (the ten-stage table spans about −28…−5 dB HH over ice and water) on average, HV below HH.
        var c = PreprocessConfiguration()
        c.pixelSize = product.metadata.pixelSpacing * 2
        c.noise = .esa
        let scene = try RCMPreprocessor(pipeline: SARPipeline(configuration: c, land: nil))
            .run(dir.appendingPathComponent(entries[0].path), logger: Logger(label: "t"))
        let hh = scene.primaryDB.filter(\.isFinite), hv = (scene.secondaryDB ?? []).filter(\.isFinite)
        let meanHH = hh.reduce(0, +) / Float(hh.count), meanHV = hv.reduce(0, +) / Float(hv.count)
        XCTAssertGreaterThan(meanHH, -28)
        XCTAssertLessThan(meanHH, -5)
        XCTAssertLessThan(meanHV, meanHH - 3)
    }
}
