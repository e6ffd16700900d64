import SeaIceCore
import SeaIceSampling
import XCTest

final class AugmenterTests: XCTestCase {
    /// A sample whose input channel k equals label plane k + 1 (labels never 255), so alignment is checkable.
    func alignedSample(size p: Int, seed: UInt64) -> Sample {
        var g = SeededGenerator(seed: seed)
        let labels = (0..<(3 * p * p)).map { _ in UInt8(g.next() % 11) }
        return Sample(channels: 3, size: p, inputs: labels.map { Float($0) + 1 }, labels: labels)
    }

    func assertAligned(_ s: Sample, file: StaticString = #filePath, line: UInt = #line) {
        for i in s.labels.indices {
            if s.labels[i] == 255 { XCTAssertEqual(s.inputs[i], 0, "fill mismatch at \(i)", file: file, line: line) }
            else { XCTAssertEqual(s.inputs[i], Float(s.labels[i]) + 1, "misaligned at \(i)", file: file, line: line) }
        }
    }

    /// With every augmentation drawn, inputs and labels move together and fill values are 0 / 255.
    func testEveryAugmentationKeepsInputsAndLabelsAligned() {
        var config = AugmentationConfiguration()
        config.horizontalFlip = 1; config.verticalFlip = 1; config.rotation = 1; config.scale = 1; config.cutMix = 1
        let augmenter = Augmenter(configuration: config)
        var sawFill = false
        for seed in 0..<20 as Range<UInt64> {
            let size = 9 + Int(seed % 4)
            var s = alignedSample(size: size, seed: seed)
            var g = SeededGenerator(seed: seed)
            augmenter.augment(&s, using: &g) { _ in alignedSample(size: size, seed: seed + 100) }
            assertAligned(s)
            sawFill = sawFill || s.labels.contains(255)
        }
        XCTAssertTrue(sawFill, "rotations should expose fill pixels")
    }

    func testFlipsOnA3x3() {
        var s = Sample(channels: 1, size: 3, inputs: (0..<9).map(Float.init), labels: (0..<27).map { UInt8($0) })
        Augmenter.flip(&s, horizontal: true)
        XCTAssertEqual(s.inputs, [2, 1, 0, 5, 4, 3, 8, 7, 6])
        XCTAssertEqual(Array(s.labels[9..<18]), [11, 10, 9, 14, 13, 12, 17, 16, 15])
        Augmenter.flip(&s, horizontal: false)
        XCTAssertEqual(s.inputs, [8, 7, 6, 5, 4, 3, 2, 1, 0])
    }

    /// +90° turns the content counter-clockwise: the top row [0 1 2] becomes the left column read upwards.
    func testRotationBy90IsAPermutation() {
        var s = Sample(channels: 1, size: 3, inputs: (0..<9).map(Float.init), labels: [UInt8](repeating: 1, count: 27))
        Augmenter.affine(&s, degrees: 90, scale: 1)
        XCTAssertEqual(s.inputs, [2, 5, 8, 1, 4, 7, 0, 3, 6])
        XCTAssertEqual(Augmenter.affineSourceMap(size: 4, degrees: 0, scale: 1), Array(0..<16))
        // Zooming out (scale 0.5) leaves the border uncovered: filled with 0 / 255.
        var z = Sample(channels: 1, size: 4, inputs: [Float](repeating: 3, count: 16), labels: [UInt8](repeating: 1, count: 48))
        Augmenter.affine(&z, degrees: 0, scale: 0.5)
        XCTAssertEqual(z.inputs[0], 0)
        XCTAssertEqual(z.labels[0], 255)
    }

    func testNoAugmentationLeavesTheSampleAndDrawsDeterministically() {
        let original = alignedSample(size: 8, seed: 1)
        var s = original
        var g = SeededGenerator(seed: 5)
        Augmenter(configuration: .none).augment(&s, using: &g) { _ in XCTFail("no partner needed"); return original }
        XCTAssertEqual(s, original)
        var a = original, b = original
        var ga = SeededGenerator(seed: 9), gb = SeededGenerator(seed: 9)
        let aug = Augmenter(configuration: AugmentationConfiguration())
        aug.augment(&a, using: &ga) { _ in alignedSample(size: 8, seed: 2) }
        aug.augment(&b, using: &gb) { _ in alignedSample(size: 8, seed: 2) }
        XCTAssertEqual(a, b)
    }
}
