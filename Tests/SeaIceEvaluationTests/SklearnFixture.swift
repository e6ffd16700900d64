import Foundation
import SeaIceEvaluation
import SeaIceTestSupport

/// `Fixtures/sklearn.json`, written once by `python/evaluation_fixtures.py` with scikit-learn.
struct SklearnFixture: Decodable {
    struct ChartCase: Decodable {
        var chart: String
        var reference: [UInt8]
        var prediction: [UInt8]
        var labels: [Int]
        var precision: [Double]
        var recall: [Double]
        var f1: [Double]
        var support: [Int64]
        var confusion: [[Int64]]
        var weightedF1: Double
        var r2: Double?
        var score: Double?

        var kind: Chart { Chart(rawValue: chart)! }

        /// The case's arrays accumulated into a confusion matrix.
        var matrix: ConfusionMatrix {
            var m = ConfusionMatrix(chart: kind)
            m.accumulate(reference: reference, prediction: prediction)
            return m
        }
    }

    struct Scene: Decodable {
        var SIC: ChartCase
        var SOD: ChartCase
        var FLOE: ChartCase
        var combined: Double
        var waterConsistency: Double

        func chart(_ chart: Chart) -> ChartCase {
            switch chart {
            case .sic: return SIC
            case .sod: return SOD
            case .floe: return FLOE
            }
        }
    }

    struct Rounding: Decodable {
        var x: Double
        var round3: Double
    }

    var sklearnVersion: String
    var scenes: [Scene]
    var edgeCases: [ChartCase]
    var rounding: [Rounding]

    static func load() throws -> SklearnFixture {
        let url = TestPaths.repository.appendingPathComponent("Tests/SeaIceEvaluationTests/Fixtures/sklearn.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { keys in
            let last = keys.last!.stringValue
            // snake_case → camelCase, but keep the chart keys SIC/SOD/FLOE as they are.
            if last == last.uppercased() { return AnyKey(last) }
            let parts = last.split(separator: "_")
            return AnyKey(parts.first.map(String.init)! + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
        }
        return try decoder.decode(SklearnFixture.self, from: Data(contentsOf: url))
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
