import SeaIceEvaluation
import XCTest

final class ConfusionMatrixTests: XCTestCase {
    func testCountsSkipMaskedReferencesAndKeepMaskedPredictions() {
        var m = ConfusionMatrix(classCount: 3)
        m.accumulate(reference: [0, 0, 1, 2, 255, 255, 2], prediction: [0, 1, 1, 255, 2, 255, 2])
        XCTAssertEqual(m.total, 5)
        XCTAssertEqual(m[0, 0], 1)
        XCTAssertEqual(m[0, 1], 1)
        XCTAssertEqual(m[1, 1], 1)
        XCTAssertEqual(m[2, 3], 1, "prediction 255 at a valid reference is the extra label")
        XCTAssertEqual(m[2, 2], 1)
        XCTAssertEqual(m.rowSums, [2, 1, 2, 0])
        XCTAssertEqual(m.columnSums, [1, 2, 1, 1])
        XCTAssertEqual(m.presentIndices, [0, 1, 2, 3])
        XCTAssertEqual(m.value(at: 3), 255)
        XCTAssertEqual(m.index(of: 255), 3)
    }

    func testEmptyAndAllMaskedInputs() {
        var m = ConfusionMatrix(chart: .sod)
        m.accumulate(reference: [], prediction: [])
        m.accumulate(reference: [255, 255, 255], prediction: [1, 2, 255])
        XCTAssertEqual(m.total, 0)
        XCTAssertEqual(m.presentIndices, [])
        XCTAssertEqual(m, ConfusionMatrix(classCount: 6))
    }

    func testMergeEqualsAccumulatingTheConcatenation() {
        let r1: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 255], p1: [UInt8] = [0, 1, 1, 3, 6, 5, 0, 3]
        let r2: [UInt8] = [6, 6, 0, 255], p2: [UInt8] = [6, 5, 255, 0]
        var a = ConfusionMatrix(chart: .floe), b = ConfusionMatrix(chart: .floe), whole = ConfusionMatrix(chart: .floe)
        a.accumulate(reference: r1, prediction: p1)
        b.accumulate(reference: r2, prediction: p2)
        whole.accumulate(reference: r1 + r2, prediction: p1 + p2)
        a.merge(b)
        XCTAssertEqual(a, whole)
        XCTAssertEqual(a.total, 10)
    }

    func testLabelCheckFindsFirstOutOfRangeValue() {
        XCTAssertNil(LabelCheck.firstInvalid([0, 10, 255, 5], classCount: 11))
        XCTAssertNil(LabelCheck.firstInvalid([], classCount: 6))
        let bad = LabelCheck.firstInvalid([0, 5, 6, 254, 7], classCount: 6)
        XCTAssertEqual(bad?.index, 2)
        XCTAssertEqual(bad?.value, 6)
    }

    func testChartConstants() {
        XCTAssertEqual(Chart.allCases.map(\.classCount), [11, 6, 7])
        XCTAssertEqual(Chart.allCases.map(\.weight), [2, 2, 1])
        XCTAssertEqual(Chart.allCases.map(\.classNames.count), [11, 6, 7])
        XCTAssertEqual(Chart.sic.metric, .r2)
        XCTAssertEqual(Chart.floe.metric, .weightedF1)
        XCTAssertEqual(Chart.sod.labelName(255), "masked")
        XCTAssertEqual(Chart.sod.labelName(9), "9")
        XCTAssertEqual(Chart.allCases.sorted(), [.sic, .sod, .floe])
    }
}
