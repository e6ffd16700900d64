import AI4ArcticTestSupport
import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceSampling
import SeaIceTestSupport
import XCTest

final class EndToEndTests: XCTestCase {
    /// raw fixture → ready-to-train (ReadyConverter) → downscaled scene → prefetched batches.
    func testRawToBatches() throws {
        let dir = try TestPaths.temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ready = try ReadyConverter().convert(raw: try RawSceneFixture().write(to: dir), outputDirectory: dir.appendingPathComponent("ready"))
        var config = SamplerConfiguration()
        config.patchSize = 4
        config.downscaleFactor = 5  // 50 × 52 at 80 m → 10 × 11
        config.batchSize = 3
        let source = ReadyFileSceneSource(files: [ready], configuration: config)
        let scene = try source.scene(at: 0)
        XCTAssertEqual([scene.rows, scene.cols, scene.month], [10, 11, 1])
        // Downscaled (2, 2) is ready pixel (10, 10) = raw columns 20–21 of polygon 1 → SIC 10.
        XCTAssertEqual(scene.labels[0][2 * 11 + 2], 10)
        let sampler = try TrainingSampler(configuration: config, source: source)
        let prefetcher = BatchPrefetcher(sampler: sampler, generator: SeededGenerator(seed: 5), depth: 2, limit: 2)
        var count = 0
        while let batch = try prefetcher.next() {
            XCTAssertEqual(batch.inputs.count, 3 * config.channels.count * 16)
            XCTAssertTrue(batch.inputs.allSatisfy(\.isFinite))
            count += 1
        }
        XCTAssertEqual(count, 2)
        XCTAssertEqual(source.loadCount, 1)
    }
}
