import Foundation
import SeaIceAI4Arctic
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Simulated raw files: determinism per seed, schema completeness, "simulated" marking.
final class AI4ArcticRawWriterTests: XCTestCase {
    private func write(seed: UInt64, config: SimulationConfig = SimulatorFixture.config(size: 120, spacing: 40)) throws -> URL {
        let scene = try SimulatorFixture.simulator.simulate(config: config, seed: seed)
        return try AI4ArcticRawWriter.write(scene, to: try TestPaths.temporaryDirectory("sim"))
    }

    func testSameSeedGivesByteIdenticalFiles() throws {
        let a = try write(seed: 42), b = try write(seed: 42)
        XCTAssertEqual(a.lastPathComponent, b.lastPathComponent)
        let da = try Data(contentsOf: a), db = try Data(contentsOf: b)
        XCTAssertEqual(da.count, db.count)
        XCTAssertTrue(da == db, "files of the same seed differ byte-wise")
        // And the contents, variable by variable (independent of the HDF5 container).
        let fa = try NetCDFFile.open(a), fb = try NetCDFFile.open(b)
        defer { try? fa.close(); try? fb.close() }
        XCTAssertEqual(fa.variableNames, fb.variableNames)
        for name in fa.variableNames where (try fa.variable(name)).type != .string {
            XCTAssertEqual(try fa.read(name, as: Double.self), try fb.read(name, as: Double.self), name)
        }
        XCTAssertEqual(try fa.readStrings("polygon_codes"), try fb.readStrings("polygon_codes"))
        XCTAssertEqual(try fa.attributes(), try fb.attributes())
    }

    func testDifferentSeedsGiveDifferentScenes() throws {
        let a = try NetCDFFile.open(try write(seed: 1)), b = try NetCDFFile.open(try write(seed: 2))
        defer { try? a.close(); try? b.close() }
        XCTAssertNotEqual(try a.readFloats("nersc_sar_primary"), try b.readFloats("nersc_sar_primary"))
    }

    func testFileHasEveryRawVariableAndSaysItIsSimulated() throws {
        let url = try write(seed: 7)
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        for spec in AI4ArcticSchema.rawVariables {
            let v = try nc.variable(spec.name)
            XCTAssertEqual(v.dimensions, spec.dimensions, spec.name)
        }
        XCTAssertEqual(try nc.dimensionLength("sar_grid_points"), 441)
        XCTAssertEqual(try nc.dimensionLength("2km_grid_lines"), 120 / 50)
        XCTAssertEqual(try nc.attribute("simulated")?.text, "true")
        XCTAssertTrue(try nc.requireText("title").contains("SIMULATED"))
        let codes = try nc.readStrings("polygon_codes")
        XCTAssertEqual(codes.first, SimulatedPolygon.codesHeader)
        // Every polygon id used in the image has a code row.
        let ids = Set(codes.dropFirst().compactMap { Int($0.split(separator: ";")[0]) })
        for id in Set(try nc.readFloats("polygon_icechart").map { Int($0) }) { XCTAssertTrue(ids.contains(id), "polygon \(id) has no code row") }
        // The raw name follows the dataset's naming rule and marks the product as simulated.
        XCTAssertEqual(try AI4ArcticNaming.parseRaw(url.lastPathComponent).iceService, .cis)
        XCTAssertTrue(url.lastPathComponent.contains("_SIMU_"))
        let hh = try nc.readFloats("nersc_sar_primary")
        XCTAssertTrue(hh.allSatisfy { $0.isFinite && $0 > -60 && $0 < 20 })
    }
}
