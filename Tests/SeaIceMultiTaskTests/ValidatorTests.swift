import AI4ArcticTestSupport
import Foundation
import SeaIceEvaluation
import SeaIceInference
import SeaIceSampling
@testable import SeaIceMultiTask
import SeaIceTraining
import XCTest

final class ValidatorTests: XCTestCase {
    /// A prediction equal to the downscaled labels, upsampled back, scores exactly what the
    /// nearest-neighbour round trip preserves; at factor 1 that is everything (100 %).
    func testPerfectPredictionScoresHundredAtFactorOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-validator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try ReadySceneFixture(lines: 70, samples: 45, maskedRows: 3).write(to: dir)
        for factor in [1, 3] {
            var inputs = SamplerConfiguration()
            inputs.downscaleFactor = factor
            let validator = try Validator(files: [url], inputs: inputs, settings: .init(), device: .cpu)
            let scene = validator.scenes[0]
            let labels = try DownscaledScene.load(url, channels: inputs.channels, factor: factor, downsampling: .nearest).labels
            XCTAssertEqual(scene.scene.labels[0], [UInt8](repeating: 255, count: labels[0].count), "prediction never reads labels")
            var p = DownscaledPrediction(rows: scene.scene.rows, cols: scene.scene.cols, withSpread: false)
            p.sic = labels[0].map { $0 == 255 ? 0 : $0 }
            p.sod = labels[1]
            p.floe = labels[2]
            var matrices = Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, ConfusionMatrix(chart: $0)) })
            try validator.accumulate(p, scene: scene, into: &matrices)
            XCTAssertEqual(matrices[.sic]!.total, Int64(67 * 45), "every valid 80 m SIC pixel pooled (factor \(factor))")
            XCTAssertEqual(matrices[.sod]!.total, Int64(70 * 45))
            if factor == 1 {
                XCTAssertEqual(RegressionMetrics(matrices[.sic]!).r2, 1)
                XCTAssertEqual(ClassificationMetrics(matrices[.sod]!).weightedF1, 1)
                XCTAssertEqual(ClassificationMetrics(matrices[.floe]!).weightedF1, 1)
            } else {
                // SOD = row % 6 is constant along rows: the pixel row 3i stands for rows 3i…3i+2.
                let expectedCorrect = (0..<70).filter { $0 % 6 == (3 * ($0 / 3)) % 6 }.count * 45
                let correct = (0..<6).reduce(Int64(0)) { $0 + matrices[.sod]![$1, $1] }
                XCTAssertEqual(correct, Int64(expectedCorrect))
            }
        }
    }
}
