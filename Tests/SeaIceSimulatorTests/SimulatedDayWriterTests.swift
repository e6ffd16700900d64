import Foundation
import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceNetCDF
import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// A whole simulated day: scenes, chart, truth, a hook's files and the manifest. SIMULATED data.
final class SimulatedDayWriterTests: XCTestCase {
    struct NoteProducer: SimulatedDayProducer {
        func write(_ context: SimulatedDayContext, to folder: URL) throws -> [SimulatedDayManifest.Entry] {
            let url = folder.appendingPathComponent("hook.txt")
            try AtomicOutput.write(Data("SIMULATED hook after \(context.written.count) files".utf8), to: url)
            return [.init(kind: "test-hook", path: "hook.txt", footprint: [], time: "\(context.world.date)T00:00:00Z")]
        }
    }

    func testDayWritesEveryFileAndTheManifest() throws {
        let world = try WorldFixture.world("2021-11-15", seed: 9)
        var writer = SimulatedDayWriter(world: world, resources: try SimulatorFixture.resources, sentinel1: 1, fullSize: false,
                                        seed: 9, logger: Logger(label: "test"))
        writer.producers = [NoteProducer()]
        writer.sceneConfig = SimulatorFixture.config(size: 100, spacing: 400)
        writer.truthSpacing = 200_000
        let dir = try TestPaths.temporaryDirectory("simday")
        let manifest = try writer.write(to: dir)
        XCTAssertEqual(manifest.files.map(\.kind), ["sentinel1-ew-ai4arctic-raw", "ice-chart-sigrid3-gpkg", "world-truth", "test-hook"])
        XCTAssertTrue(manifest.simulated)
        for entry in manifest.files { XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(entry.path).path)) }
        XCTAssertEqual(manifest.files[0].footprint.count, 4)
        let decoded = try JSONDecoder().decode(SimulatedDayManifest.self, from: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
        XCTAssertEqual(decoded, manifest)
        let chart = try IceChart.read(url: dir.appendingPathComponent(manifest.files[1].path), logger: Logger(label: "test"))
        XCTAssertFalse(chart.polygons.isEmpty)
        let truth = try NetCDFFile.open(dir.appendingPathComponent(manifest.files[2].path))
        defer { try? truth.close() }
        XCTAssertEqual(try truth.dimensionLength("x"), 38)
        XCTAssertEqual(try truth.attribute(AI4ArcticRawWriter.simulatedAttribute)?.text, "true")
        let conc = try truth.readFloats(TruthLayers.concentrationVariable).filter { !$0.isNaN }
        XCTAssertGreaterThan(conc.filter { $0 > 0.15 }.count, 80, "a November Arctic has ice")
    }
}
