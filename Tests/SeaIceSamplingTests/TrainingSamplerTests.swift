import AI4ArcticTestSupport
import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceSampling
import SeaIceTestSupport
import SeaIceTensor
import XCTest

final class TrainingSamplerTests: XCTestCase {
    func smallConfig() -> SamplerConfiguration {
        var c = SamplerConfiguration()
        c.patchSize = 16
        c.batchSize = 4
        return c
    }

    func testSameSeedSameBatchDifferentSeedDifferentBatch() throws {
        let source = InMemorySceneSource([memoryScene(rows: 40, cols: 50), memoryScene(rows: 30, cols: 30, month: 1)])
        let sampler = try TrainingSampler(configuration: smallConfig(), source: source)
        var g1 = SeededGenerator(seed: 42), g2 = SeededGenerator(seed: 42), g3 = SeededGenerator(seed: 43)
        let a = try sampler.nextBatch(using: &g1), b = try sampler.nextBatch(using: &g2), c = try sampler.nextBatch(using: &g3)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertEqual(a.inputs.count, 4 * InputChannel.mmseaice.count * 16 * 16)
        XCTAssertEqual(a.labels(task: 2).count, 4 * 16 * 16)
    }

    /// A scene whose SIC is valid at one pixel only is never accepted; with two valid pixels it is.
    func testPatchRejection() throws {
        var config = smallConfig()
        config.patchSize = 4
        config.maxAttemptsPerPatch = 50
        config.augmentation = .none
        let one = memoryScene(rows: 4, cols: 4, sic: { r, c in r == 0 && c == 0 ? 3 : 255 })
        XCTAssertThrowsError(try TrainingSampler(configuration: config, source: InMemorySceneSource([one])).nextRawSample(using: &generator))
        let two = memoryScene(rows: 4, cols: 4, sic: { r, c in r == 0 && c < 2 ? 3 : 255 })
        let s = try TrainingSampler(configuration: config, source: InMemorySceneSource([two])).nextRawSample(using: &generator)
        XCTAssertEqual(s.validSICCount, 2)
    }
    var generator = SeededGenerator(seed: 7)

    func testConfigurationRoundTripsAndValidates() throws {
        let json = try JSONEncoder().encode(SamplerConfiguration())
        let back = try JSONDecoder().decode(SamplerConfiguration.self, from: json)
        XCTAssertEqual(back, SamplerConfiguration())
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains("\"btemp_18_7h\""))
        XCTAssertThrowsError(try JSONDecoder().decode([InputChannel].self, from: Data(#"["nersc_sar_primary","bogus"]"#.utf8)))
        var bad = SamplerConfiguration()
        bad.augmentation.cutMix = 2
        XCTAssertThrowsError(try bad.validate())
    }

    /// The loader picks every 10th 80 m pixel (nearest) from a real file written by SeaIceNetCDF, in row blocks.
    func testLoadsAndDownscalesAReadyFile() throws {
        let dir = try TestPaths.temporaryDirectory("sampler-load")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = ReadySceneFixture(lines: 120, samples: 130)
        let url = try fixture.write(to: dir)
        let scene = try DownscaledScene.load(url, channels: InputChannel.mmseaice, factor: 10, downsampling: .nearest, rowBlock: 5)
        XCTAssertEqual([scene.rows, scene.cols, scene.month], [12, 13, 6])
        XCTAssertEqual(scene.fullGrid["sar_incidenceangle"]![3 * 13 + 4], ReadySceneFixture.input(2, 30, 40))
        XCTAssertEqual(scene.labels[0][3 * 13 + 4], fixture.sic(30, 40))
        XCTAssertEqual(scene.twoKm["t2m"]!.count, 4 * 5)
        let mean = try DownscaledScene.load(url, channels: [.fullGrid("distance_map")], factor: 10, downsampling: .blockMean)
        // Block rows 10…19, columns 0…9 of i + 0.001 r + 0.0001 c: mean r = 14.5, c = 4.5.
        XCTAssertEqual(mean.fullGrid["distance_map"]![13], 3 + 0.0145 + 0.00045, accuracy: 1e-5)
        XCTAssertEqual(mean.labels[1][13], ReadySceneFixture.sod(15, 5))
    }

    /// The LRU keeps `cacheCapacity` scenes and reloads evicted ones.
    func testSceneCacheIsBoundedLRU() throws {
        let dir = try TestPaths.temporaryDirectory("sampler-lru")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try ["20180107T000000", "20180207T000000", "20180307T000000"].map {
            try ReadySceneFixture(lines: 60, samples: 60, timestamp: $0).write(to: dir)
        }
        var config = smallConfig()
        config.cacheCapacity = 2
        let source = ReadyFileSceneSource(files: files, configuration: config)
        for i in [0, 1, 0, 2, 0, 1] { _ = try source.scene(at: i) }
        XCTAssertEqual(source.loadCount, 4)  // 0, 1, 2 and 1 again (evicted by 2)
        XCTAssertEqual(source.cachedIndices, [0, 1])
        XCTAssertEqual(try source.scene(at: 2).month, 3)
    }

    /// The prefetcher yields exactly the batches sequential sampling gives with the same generator.
    func testPrefetcherMatchesSequentialSampling() throws {
        let sampler = try TrainingSampler(configuration: smallConfig(), source: InMemorySceneSource([memoryScene(rows: 30, cols: 40)]))
        var g = SeededGenerator(seed: 3)
        let expected = try (0..<3).map { _ in try sampler.nextBatch(using: &g) }
        let prefetcher = BatchPrefetcher(sampler: sampler, generator: SeededGenerator(seed: 3), depth: 2, limit: 3)
        var got: [TrainingBatch] = []
        while let b = try prefetcher.next() { got.append(b) }
        XCTAssertEqual(got, expected)
    }

    func testStopEndsAnUnlimitedPrefetcher() throws {
        let sampler = try TrainingSampler(configuration: smallConfig(), source: InMemorySceneSource([memoryScene(rows: 30, cols: 40)]))
        let prefetcher = BatchPrefetcher(sampler: sampler, generator: SeededGenerator(seed: 4), depth: 1)
        XCTAssertNotNil(try prefetcher.next())
        prefetcher.stop()
        XCTAssertNil(try prefetcher.next())
    }

    /// A bad file in the training list surfaces as an error naming it.
    func testPrefetcherPassesErrorsOn() throws {
        let dir = try TestPaths.temporaryDirectory("sampler-err")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("20180101T000000_dmi_prep.nc")
        try Data("not netcdf".utf8).write(to: bad)
        let sampler = try TrainingSampler(configuration: smallConfig(), source: ReadyFileSceneSource(files: [bad], configuration: smallConfig()))
        let prefetcher = BatchPrefetcher(sampler: sampler, generator: SeededGenerator(seed: 1), depth: 1)
        XCTAssertThrowsError(try prefetcher.next()) { e in XCTAssertTrue("\(e)".contains(bad.path), "\(e)") }
    }
}

final class TrainingBatchTensorTests: XCTestCase {
    func testBatchBecomesNCHWTensors() throws {
        var config = SamplerConfiguration()
        config.patchSize = 8
        config.batchSize = 2
        config.augmentation = .none
        let sampler = try TrainingSampler(configuration: config, source: InMemorySceneSource([memoryScene(rows: 20, cols: 20)]))
        var g = SeededGenerator(seed: 11)
        let batch = try sampler.nextBatch(using: &g)
        let x = try batch.inputTensor()
        XCTAssertEqual(x.shape, [2, InputChannel.mmseaice.count, 8, 8])
        XCTAssertEqual(try x.floats(), batch.inputs)
        let sod = try batch.labelTensor(task: 1)
        XCTAssertEqual(sod.shape, [2, 8, 8])
        XCTAssertEqual(try sod.int64s(), batch.labels(task: 1).map(Int64.init))
    }
}
