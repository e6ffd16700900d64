import SeaIceCore
import SeaIceData
import SeaIceTensor
import XCTest

/// The generic data layer: index sampling, augmentation, collation and prefetching.
final class DataLayerTests: XCTestCase {
    func sample(_ p: Int, channels: Int = 2, offset: Float = 0) -> DataSample {
        let n = p * p
        return DataSample(channels: channels, size: p, inputs: (0..<(channels * n)).map { Float($0) + offset },
                          planes: ["mask": .classes((0..<n).map { UInt8($0) }), "value": .values((0..<n).map { Float($0) })],
                          scalars: ["type": 2], metadata: ["latitude": 71.5])
    }

    func testUniformAndWeightedSamplingAreSeededAndFollowTheWeights() throws {
        let w = try IndexSampler.weighted([0, 1, 3])
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1)
        let drawsA = (0..<4000).map { _ in w.next(using: &a) }
        XCTAssertEqual(drawsA, (0..<4000).map { _ in w.next(using: &b) })
        XCTAssertFalse(drawsA.contains(0), "zero weight is never drawn")
        let ones = Double(drawsA.filter { $0 == 1 }.count) / 4000
        XCTAssertEqual(ones, 0.25, accuracy: 0.03)
        let u = IndexSampler.uniform(count: 5)
        var g = SeededGenerator(seed: 2)
        XCTAssertEqual(Set((0..<200).map { _ in u.next(using: &g) }), Set(0..<5))
    }

    func testClassBalancedWeightsEqualiseClasses() throws {
        let s = try IndexSampler.classBalanced(labels: [0, 0, 0, 0, 0, 0, 1, 1, 2])
        var g = SeededGenerator(seed: 7)
        let labels = [0, 0, 0, 0, 0, 0, 1, 1, 2]
        var counts = [0, 0, 0]
        for _ in 0..<6000 { counts[labels[s.next(using: &g)]] += 1 }
        for c in counts { XCTAssertEqual(Double(c) / 6000, 1.0 / 3, accuracy: 0.03) }
    }

    func testBadWeightsAreRefusedWithTheIndex() {
        XCTAssertThrowsError(try IndexSampler.weighted([1, -1])) { XCTAssertTrue("\($0)".contains("weight 1"), "\($0)") }
        XCTAssertThrowsError(try IndexSampler.weighted([1, .nan])) { XCTAssertTrue("\($0)".contains("weight 1"), "\($0)") }
        XCTAssertThrowsError(try IndexSampler.weighted([0, 0])) { XCTAssertTrue("\($0)".contains("> 0"), "\($0)") }
        XCTAssertThrowsError(try IndexSampler.weighted([])) { XCTAssertTrue("\($0)".contains("> 0"), "\($0)") }
        var s = IndexSampler.uniform(count: 2)
        XCTAssertThrowsError(try s.setWeights([1, 2, 3])) { XCTAssertTrue("\($0)".contains("2 weights"), "\($0)") }
    }

    func testAugmentationMovesInputsAndLabelsTogether() {
        for p in [1, 2, 3, 5] {
            let original = sample(p)
            for seed in 0..<20 {
                var s = original
                var g = SeededGenerator(seed: UInt64(seed))
                PlaneAugmentation(horizontalFlip: 0.5, verticalFlip: 0.5, rotate90: 0.5).augment(&s, using: &g)
                // Input channel 0 holds the pixel index, as do both label planes: they must stay equal.
                guard case .classes(let mask) = s.planes["mask"]!, case .values(let value) = s.planes["value"]! else {
                    return XCTFail("plane kinds changed")
                }
                XCTAssertEqual(Array(s.inputs[0..<(p * p)]), value, "p \(p) seed \(seed)")
                XCTAssertEqual(mask.map(Float.init), value)
                XCTAssertEqual(Array(s.inputs[(p * p)...]), value.map { $0 + Float(p * p) }, "channel 1 moves with channel 0")
                XCTAssertEqual(Set(value), Set((0..<(p * p)).map(Float.init)), "a permutation of the pixels")
                XCTAssertEqual(s.scalars, original.scalars)
            }
        }
    }

    func testRotationByQuarterTurnsAndFlips() {
        var s = DataSample(channels: 1, size: 2, inputs: [1, 2, 3, 4])
        var g = SeededGenerator(seed: 0)
        PlaneAugmentation(horizontalFlip: 1).augment(&s, using: &g)
        XCTAssertEqual(s.inputs, [2, 1, 4, 3])
        PlaneAugmentation(verticalFlip: 1).augment(&s, using: &g)
        XCTAssertEqual(s.inputs, [4, 3, 2, 1])
        var r = DataSample(channels: 1, size: 2, inputs: [1, 2, 3, 4])
        for _ in 0..<50 {
            PlaneAugmentation(rotate90: 1).augment(&r, using: &g)
            let valid: [[Float]] = [[1, 2, 3, 4], [2, 4, 1, 3], [4, 3, 2, 1], [3, 1, 4, 2]]
            XCTAssertTrue(valid.contains(r.inputs), "\(r.inputs) is not a rotation")
        }
        XCTAssertThrowsError(try PlaneAugmentation(rotate90: 1.5).validate()) { XCTAssertTrue("\($0)".contains("rotate90")) }
    }

    func testCollationAndTensors() throws {
        let batch = try DataBatch(samples: [sample(2), sample(2, offset: 100)], indices: [4, 9])
        XCTAssertEqual(batch.indices, [4, 9])
        XCTAssertEqual(try batch.inputTensor().shape, [2, 2, 2, 2])
        XCTAssertEqual(try batch.inputTensor().floats()[8], 100)
        XCTAssertEqual(try batch.planeTensor("mask").dtype, .int64)
        XCTAssertEqual(try batch.planeTensor("value").shape, [2, 2, 2])
        XCTAssertEqual(try batch.scalarTensor("type", asClasses: true).int64s(), [2, 2])
        XCTAssertEqual(try batch.metadataTensor(["latitude"]).shape, [2, 1])
        XCTAssertThrowsError(try batch.planeTensor("sod")) { XCTAssertTrue("\($0)".contains("sod")) }
        XCTAssertThrowsError(try batch.metadataTensor(["date"])) { XCTAssertTrue("\($0)".contains("date")) }
        var odd = sample(2)
        odd.planes["extra"] = .classes([0, 0, 0, 0])
        XCTAssertThrowsError(try DataBatch(samples: [sample(2), odd], indices: [0, 3])) {
            XCTAssertTrue("\($0)".contains("dataset sample 3"), "\($0)")
        }
    }

    struct Counting: SampleDataset {
        var count = 5
        func sample(at index: Int) throws -> DataSample {
            guard index != 99 else { throw SeaIceError.missing(file: "sample 99", item: "pixels") }
            return DataSample(channels: 1, size: 1, inputs: [Float(index)], scalars: ["i": Double(index)])
        }
    }

    func testPrefetchedStreamEqualsSequentialDraws() throws {
        let source = try SampleBatchSource(dataset: Counting(), batchSize: 3, prefetchDepth: 2)
        let stream = source.stream(count: 4, generator: SeededGenerator(seed: 9))
        var g = SeededGenerator(seed: 9)
        for _ in 0..<4 { XCTAssertEqual(try stream.next(), try source.nextBatch(using: &g)) }
        XCTAssertNil(try stream.next())
    }

    func testPrefetcherRethrowsTheProducersError() {
        let p = Prefetcher<Int>(generator: SeededGenerator(seed: 1), depth: 1, limit: 3) { _ in
            throw SeaIceError.missing(file: "scene.nc", item: "variable `nersc_sar_primary`")
        }
        XCTAssertThrowsError(try p.next()) { XCTAssertTrue("\($0)".contains("scene.nc")) }
    }

    func testSourceConfigurationErrors() {
        XCTAssertThrowsError(try SampleBatchSource(dataset: Counting(count: 0), batchSize: 1))
        XCTAssertThrowsError(try SampleBatchSource(dataset: Counting(), batchSize: 0)) { XCTAssertTrue("\($0)".contains("batchSize")) }
        XCTAssertThrowsError(try SampleBatchSource(dataset: Counting(), batchSize: 1, sampler: .uniform(count: 4))) {
            XCTAssertTrue("\($0)".contains("4 samples"), "\($0)")
        }
    }
}
