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

        let product = try SAFEProduct(url: url)
        for (pol, truth) in [(Polarisation.hh, scene.trueHHDB), (.hv, scene.trueHVDB)] {
            let meta = try product.metadata(pol)
            XCTAssertEqual(meta.annotation.lines, 215)
            XCTAssertEqual(meta.annotation.samples, 210)
            let raster = try GDALRaster(path: meta.files.measurement)
            var dn = [UInt16](repeating: 0, count: 210 * 215)
            try dn.withUnsafeMutableBufferPointer { try raster.readUInt16(x: 0, y: 0, width: 210, height: 215, into: $0) }
            var noise = [Float](repeating: 0, count: 210), worst = 0.0
            for line in stride(from: 20, to: 200, by: 30) {
                noise.withUnsafeMutableBufferPointer { meta.noise.row(at: line, into: $0) }
                for pixel in stride(from: 10, to: 200, by: 17) {
                    let a = Double(meta.calibration.sigmaNought.value(line: line, pixel: pixel))
                    let d = Double(dn[line * 210 + pixel])
                    let sigma = (d * d - Double(noise[pixel])) / (a * a)
                    let expected = pow(10, Double(truth[line * 210 + pixel]) / 10)
                    // DN quantisation: |Δσ⁰| ≤ (DN + ¼)/A².
                    let tolerance = (d + 0.25) / (a * a) + 1e-9
                    XCTAssertEqual(sigma, expected, accuracy: tolerance, "\(pol) at (\(line), \(pixel))")
                    worst = max(worst, abs(sigma - expected) / tolerance)
                }
            }
            XCTAssertLessThanOrEqual(worst, 1)
        }
    }

    func testReductionChoice() {
        XCTAssertEqual(SimulatedSAFEWriter.reduction(forSize: 1000), 10)
        XCTAssertEqual(SimulatedSAFEWriter.reduction(forSize: 200), 50)
        XCTAssertEqual(SimulatedSAFEWriter.reduction(forSize: 20000), 1)
    }
}
