import Foundation
import Logging
import SeaIceGDAL
import SeaIceSentinel1
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Simulated SAFE products: SeaIceSentinel1 reads them, and calibration with noise removal gives back the simulated σ⁰.
final class SimulatedSAFEWriterTests: XCTestCase {
    func testSAFEProductCalibratesBackToTheSimulatedSigma0() throws {
        let resources = try SimulatorFixture.resources
        let config = try SimulatedSAFEWriter.config(SimulatorFixture.config(), reduction: 50, template: resources.templates[0].geometry)
        XCTAssertEqual(config.lines, 215)
        XCTAssertEqual(config.samples, 210)
        let scene = try SimulatorFixture.simulator.simulate(config: config, seed: 8)
        let dir = try TestPaths.temporaryDirectory("simsafe")
        let writer = SimulatedDatasetWriter(format: .safe, safeTemplate: SimulatedSAFEWriter.template(dataFolder: TestPaths.sharedData("")),
                                            logger: Logger(label: "test"))
        let url = try writer.write(scene, to: dir)
        XCTAssertTrue(url.lastPathComponent.hasSuffix("_SIMU.SAFE"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.appendingPathComponent("SIMULATED_DATA.txt").path))

        XCTAssertLessThanOrEqual(try SimulatorFixture.worstCalibrationError(safe: url, scene: scene), 1)
    }

    func testReductionChoice() {
        XCTAssertEqual(SimulatedSAFEWriter.reduction(forSize: 1000), 10)
        XCTAssertEqual(SimulatedSAFEWriter.reduction(forSize: 200), 50)
        XCTAssertEqual(SimulatedSAFEWriter.reduction(forSize: 20000), 1)
    }
}
