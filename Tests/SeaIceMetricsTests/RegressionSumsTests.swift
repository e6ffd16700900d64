import SeaIceCore
import SeaIceMetrics
import XCTest

/// Hand-computed R², MAE, RMSE and bias, their undefined cases, and streaming over batches.
final class RegressionSumsTests: XCTestCase {
    private func sums(_ y: [Float], _ yHat: [Float]) -> RegressionSums {
        var s = RegressionSums()
        s.accumulate(reference: y, prediction: yHat)
        return s
    }

    func testByHand() {
        // y = 0 2 4 6, ŷ = 0 2 4 4: ȳ = 3, SS_tot = 20, SS_res = 4 → R² 0.8; errors 0 0 0 −2.
        let s = sums([0, 2, 4, 6], [0, 2, 4, 4])
        XCTAssertEqual(s.samples, 4)
        XCTAssertEqual(s.referenceMean, 3)
        XCTAssertEqual(s.referenceSpread, 20)
        XCTAssertEqual(s.sumSquaredError, 4)
        XCTAssertEqual(s.r2!, 0.8, accuracy: 1e-15)
        XCTAssertEqual(s.meanAbsoluteError, 0.5)
        XCTAssertEqual(s.meanSquaredError, 1)
        XCTAssertEqual(s.rootMeanSquaredError, 1)
        XCTAssertEqual(s.bias, -0.5)
    }

    func testUndefinedAndEdgeCasesFollowScikitLearn() {
        let empty = RegressionSums()
        XCTAssertNil(empty.r2)
        XCTAssertNil(empty.bias)
        XCTAssertNil(empty.meanAbsoluteError)
        XCTAssertNil(empty.rootMeanSquaredError)
        XCTAssertNil(sums([5], [5]).r2, "one sample")
        XCTAssertEqual(sums([5], [4]).meanAbsoluteError, 1)
        XCTAssertEqual(sums([7, 7, 7], [7, 7, 7]).r2, 1, "constant reference, exact")
        XCTAssertEqual(sums([7, 7, 7], [7, 6, 7]).r2, 0, "constant reference, not exact")
        XCTAssertEqual(sums([0, 10], [10, 0]).r2, -3, "worse than the mean")
    }

    func testSkippedPixels() {
        var s = RegressionSums()
        s.accumulate(reference: [0, .nan, 255, 2, 4, 6, 9], prediction: [0, 1, 1, 2, 4, 4, 0], ignore: 255,
                     mask: [true, true, true, true, true, true, false])
        XCTAssertEqual(s, sums([0, 2, 4, 6], [0, 2, 4, 4]))
        var w = RegressionSums()
        w.accumulate(reference: [0, 2, 6, 4], prediction: [0, 2, 4, 9], weights: [1, 2, 1, 0])
        var repeated = sums([0, 2, 2, 6], [0, 2, 2, 4])
        XCTAssertEqual(w.samples, 3, "pixels counted, weight 0 skipped")
        repeated.samples = 3
        XCTAssertEqual(w, repeated, "integer weights = repeated pixels")
        XCTAssert(sums([1, 2], [1, .nan]).meanSquaredError!.isNaN, "a NaN prediction is not hidden")
    }

    func testMergingBatchesEqualsOnePass() {
        var g = SeededGenerator(seed: 12)
        let y = (0..<1000).map { _ in Float.random(in: 0...100, using: &g) }
        let yHat = y.map { $0 + Float.random(in: -20...20, using: &g) }
        let whole = sums(y, yHat)
        var pooled = RegressionSums()
        for start in stride(from: 0, to: 1000, by: 137) {
            let end = min(start + 137, 1000)
            pooled.merge(sums(Array(y[start..<end]), Array(yHat[start..<end])))
        }
        pooled.merge(RegressionSums())
        XCTAssertEqual(pooled.samples, 1000)
        XCTAssertEqual(pooled.referenceMean, whole.referenceMean, accuracy: 1e-9)
        XCTAssertEqual(pooled.referenceSpread, whole.referenceSpread, accuracy: 1e-6 * whole.referenceSpread)
        XCTAssertEqual(pooled.r2!, whole.r2!, accuracy: 1e-12)
        XCTAssertEqual(pooled.meanAbsoluteError!, whole.meanAbsoluteError!, accuracy: 1e-9)
        XCTAssertEqual(pooled.bias!, whole.bias!, accuracy: 1e-9)
    }

    func testSumsOfAMatrixEqualTheArrays() {
        let reference: [UInt8] = [0, 0, 1, 2, 2, 2, 3], prediction: [UInt8] = [0, 1, 1, 2, 3, 0, 3]
        var m = CountConfusionMatrix(classCount: 4)
        m.accumulate(reference: reference, prediction: prediction)
        let values: [Double] = [0, 10, 20, 30]
        let fromMatrix = RegressionSums(m, values: values)
        let fromArrays = sums(reference.map { Float(values[Int($0)]) }, prediction.map { Float(values[Int($0)]) })
        XCTAssertEqual(fromMatrix.samples, 7)
        XCTAssertEqual(fromMatrix.sumSquaredError, fromArrays.sumSquaredError)
        XCTAssertEqual(fromMatrix.sumAbsoluteError, fromArrays.sumAbsoluteError)
        XCTAssertEqual(fromMatrix.sumError, fromArrays.sumError)
        XCTAssertEqual(fromMatrix.referenceSpread, fromArrays.referenceSpread, accuracy: 1e-9)
        XCTAssertEqual(fromMatrix.r2!, fromArrays.r2!, accuracy: 1e-12)
        XCTAssertNil(RegressionSums(CountConfusionMatrix(classCount: 2), values: [0, 1]).r2)
    }
}
