import SeaIceEvaluation
import SeaIceTestSupport
import XCTest

/// Metrics from confusion matrices against scikit-learn's outputs on the same arrays.
final class SklearnParityTests: XCTestCase {
    private func check(_ c: SklearnFixture.ChartCase, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let m = c.matrix
        let table = ConfusionTable(m)
        let classification = ClassificationMetrics(m)
        XCTAssertEqual(classification.classes.map(\.label), c.labels, context, file: file, line: line)
        XCTAssertEqual(classification.classes.map(\.support), c.support, context, file: file, line: line)
        for (k, scores) in classification.classes.enumerated() {
            XCTAssertEqual(scores.precision, c.precision[k], accuracy: 1e-12, "\(context) precision of \(scores.label)", file: file, line: line)
            XCTAssertEqual(scores.recall, c.recall[k], accuracy: 1e-12, "\(context) recall of \(scores.label)", file: file, line: line)
            XCTAssertEqual(scores.f1, c.f1[k], accuracy: 1e-12, "\(context) F1 of \(scores.label)", file: file, line: line)
        }
        XCTAssertEqual(classification.weightedF1 ?? .nan, c.weightedF1, accuracy: 1e-12, context, file: file, line: line)
        // scikit-learn's matrix covers the present labels; ours every class: compare on the present ones.
        for (i, ri) in c.labels.enumerated() {
            for (j, cj) in c.labels.enumerated() {
                let r = table.labels.firstIndex(of: ri)!, col = table.labels.firstIndex(of: cj)!
                XCTAssertEqual(table.counts[r][col], c.confusion[i][j], "\(context) confusion[\(ri)][\(cj)]", file: file, line: line)
            }
        }
        let r2 = RegressionMetrics(m).r2
        if let expected = c.r2 {
            XCTAssertEqual(r2, expected, accuracy: 1e-12, "\(context) R²", file: file, line: line)
        } else {
            XCTAssert(r2.isNaN, "\(context) R² should be undefined, got \(r2)", file: file, line: line)
        }
        let result = ChartResult(chart: c.kind, matrix: m)
        XCTAssertEqual(result.score, c.score, "\(context) challenge score", file: file, line: line)
    }

    func testRandomScenesMatchScikitLearn() throws {
        let fixture = try SklearnFixture.load()
        XCTAssertEqual(fixture.scenes.count, 3)
        for (s, scene) in fixture.scenes.enumerated() {
            for chart in Chart.allCases { check(scene.chart(chart), "scene \(s) \(chart.rawValue)") }
            let results = Chart.allCases.map { ChartResult(chart: $0, matrix: scene.chart($0).matrix) }
            var scores: [Chart: Double] = [:]
            for r in results { scores[r.chart] = r.score }
            XCTAssertEqual(ChallengeScore.combined(scores), scene.combined, "scene \(s) combined")
            var water = WaterConsistency()
            water.accumulate(sic: scene.SIC.prediction, sod: scene.SOD.prediction, floe: scene.FLOE.prediction)
            XCTAssertEqual(water.value, scene.waterConsistency, accuracy: 1e-12, "scene \(s) water consistency")
        }
    }

    func testEdgeCasesMatchScikitLearn() throws {
        let fixture = try SklearnFixture.load()
        XCTAssertFalse(fixture.edgeCases.isEmpty)
        for (k, c) in fixture.edgeCases.enumerated() { check(c, "edge case \(k) (\(c.chart))") }
    }

    func testRoundingMatchesNumpy() throws {
        for r in try SklearnFixture.load().rounding {
            XCTAssertEqual(ChallengeScore.round3(r.x), r.round3, "np.round(\(r.x), 3)")
        }
    }
}
