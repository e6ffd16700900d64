import SeaIceEvaluation
import XCTest

/// Hand-computed cases for R², F1 and the challenge arithmetic.
final class MetricsTests: XCTestCase {
    private func matrix(_ chart: Chart, _ reference: [UInt8], _ prediction: [UInt8]) -> ConfusionMatrix {
        var m = ConfusionMatrix(chart: chart)
        m.accumulate(reference: reference, prediction: prediction)
        return m
    }

    func testWeightedF1ByHand() {
        // reference 0 0 0 1 1 2, prediction 0 0 1 1 2 2
        // class 0: tp 2, fp 0, fn 1 → F1 4/5; class 1: tp 1, fp 1, fn 1 → 1/2; class 2: tp 1, fp 1, fn 0 → 2/3
        // weighted: (3·0.8 + 2·0.5 + 1·2/3) / 6
        let m = ClassificationMetrics(matrix(.sod, [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2]))
        XCTAssertEqual(m.classes.map(\.label), [0, 1, 2])
        XCTAssertEqual(m.classes.map(\.f1), [0.8, 0.5, 2.0 / 3.0])
        XCTAssertEqual(m.classes.map(\.precision), [1, 0.5, 0.5])
        XCTAssertEqual(m.classes.map(\.recall), [2.0 / 3.0, 0.5, 1])
        XCTAssertEqual(m.classes.map(\.support), [3, 2, 1])
        XCTAssertEqual(m.weightedF1!, (3 * 0.8 + 2 * 0.5 + 2.0 / 3.0) / 6, accuracy: 1e-15)
        XCTAssertEqual(m.accuracy!, 4.0 / 6.0, accuracy: 1e-15)
    }

    func testClassOnlyInPredictionHasZeroWeightButCountsAsLabel() {
        // Class 5 is predicted once, never in the reference: F1 0, support 0.
        let m = ClassificationMetrics(matrix(.sod, [0, 0, 1], [0, 5, 1]))
        XCTAssertEqual(m.classes.map(\.label), [0, 1, 5])
        XCTAssertEqual(m.classes[2].f1, 0)
        XCTAssertEqual(m.classes[2].precision, 0)
        XCTAssertEqual(m.classes[2].support, 0)
        // class 0: tp 1, fn 1 → F1 2/3; class 1: 1.
        XCTAssertEqual(m.weightedF1!, (2 * 2.0 / 3.0 + 1) / 3, accuracy: 1e-15)
    }

    func testReferenceClassNeverPredictedHasZeroPrecisionAndRecall() {
        let m = ClassificationMetrics(matrix(.floe, [3, 3, 0], [0, 0, 0]))
        XCTAssertEqual(m.classes.first { $0.label == 3 }, ClassScores(label: 3, precision: 0, recall: 0, f1: 0, support: 2, truePositives: 0))
        XCTAssertEqual(m.weightedF1!, 1.0 / 3.0 * 0.5, accuracy: 1e-15) // class 0: tp 1, fp 2 → F1 2/4
    }

    func testAllMaskedIsUndefined() {
        let m = matrix(.sic, [255, 255], [3, 4])
        XCTAssertNil(ClassificationMetrics(m).weightedF1)
        XCTAssertNil(ClassificationMetrics(m).accuracy)
        XCTAssert(RegressionMetrics(m).r2.isNaN)
        let result = ChartResult(chart: .sic, matrix: m)
        XCTAssertNil(result.accuracy)
        XCTAssertNil(result.score)
        XCTAssertEqual(result.pixels, 0)
    }

    func testOneClassPerfectAndImperfect() {
        XCTAssertEqual(ClassificationMetrics(matrix(.floe, [4, 4, 4], [4, 4, 4])).weightedF1, 1)
        // tp 1, fn 2 → F1 2/4; classes 0 and 6 have support 0.
        XCTAssertEqual(ClassificationMetrics(matrix(.floe, [4, 4, 4], [4, 0, 6])).weightedF1, 0.5)
    }

    func testR2ByHand() {
        // y = 0 2 4 6, ŷ = 0 2 4 4: ȳ = 3, SS_tot = 9+1+1+9 = 20, SS_res = 4 → R² = 0.8
        let r = RegressionMetrics(matrix(.sic, [0, 2, 4, 6], [0, 2, 4, 4]))
        XCTAssertEqual(r.count, 4)
        XCTAssertEqual(r.referenceMean, 3)
        XCTAssertEqual(r.totalSumOfSquares, 20)
        XCTAssertEqual(r.residualSumOfSquares, 4)
        XCTAssertEqual(r.r2, 0.8, accuracy: 1e-15)
        XCTAssertEqual(r.meanSquaredError, 1)
    }

    func testR2EdgeCasesFollowScikitLearn() {
        XCTAssertEqual(RegressionMetrics(matrix(.sic, [7, 7, 7], [7, 7, 7])).r2, 1, "constant reference, exact")
        XCTAssertEqual(RegressionMetrics(matrix(.sic, [7, 7, 7], [7, 6, 7])).r2, 0, "constant reference, not exact")
        XCTAssert(RegressionMetrics(matrix(.sic, [5], [5])).r2.isNaN, "one sample")
        XCTAssertEqual(RegressionMetrics(matrix(.sic, [0, 10], [10, 0])).r2, -3, "worse than the mean")
        // A prediction of 255 at a valid reference counts as the number 255.
        let r = RegressionMetrics(matrix(.sic, [0, 10], [0, 255]))
        XCTAssertEqual(r.residualSumOfSquares, 245 * 245)
    }

    func testChallengeRoundingAndCombinedScore() {
        XCTAssertEqual(ChallengeScore.percent(0.920004999), 92.0)
        XCTAssertEqual(ChallengeScore.percent(0.9), 90.0)
        XCTAssertEqual(ChallengeScore.round3(0.0025), 0.002, "half to even")
        XCTAssertEqual(ChallengeScore.round3(0.0015), 0.002)
        XCTAssert(ChallengeScore.round3(.nan).isNaN)
        // MMSeaIce paper, best re-trained model: SIC 91.7, SOD 88.2, FLOE 76.4 → 87.24.
        XCTAssertEqual(ChallengeScore.combined([.sic: 91.7, .sod: 88.2, .floe: 76.4]), 87.24)
        XCTAssertEqual(ChallengeScore.combined([.sic: 50, .sod: 100]), 75, "weights re-normalised over the charts given")
        XCTAssertNil(ChallengeScore.combined([.sic: .nan, .sod: 1, .floe: 1]))
        XCTAssertNil(ChallengeScore.combined([:]))
    }

    func testRegressionToClass() {
        XCTAssertEqual(SICClassIndex.fromRegression(3.4), 3)
        XCTAssertEqual(SICClassIndex.fromRegression(2.5), 2, "half to even like torch.round")
        XCTAssertEqual(SICClassIndex.fromRegression(3.5), 4)
        XCTAssertEqual(SICClassIndex.fromRegression(-0.7), 0)
        XCTAssertEqual(SICClassIndex.fromRegression(11.6), 10, "clamped to 10, not 12 as in the reference")
        XCTAssertEqual(SICClassIndex.fromRegression(.infinity), 10)
        XCTAssertEqual(SICClassIndex.fromRegression(.nan), 255)
        XCTAssertEqual(SICClassIndex.fromPercent(0), 0)
        XCTAssertEqual(SICClassIndex.fromPercent(100), 10)
        XCTAssertEqual(SICClassIndex.fromPercent(45), 4)
        XCTAssertEqual(SICClassIndex.fromPercent(47), 5)
        XCTAssertNil(SICClassIndex.fromPercent(101))
    }

    func testWaterConsistencyByHand() {
        var w = WaterConsistency()
        // pixel 1: all water; 2: all ice; 3: SIC ice, others water (sum 2); 4: masked SOD, skipped.
        w.accumulate(sic: [0, 3, 5, 1], sod: [0, 2, 0, 255], floe: [0, 1, 0, 1])
        XCTAssertEqual(w.pixels, 3)
        XCTAssertEqual(w.disagreement, 2)
        XCTAssertEqual(w.value, 1 - 2.0 / 3.0, accuracy: 1e-15)
        XCTAssert(WaterConsistency().value.isNaN)
    }
}
