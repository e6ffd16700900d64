import Foundation
import SeaIceAI4Arctic
import SeaIceBench
import SeaIceCore
import SeaIceSampling
import SeaIceTestSupport
import XCTest

/// The sampler and prediction benchmarks' helpers (moved here from SeaIceSampling and SeaIceInference).
final class BenchmarkHelpersTests: XCTestCase {
    /// The benchmark runs end to end on small synthetic scenes (timing printed, never asserted).
    func testSamplerBenchmarkRuns() throws {
        var config = SamplerConfiguration()
        config.patchSize = 32
        config.batchSize = 2
        var g = SeededGenerator(seed: 1)
        let scene = SamplerBenchmark.syntheticScene(configuration: config, lines: 500, samples: 520, using: &g)
        let r = try SamplerBenchmark.run(configuration: config, scenes: [scene], batches: 2, seed: 2)
        XCTAssertEqual(r.shape, [2, config.channels.count, 32, 32])
        XCTAssertEqual(r.secondsPerBatch.count, 2)
        print("sampler benchmark (synthetic scenes, debug build, 2 × \(config.channels.count) × 32 × 32): "
              + "\(r.mean) s per batch")
    }

    /// The synthetic prediction scene opens as a ready-to-train file of the asked size that says it is synthetic.
    func testPredictionBenchmarkSceneIsAReadyFileMarkedSynthetic() throws {
        let dir = try TestPaths.temporaryDirectory("bench-scene")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try PredictionBenchmark.writeSyntheticScene(into: dir, lines: 300, samples: 260)
        let file = try AI4ArcticFile.open(url, expecting: .readyToTrain)
        XCTAssertEqual(file.geometry.lines, 300)
        XCTAssertEqual(file.geometry.samples, 260)
        guard case let .text(marker)? = try file.globalAttributes()["simulated"] else {
            return XCTFail("no text attribute `simulated` in \(url.path)")
        }
        XCTAssertEqual(marker, "true", "the one spelling of the marker")
        let note = try file.globalAttributes()["simulation_note"]?.text ?? ""
        XCTAssert(note.contains("synthetic"), note)
        XCTAssert(url.lastPathComponent.hasSuffix("_dmi_prep.nc"), url.lastPathComponent)
        XCTAssertGreaterThan(try XCTUnwrap(PredictionBenchmark.peakResidentBytes()), 0)
    }
}
