import Foundation
import SeaIceMetrics
import XCTest

/// Hand-computed confusion matrices for K = 1, 2, 3 and 10, the empty matrix, ignore values,
/// masks and weights.
final class ClassConfusionMatrixTests: XCTestCase {
    private func matrix(_ k: Int, _ reference: [UInt8], _ prediction: [UInt8]) -> CountConfusionMatrix {
        var m = CountConfusionMatrix(classCount: k)
        m.accumulate(reference: reference, prediction: prediction)
        return m
    }

    func testOneClass() {
        let m = matrix(1, [0, 0, 0], [0, 0, 0])
        XCTAssertEqual(m.counts, [3])
        XCTAssertEqual(m.accuracy, 1)
        XCTAssertEqual(m.macroF1, 1)
        XCTAssertEqual(m.weightedF1, 1)
        XCTAssertNil(m.cohensKappa, "p_e = 1: 0/0")
        let b = m.binary(positive: 0)
        XCTAssertEqual(b, BinaryCounts(truePositives: 3, falsePositives: 0, trueNegatives: 0, falseNegatives: 0))
        XCTAssertEqual(b.intersectionOverUnion, 1)
    }

    func testTwoClassesByHand() {
        // ref 1 1 1 0 0 0 0 1, pred 1 0 1 0 1 0 0 1: TP 3, FN 1, FP 1, TN 3.
        let m = matrix(2, [1, 1, 1, 0, 0, 0, 0, 1], [1, 0, 1, 0, 1, 0, 0, 1])
        XCTAssertEqual(m.counts, [3, 1, 1, 3])
        let b = m.binary(positive: 1)
        XCTAssertEqual(b, BinaryCounts(truePositives: 3, falsePositives: 1, trueNegatives: 3, falseNegatives: 1))
        XCTAssertEqual(b.precision, 0.75)
        XCTAssertEqual(b.recall, 0.75)
        XCTAssertEqual(b.f1, 0.75)
        XCTAssertEqual(b.intersectionOverUnion, 0.6)
        XCTAssertEqual(b.accuracy, 0.75)
        XCTAssertEqual(m.accuracy, 0.75)
        // p_o = 0.75, p_e = (4·4 + 4·4) / 64 = 0.5 → κ = 0.5.
        XCTAssertEqual(m.cohensKappa!, 0.5, accuracy: 1e-15)
    }

    func testThreeClassesByHand() {
        // class 0: TP 2, FP 0, FN 1 → F1 4/5; class 1: TP 1, FP 1, FN 1 → 1/2; class 2: TP 1, FP 1 → 2/3.
        let m = matrix(3, [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2])
        XCTAssertEqual(m.perClass.map(\.f1), [0.8, 0.5, 2.0 / 3.0])
        XCTAssertEqual(m.perClass.map(\.precision), [1, 0.5, 0.5])
        XCTAssertEqual(m.perClass.map(\.recall), [2.0 / 3.0, 0.5, 1])
        XCTAssertEqual(m.rowSums, [3, 2, 1])
        XCTAssertEqual(m.columnSums, [2, 2, 2])
        XCTAssertEqual(m.macroF1!, (0.8 + 0.5 + 2.0 / 3.0) / 3, accuracy: 1e-15)
        XCTAssertEqual(m.weightedF1!, (3 * 0.8 + 2 * 0.5 + 2.0 / 3.0) / 6, accuracy: 1e-15)
        XCTAssertEqual(m.accuracy!, 4.0 / 6.0, accuracy: 1e-15)
        // p_o = 2/3, p_e = (3·2 + 2·2 + 1·2) / 36 = 1/3 → κ = (1/3) / (2/3) = 0.5.
        XCTAssertEqual(m.cohensKappa!, 0.5, accuracy: 1e-15)
        XCTAssertEqual(m.binary(positive: 0).trueNegatives, 3)
    }

    func testTenClassesByHand() {
        // Every class twice; the last class-9 pixel predicted as 0.
        let reference = (0..<20).map { UInt8($0 / 2) }
        var prediction = reference
        prediction[19] = 0
        let m = matrix(10, reference, prediction)
        XCTAssertEqual(m.total, 20)
        XCTAssertEqual(m.binary(positive: 9).recall, 0.5)
        XCTAssertEqual(m.binary(positive: 9).precision, 1)
        XCTAssertEqual(m.binary(positive: 0).precision!, 2.0 / 3.0, accuracy: 1e-15)
        let f1: Double = (8.0 + 2.0 / 3.0 + 0.8) / 10.0
        XCTAssertEqual(m.macroF1!, f1, accuracy: 1e-15)
        XCTAssertEqual(m.weightedF1!, f1, accuracy: 1e-15, "equal supports: weighted = macro")
        XCTAssertEqual(m.accuracy, 0.95)
        // p_e = (2·3 + 2·1 + 8·2·2) / 400 = 0.1 → κ = 0.85 / 0.9.
        XCTAssertEqual(m.cohensKappa!, 0.85 / 0.9, accuracy: 1e-15)
    }

    func testAbsentClassesAreLeftOutOfTheAverages() {
        // K = 10, only 0 and 3 seen; class 5 only predicted (F1 0, support 0).
        let m = matrix(10, [0, 0, 3, 3], [0, 0, 3, 5])
        XCTAssertEqual(m.presentClasses, [0, 3, 5])
        XCTAssertNil(m.binary(positive: 7).f1, "absent from both: undefined")
        XCTAssertNil(m.binary(positive: 5).recall, "no support")
        XCTAssertEqual(m.binary(positive: 5).f1, 0)
        let f1Of3: Double = 2.0 / 3.0  // TP 1, FN 1, FP 0
        XCTAssertEqual(m.macroF1!, (1.0 + f1Of3) / 3.0, accuracy: 1e-15)
        XCTAssertEqual(m.weightedF1!, (2.0 + 2.0 * f1Of3) / 4.0, accuracy: 1e-15)
    }

    func testEmptyMatrixIsUndefinedEverywhere() {
        for k in [1, 2, 3, 10] {
            let m = CountConfusionMatrix(classCount: k)
            XCTAssertEqual(m.total, 0)
            XCTAssertEqual(m.presentClasses, [])
            XCTAssertNil(m.accuracy)
            XCTAssertNil(m.macroF1)
            XCTAssertNil(m.weightedF1)
            XCTAssertNil(m.cohensKappa)
            let b = m.binary(positive: k - 1)
            XCTAssertNil(b.precision)
            XCTAssertNil(b.recall)
            XCTAssertNil(b.f1)
            XCTAssertNil(b.intersectionOverUnion)
            XCTAssertNil(b.accuracy)
        }
    }

    func testIgnoreValueAndMaskedPredictions() {
        let reference: [UInt8] = [0, 1, 255, 2, 1], prediction: [UInt8] = [0, 255, 1, 2, 1]
        var skip = CountConfusionMatrix(classCount: 3)
        skip.accumulate(reference: reference, prediction: prediction, ignore: 255)
        XCTAssertEqual(skip.total, 3, "reference 255 and prediction 255 both skipped")
        var extra = CountConfusionMatrix(classCount: 4)
        extra.accumulate(reference: reference, prediction: prediction, ignore: 255, maskedPrediction: .countAs(3))
        XCTAssertEqual(extra.total, 4)
        XCTAssertEqual(extra[1, 3], 1, "prediction 255 at reference 1 counted as class 3")
        XCTAssertEqual(extra.binary(positive: 1).recall, 0.5)
        var masked = CountConfusionMatrix(classCount: 3)
        masked.accumulate(reference: reference, prediction: prediction, ignore: 255,
                          mask: [true, true, true, false, true])
        XCTAssertEqual(masked.counts, [1, 0, 0, 0, 1, 0, 0, 0, 0])
        // Signed labels with a negative ignore value.
        var signed = CountConfusionMatrix(classCount: 2)
        signed.accumulate(reference: [-1, 0, 1] as [Int32], prediction: [1, 0, 1] as [Int32], ignore: -1)
        XCTAssertEqual(signed.counts, [1, 0, 0, 1])
    }

    func testIntegerWeightsEqualRepeatedPixels() {
        var weighted = WeightedConfusionMatrix(classCount: 3)
        weighted.accumulate(reference: [0, 1, 2, 255] as [UInt8], prediction: [0, 2, 2, 0] as [UInt8],
                            weights: [2, 3, 0, 5], ignore: 255)
        var repeated = WeightedConfusionMatrix(classCount: 3)
        repeated.accumulate(reference: [0, 0, 1, 1, 1] as [UInt8], prediction: [0, 0, 2, 2, 2] as [UInt8])
        XCTAssertEqual(weighted, repeated)
        XCTAssertEqual(weighted.total, 5)
        XCTAssertEqual(weighted.accuracy, 0.4)
    }

    func testMergeEqualsTheConcatenation() {
        let r1: [UInt8] = [0, 1, 2, 3, 4], p1: [UInt8] = [0, 1, 1, 3, 0]
        let r2: [UInt8] = [4, 4, 0], p2: [UInt8] = [4, 2, 0]
        var a = matrix(5, r1, p1)
        a.merge(matrix(5, r2, p2))
        XCTAssertEqual(a, matrix(5, r1 + r2, p1 + p2))
    }

    func testCodableRoundTripAndCountCheck() throws {
        let m = matrix(3, [0, 1, 2, 2], [0, 2, 2, 1])
        let data = try JSONEncoder().encode(m)
        XCTAssertEqual(try JSONDecoder().decode(CountConfusionMatrix.self, from: data), m)
        let bad = Data(#"{"classCount": 2, "counts": [1, 2, 3]}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(CountConfusionMatrix.self, from: bad)) { error in
            XCTAssertTrue("\(error)".contains("expected 2² counts"), "\(error)")
        }
    }

    func testFirstInvalidLabel() {
        XCTAssertNil(ClassLabels.firstInvalid([0, 2, 255] as [UInt8], classCount: 3, ignore: 255))
        XCTAssertEqual(ClassLabels.firstInvalid([0, 3, 255] as [UInt8], classCount: 3)?.index, 1)
        let negative = ClassLabels.firstInvalid([0, -2, -1] as [Int], classCount: 3, ignore: -1)
        XCTAssertEqual(negative?.index, 1)
        XCTAssertEqual(negative?.value, -2)
    }
}
