import Foundation
import SeaIceMetrics
import XCTest

/// The metrics core against scikit-learn's outputs on the arrays of
/// Tests/SeaIceEvaluationTests/Fixtures/sklearn.json (written by python/evaluation_fixtures.py).
final class SklearnParityTests: XCTestCase {
    struct Case: Decodable {
        var chart: String
        var reference: [UInt8]
        var prediction: [UInt8]
        var labels: [Int]
        var precision: [Double]
        var recall: [Double]
        var f1: [Double]
        var support: [Int64]
        var weighted_f1: Double
        var r2: Double?
    }

    struct Scene: Decodable {
        var SIC: Case
        var SOD: Case
        var FLOE: Case
    }

    struct Fixture: Decodable {
        var scenes: [Scene]
        var edge_cases: [Case]
    }

    /// Class count of each AutoICE chart.
    static let classCounts = ["SIC": 11, "SOD": 6, "FLOE": 7]

    private func check(_ c: Case, _ context: String) {
        // Valid classes 0 ..< K plus class K for a predicted 255 (scikit-learn sees one more label).
        let k = Self.classCounts[c.chart]!
        var m = CountConfusionMatrix(classCount: k + 1)
        m.accumulate(reference: c.reference, prediction: c.prediction, ignore: 255, maskedPrediction: .countAs(k))
        let labels = m.presentClasses.map { $0 == k ? 255 : $0 }
        XCTAssertEqual(labels, c.labels, context)
        for (j, i) in m.presentClasses.enumerated() {
            let b = m.binary(positive: i)
            XCTAssertEqual(b.support, c.support[j], context)
            XCTAssertEqual(b.precision ?? 0, c.precision[j], accuracy: 1e-12, "\(context) precision of \(labels[j])")
            XCTAssertEqual(b.recall ?? 0, c.recall[j], accuracy: 1e-12, "\(context) recall of \(labels[j])")
            XCTAssertEqual(b.f1 ?? 0, c.f1[j], accuracy: 1e-12, "\(context) F1 of \(labels[j])")
        }
        XCTAssertEqual(m.weightedF1 ?? .nan, c.weighted_f1, accuracy: 1e-12, "\(context) weighted F1")
        let values = (0...k).map { Double($0 == k ? 255 : $0) }
        let r2 = RegressionSums(m, values: values).r2
        if let expected = c.r2 {
            XCTAssertEqual(r2 ?? .nan, expected, accuracy: 1e-12, "\(context) R²")
        } else {
            XCTAssertNil(r2, "\(context) R² should be undefined")
        }
    }

    func testScenesAndEdgeCasesMatchScikitLearn() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SeaIceEvaluationTests/Fixtures/sklearn.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertEqual(fixture.scenes.count, 3)
        XCTAssertFalse(fixture.edge_cases.isEmpty)
        for (s, scene) in fixture.scenes.enumerated() {
            for (chart, c) in [("SIC", scene.SIC), ("SOD", scene.SOD), ("FLOE", scene.FLOE)] {
                check(c, "scene \(s) \(chart)")
            }
        }
        for (i, c) in fixture.edge_cases.enumerated() { check(c, "edge case \(i) (\(c.chart))") }
    }
}
