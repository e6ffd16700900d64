import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// Simulated files pass SeaIceAI4Arctic's readers and its raw → ready-to-train converter.
final class SimulatedDatasetWriterTests: XCTestCase {
    func testRawAndReadyFilesPassTheAI4ArcticReaders() throws {
        let scene = try SimulatorFixture.simulator.simulate(config: SimulatorFixture.config(size: 150, spacing: 40), seed: 9)
        let dir = try TestPaths.temporaryDirectory("simready")
        let raw = try SimulatedDatasetWriter(format: .ai4arcticRaw, logger: Logger(label: "test")).write(scene, to: dir)
        let rawFile = try AI4ArcticFile.open(raw, expecting: .raw)
        XCTAssertEqual(rawFile.geometry.lines, 150)
        XCTAssertEqual(rawFile.geometry.twoKmLines, 3)
        XCTAssertEqual(try rawFile.polygonCodes().count, scene.polygons.count + 1)
        try rawFile.close()

        let ready = try SimulatedDatasetWriter(format: .ai4arcticReady, logger: Logger(label: "test")).write(scene, to: dir)
        XCTAssertEqual(ready.lastPathComponent, try AI4ArcticNaming.readyName(forRaw: scene.rawFileName))
        let file = try AI4ArcticFile.open(ready, expecting: .readyToTrain)
        defer { try? file.close() }
        XCTAssertEqual(file.geometry.lines, 75)
        XCTAssertEqual(try file.globalAttributes()["simulated"]?.text, "true")
        XCTAssertEqual(try file.readyAttributes().originalID, scene.rawFileName)
        let sic = try file.readLabels("SIC"), sod = try file.readLabels("SOD")
        XCTAssertTrue(sic.allSatisfy { $0 <= 10 || $0 == 255 }, "SIC classes out of range")
        XCTAssertTrue(sod.allSatisfy { $0 <= 5 || $0 == 255 }, "SOD classes out of range")
        // Open-water polygons convert to SIC 0 (2 × 2 max: check pixels whose whole block is water-polygon).
        let waterIDs = Set(scene.polygons.filter { $0.kind == .water }.map { Int32($0.id - 1) })
        for i in 0..<75 {
            for j in 0..<75 {
                let block = [(2 * i, 2 * j), (2 * i + 1, 2 * j), (2 * i, 2 * j + 1), (2 * i + 1, 2 * j + 1)]
                if block.allSatisfy({ waterIDs.contains(scene.polygonIndex[$0.0 * 150 + $0.1]) }) {
                    XCTAssertEqual(sic[i * 75 + j], 0, "water polygon pixel (\(i), \(j))")
                }
            }
        }
        // No temporary files are left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [])
    }

    func testReadyFormatRejectsCoarseSpacings() throws {
        let scene = try SimulatorFixture.simulator.simulate(config: SimulatorFixture.config(size: 40, spacing: 400), seed: 1)
        XCTAssertThrowsError(try SimulatedDatasetWriter(format: .ai4arcticReady, logger: Logger(label: "test"))
            .write(scene, to: try TestPaths.temporaryDirectory("simready")))
    }
}
