@testable import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// The texture-noise Gaussian against scipy.ndimage.gaussian_filter1d(x, 3.0, mode="reflect").
///
/// Expected values generated once with scipy 1.17.1 (scripts/python):
/// `x = [((i*7919) % 101)/10 for i in range(40)]; gaussian_filter1d(x, 3.0, mode='reflect')[[0,1,5,12,20,27,38,39]]`.
final class GaussianKernelTests: XCTestCase {
    let x: [Float] = (0..<40).map { Float((($0 * 7919) % 101)) / 10 }
    let expected: [(Int, Float)] = [(0, 3.605694), (1, 3.685855), (5, 4.250994), (12, 4.76168), (20, 5.23832),
                                    (27, 5.656488), (38, 4.912458), (39, 4.921407)]

    func testRowMatchesScipy() {
        let k = GaussianKernel(sigma: 3)
        XCTAssertEqual(k.radius, 12)
        XCTAssertEqual(k.weights.reduce(0, +), 1, accuracy: 1e-6)
        var out = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { s in out.withUnsafeMutableBufferPointer { k.filterRow(s.baseAddress!, $0.baseAddress!, count: x.count) } }
        for (i, v) in expected { XCTAssertEqual(out[i], v, accuracy: 2e-5, "x[\(i)]") }
    }

    func testColumnsMatchRows() {
        // The same signal down a column of 40 one-pixel rows (reflected as the processor does).
        let k = GaussianKernel(sigma: 3)
        let flat: [Float] = x.flatMap { [Float](repeating: $0, count: 11) }
        for (i, v) in expected {
            var dst = [Float](repeating: 0, count: 11)
            flat.withUnsafeBufferPointer { f in
                let ptrs = (-k.radius...k.radius).map { f.baseAddress! + GaussianKernel.reflect(i + $0, x.count) * 11 }
                dst.withUnsafeMutableBufferPointer { k.combineRows(ptrs, $0.baseAddress!, count: 11) }
            }
            for d in dst { XCTAssertEqual(d, v, accuracy: 2e-5, "row \(i)") }
        }
    }

    func testReflectIndices() {
        XCTAssertEqual((-3...6).map { GaussianKernel.reflect($0, 4) }, [2, 1, 0, 0, 1, 2, 3, 3, 2, 1])
        XCTAssertEqual(GaussianKernel.reflect(-5, 1), 0)
    }
}
