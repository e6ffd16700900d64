import Foundation
import SeaIceCore
import SeaIceCover
import SeaIceModels
import SeaIceTensor
import SeaIceTiling
import XCTest

/// Tiled prediction through the shared engine equals whole-image prediction when the overlap covers the
/// network's receptive field and the tiles sit on its pooling grid; invalid pixels stay NaN.
final class CoverPredictorTests: XCTestCase {
    func testStitchingEqualsWholeImageInference() throws {
        var g = SeededGenerator(seed: 8)
        let net = try CoverUNet(CoverUNetConfiguration(filters: [4, 8, 8]), generator: &g)
        let lines = 96, samples = 128, n = lines * samples
        let x = try Tensor((0..<(3 * 32 * 32)).map { _ in Float(g.nextUnitDouble()) }, shape: [1, 3, 32, 32])
        _ = try net(x); _ = try net(x * 0.5)  // non-trivial BatchNorm statistics
        var rgb = [UInt8](repeating: 0, count: 3 * n)
        for k in 0..<(3 * n) { rgb[k] = UInt8(truncatingIfNeeded: (k * 37 + (k / 300) * 11) % 256) }
        var valid = [Bool](repeating: true, count: n)
        valid[5] = false
        let composite = CoverComposite(rgb: rgb, valid: valid, hvLow: 0, hvHigh: 1)
        // Receptive-field radius of two poolings: 2 + 4 + 8 + 4 + 2 = 20 pixels; overlap 48 leaves 24 each side.
        let tiled = try CoverPredictor(network: net, tiling: TilingConfiguration(tileSize: 64, overlap: 48))
            .probability(composite, lines: lines, samples: samples)
        let whole = try CoverPredictor(network: net, tiling: TilingConfiguration(tileSize: 256, overlap: 12))
            .probability(composite, lines: lines, samples: samples)
        XCTAssertTrue(tiled[5].isNaN); XCTAssertTrue(whole[5].isNaN)
        var worst: Float = 0
        for k in 0..<n where k != 5 { worst = max(worst, abs(tiled[k] - whole[k])) }
        XCTAssertLessThan(worst, 1e-5)
        // An overlap below the receptive field shows seams: the comparison above can fail.
        let seamed = try CoverPredictor(network: net, tiling: TilingConfiguration(tileSize: 64, overlap: 8))
            .probability(composite, lines: lines, samples: samples)
        XCTAssertGreaterThan(zip(seamed, whole).map { $0.isNaN ? 0 : abs($0 - $1) }.max()!, 2e-5)
        XCTAssertGreaterThan(Set(whole.filter { !$0.isNaN }).count, 1000, "not a constant map")
        XCTAssertThrowsError(try CoverPredictor(network: net).probability(composite, lines: lines, samples: samples + 1))
    }
}
