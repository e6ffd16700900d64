import Foundation
import Logging
import SeaIceClasses
import SeaIceEvaluation
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// Products written by `SeaIceProducts.CFProductWriter` (SIC in percent, `scene_id` attribute,
/// `simulated` = yes/no) are evaluated like the same class maps in a submission file.
final class ProductEvaluationTests: XCTestCase {
    private let logger = Logger(label: "test.evaluation")

    private func product(_ scene: EvaluationFiles.Scene, simulated: Bool) -> IceProduct {
        IceProduct(sceneID: scene.id, height: scene.lines, width: scene.samples, pixelSpacing: 80,
                   sicPercent: scene.labels[.sic]!.map { $0 == 255 ? 255 : $0 * 10 },
                   sod: scene.labels[.sod]!, floe: scene.labels[.floe]!,
                   provenance: ProductProvenance(inputs: ["test"], model: "test", softwareVersion: "test",
                                                 simulated: simulated, commandLine: "test"))
    }

    func testProductsScoreLikeTheSubmissionOfTheSameMaps() throws {
        let fixture = try SklearnFixture.load()
        let dir = try TestPaths.temporaryDirectory("eval-products")
        let products = dir.appendingPathComponent("products"), refs = dir.appendingPathComponent("refs")
        for folder in [products, refs] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let ids = ["20190301T101010_dmi", "20200417T121212_cis"]
        var predicted: [EvaluationFiles.Scene] = []
        for (k, id) in ids.enumerated() {
            let s = fixture.scenes[k + 1]
            let (h, w) = k == 0 ? (15, 20) : (20, 30)
            let pred = EvaluationFiles.Scene(id: id, lines: h, samples: w,
                                             labels: Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, s.chart($0).prediction) }))
            let ref = EvaluationFiles.Scene(id: id, lines: h, samples: w,
                                            labels: Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, s.chart($0).reference) }))
            predicted.append(pred)
            // File names say nothing: the scene id comes from the `scene_id` attribute.
            try CFProductWriter().write(product(pred, simulated: false), to: products.appendingPathComponent("product-\(k).nc"))
            try EvaluationFiles.writeSceneFile(ref, in: refs)
        }
        let submission = dir.appendingPathComponent("submission.nc")
        try EvaluationFiles.writeSubmission(predicted, to: submission)

        let evaluator = Evaluator(configuration: .init(blockRows: 6), logger: logger)
        let fromProducts = try evaluator.evaluate(predictions: try LabelSource(products, logger: logger),
                                                  references: try LabelSource(refs, logger: logger))
        let fromSubmission = try evaluator.evaluate(predictions: try LabelSource(submission, logger: logger),
                                                    references: try LabelSource(refs, logger: logger))
        XCTAssertFalse(fromProducts.simulated, "simulated = \"no\" is not a simulation flag: \(fromProducts.simulationNotes)")
        XCTAssertEqual(fromProducts.charts, fromSubmission.charts)
        XCTAssertEqual(fromProducts.scenes, fromSubmission.scenes)
        XCTAssertEqual(fromProducts.scenes.map(\.scene), ids)
        XCTAssertEqual(fromProducts.scenes[0].chart(.sod)?.score, fixture.scenes[1].SOD.score)

        // A simulated product flags the whole report.
        try CFProductWriter().write(product(predicted[0], simulated: true), to: products.appendingPathComponent("product-0.nc"))
        let simulated = try evaluator.evaluate(predictions: try LabelSource(products, logger: logger),
                                               references: try LabelSource(refs, logger: logger))
        XCTAssertTrue(simulated.simulated)
        XCTAssertEqual(simulated.simulationNotes, ["product-0.nc: simulated = true"])
    }

    /// `seaice predict --submission`'s path: `SubmissionBuilder` (moved here from SeaIceInference) writes the
    /// products' class maps (SIC % → tenths) and they score like a submission written directly.
    func testSubmissionBuilderWritesTheProductsClassMaps() throws {
        let fixture = try SklearnFixture.load()
        let dir = try TestPaths.temporaryDirectory("eval-builder")
        let refs = dir.appendingPathComponent("refs")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        let s = fixture.scenes[1]  // 15 × 20 pixels
        let id = "20210101T000000_dmi"
        func maps(_ side: KeyPath<SklearnFixture.ChartCase, [UInt8]>) -> [Chart: [UInt8]] {
            Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, s.chart($0)[keyPath: side]) })
        }
        let pred = EvaluationFiles.Scene(id: id, lines: 15, samples: 20, labels: maps(\.prediction))
        let ref = EvaluationFiles.Scene(id: id, lines: 15, samples: 20, labels: maps(\.reference))
        try EvaluationFiles.writeSceneFile(ref, in: refs)
        var p = product(pred, simulated: true)
        p.sceneID = id + "_ready_to_train"
        p.sodProbabilities = [Float](repeating: 0.5, count: 15 * 20 * ClassTable.sod.count)
        let built = dir.appendingPathComponent("built.nc"), direct = dir.appendingPathComponent("direct.nc")
        try SubmissionBuilder.write([p.classMapsOnly], to: built)
        try EvaluationFiles.writeSubmission([pred], to: direct)
        XCTAssertEqual(SubmissionBuilder.sceneName(p.sceneID), id)
        XCTAssertNil(p.classMapsOnly.sodProbabilities)
        let evaluator = Evaluator(configuration: .init(blockRows: 6), logger: logger)
        let a = try evaluator.evaluate(predictions: try LabelSource(built, logger: logger),
                                       references: try LabelSource(refs, logger: logger))
        let b = try evaluator.evaluate(predictions: try LabelSource(direct, logger: logger),
                                       references: try LabelSource(refs, logger: logger))
        XCTAssertEqual(a.charts, b.charts)
        XCTAssertEqual(a.charts.map(\.score), Chart.allCases.map { s.chart($0).score })
        XCTAssertTrue(a.simulated, "a simulated product marks the submission")
    }
}
