import Foundation
import Logging
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Sentinel-1 EW scenes sampled from the world: deterministic, carrying truth layers, and calibrating
/// back through SeaIceSentinel1 to the simulated σ⁰. SIMULATED data.
final class WorldSceneTests: XCTestCase {
    func simulator(_ date: String = "2021-11-15") throws -> WorldSceneSimulator {
        WorldSceneSimulator(world: try WorldFixture.world(date), resources: try SimulatorFixture.resources, logger: Logger(label: "test"))
    }

    func testSceneIsDeterministicAndCarriesTruthLayers() throws {
        let sim = try simulator()
        let config = SimulatorFixture.config(size: 120, spacing: 200)
        let placement = WorldScenePlacement(longitudeShift: 20)
        let a = try sim.simulate(config: config, placement: placement, seed: 4)
        let b = try sim.simulate(config: config, placement: placement, seed: 4)
        XCTAssertEqual(a.hhDB, b.hhDB)
        XCTAssertEqual(a.truthSurfaceClass, b.truthSurfaceClass)
        XCTAssertEqual(a.truthSurfaceClass?.count, 120 * 120)
        // The truth is the world's: the class at the scene's centre pixel is the world's class there.
        let dir = try TestPaths.temporaryDirectory("worldscene")
        let url = try AI4ArcticRawWriter.write(a, to: dir)
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let classes = try nc.read(TruthLayers.classVariable, as: UInt8.self)
        XCTAssertEqual(classes, a.truthSurfaceClass)
        XCTAssertEqual(try nc.attribute("source", variable: TruthLayers.classVariable)?.text, "simulation truth")
        XCTAssertEqual(try nc.attribute(AI4ArcticRawWriter.simulatedAttribute)?.text, "true")
        let conc = try nc.readFloats(TruthLayers.concentrationVariable)
        for (c, v) in zip(classes, conc) {
            if c == WorldSurfaceClass.land.rawValue { XCTAssertTrue(v.isNaN) } else { XCTAssertEqual(v, c == 0 ? 0 : 1) }
        }
        // The written longitudes are the placed ones (the real template rotated by 20°).
        let lon = try nc.read("sar_grid_longitude", as: Double.self)
        let real = a.geometry.tiePoints(21).lon
        XCTAssertEqual(WorldScenePlacement.wrap(real[0] + 20), lon[0], accuracy: 1e-9)
    }

    func testWorldSAFEProductCalibratesBackToTheSimulatedSigma0() throws {
        let sim = try simulator("2021-03-01")
        let resources = try SimulatorFixture.resources
        let config = try SimulatedSAFEWriter.config(SimulatorFixture.config(), reduction: 50, template: resources.templates[0].geometry)
        let scene = try sim.simulate(config: config, seed: 2)
        XCTAssertGreaterThan(Set(scene.truthSurfaceClass ?? []).count, 1)
        let dir = try TestPaths.temporaryDirectory("worldsafe")
        let url = try SimulatedSAFEWriter.write(scene, reduction: 50, template: SimulatedSAFEWriter.template(dataFolder: TestPaths.sharedData("")),
                                                to: dir)
        XCTAssertLessThanOrEqual(try SimulatorFixture.worstCalibrationError(safe: url, scene: scene), 1)
    }

    func testTenStagesAreSeparableButNotTrivially() throws {
        let result = StageSeparability.measure(resources: try SimulatorFixture.resources, size: 200, seed: 1)
        XCTAssertGreaterThan(result.pixels, 10_000)
        XCTAssertGreaterThanOrEqual(result.accuracy, 0.40, "SIMULATED ten-stage Gaussian classifier accuracy")
        XCTAssertLessThanOrEqual(result.accuracy, 0.85, "SIMULATED ten-stage Gaussian classifier accuracy")
    }

    func testSevenRowTableIsASpecialCaseOfTheClassModel() {
        let table = BackscatterTable()
        let classes = SARClasses(table)
        XCTAssertEqual(classes.signatures.count, SurfaceKind.allCases.count)
        XCTAssertNil(classes.signatures[0])
        XCTAssertEqual(classes.signatures[Int(SurfaceKind.oldIce.rawValue)], table.oldIce)
        let ten = StageSignatureTable().classes(month: 1)
        XCTAssertEqual(ten.signatures.count, 11)
        // Winter multi-year ice is bright; in July wet snow darkens it below thick first-year ice's upper end.
        let july = StageSignatureTable().classes(month: 7)
        XCTAssertLessThan(july.signatures[9]!.hh.high, ten.signatures[9]!.hh.high)
    }
}
