import Foundation
import Logging
import SeaIceCore
import SeaIceEvaluation
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

/// Files on disk → evaluator → report folder, checked against scikit-learn's numbers.
final class EvaluationEndToEndTests: XCTestCase {
    private let logger = Logger(label: "test.evaluation")
    /// Shapes given to the fixture's 40-, 300- and 600-pixel scenes.
    private let shapes = [(5, 8), (15, 20), (20, 30)]
    private let ids = ["20180124T194759_dmi", "20200217T102731_cis", "20210430T205436_dmi"]

    /// The fixture scenes as predictions and references.
    private func fixtureScenes() throws -> (predicted: [EvaluationFiles.Scene], reference: [EvaluationFiles.Scene], fixture: SklearnFixture) {
        let fixture = try SklearnFixture.load()
        var predicted: [EvaluationFiles.Scene] = [], reference: [EvaluationFiles.Scene] = []
        for (k, scene) in fixture.scenes.enumerated() {
            let (h, w) = shapes[k]
            predicted.append(.init(id: ids[k], lines: h, samples: w, labels: Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, scene.chart($0).prediction) })))
            reference.append(.init(id: ids[k], lines: h, samples: w, labels: Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, scene.chart($0).reference) })))
        }
        return (predicted, reference, fixture)
    }

    private func evaluate(_ predictions: URL, _ references: URL, blockRows: Int = 4) throws -> EvaluationReport {
        let evaluator = Evaluator(configuration: .init(blockRows: blockRows), logger: logger)
        return try evaluator.evaluate(predictions: try LabelSource(predictions, logger: logger),
                                      references: try LabelSource(references, logger: logger))
    }

    func testSubmissionAgainstSceneFolderMatchesScikitLearnAndWritesEveryFile() throws {
        let dir = try TestPaths.temporaryDirectory("eval")
        let (predicted, reference, fixture) = try fixtureScenes()
        let submission = dir.appendingPathComponent("submission.nc")
        try EvaluationFiles.writeSubmission(predicted, to: submission)
        let refs = dir.appendingPathComponent("refs")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        for s in reference { try EvaluationFiles.writeSceneFile(s, in: refs) }

        let report = try evaluate(submission, refs)
        XCTAssertFalse(report.simulated)
        XCTAssertEqual(report.scenes.map(\.scene), ids)
        for (k, scene) in report.scenes.enumerated() {
            XCTAssertEqual([scene.lines, scene.samples], [shapes[k].0, shapes[k].1])
            for chart in Chart.allCases {
                XCTAssertEqual(scene.chart(chart)?.score, fixture.scenes[k].chart(chart).score, "\(scene.scene) \(chart)")
            }
            XCTAssertEqual(scene.combinedScore, fixture.scenes[k].combined)
            XCTAssertEqual(scene.waterConsistency, ChallengeScore.percent(fixture.scenes[k].waterConsistency))
        }
        // Pooled = the metrics of the concatenated arrays.
        for chart in Chart.allCases {
            var pooled = ConfusionMatrix(chart: chart)
            for s in fixture.scenes { pooled.merge(s.chart(chart).matrix) }
            XCTAssertEqual(report.chart(chart), ChartResult(chart: chart, matrix: pooled))
        }
        XCTAssertEqual(report.combinedScore, ChallengeScore.combined(Dictionary(uniqueKeysWithValues: report.charts.map { ($0.chart, $0.score!) })))

        let out = dir.appendingPathComponent("report")
        try ReportWriter(logger: logger).write(report, to: out)
        for name in ReportWriter.fileNames(for: report) {
            XCTAssert(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "missing \(name)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), ReportWriter.fileNames(for: report).sorted(),
                       "no temporary files left behind")
        let decoded = try EvaluationReport.decode(Data(contentsOf: out.appendingPathComponent("report.json")))
        XCTAssertEqual(decoded, report)
        let png = try Data(contentsOf: out.appendingPathComponent("confusion_SOD.png"))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let csv = try String(contentsOf: out.appendingPathComponent("confusion_SOD.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("reference\\prediction,0,1,2,3,4,5\n"), csv)
        let scenes = try String(contentsOf: out.appendingPathComponent("scenes.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(scenes.count, 4)
        XCTAssertEqual(scenes[0], "scene,lines,samples,SIC_pixels,SIC_r2,SOD_pixels,SOD_weighted_f1,FLOE_pixels,FLOE_weighted_f1,combined,water_consistency")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssert(markdown.contains(String(format: "| combined | (2·SIC + 2·SOD + 1·FLOE) / 5 | %.3f |", report.combinedScore!)), markdown)
    }

    func testBlockSizeDoesNotChangeTheResult() throws {
        let dir = try TestPaths.temporaryDirectory("eval")
        let (predicted, reference, _) = try fixtureScenes()
        let preds = dir.appendingPathComponent("preds"), refs = dir.appendingPathComponent("refs")
        for folder in [preds, refs] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for s in predicted { try EvaluationFiles.writeSceneFile(s, in: preds, suffix: "_product") }
        for s in reference { try EvaluationFiles.writeSceneFile(s, in: refs) }
        let a = try evaluate(preds, refs, blockRows: 1)
        let b = try evaluate(preds, refs, blockRows: 1000)
        XCTAssertEqual(a.charts, b.charts)
        XCTAssertEqual(a.scenes, b.scenes)
        XCTAssertEqual(a.waterConsistency, b.waterConsistency)
    }

    func testPercentSICAndSimulationFlagArePropagated() throws {
        let dir = try TestPaths.temporaryDirectory("eval")
        let (predicted, reference, fixture) = try fixtureScenes()
        let preds = dir.appendingPathComponent("preds")
        try FileManager.default.createDirectory(at: preds, withIntermediateDirectories: true)
        for s in predicted {
            try EvaluationFiles.writeSceneFile(s, in: preds, suffix: "_sic", sicPercent: true,
                                               globalAttributes: ["simulated": .text("yes"), "simulator_seed": .ints([7])])
        }
        let refs = dir.appendingPathComponent("refs.nc")
        try EvaluationFiles.writeSubmission(reference, to: refs)
        let report = try evaluate(preds, refs)
        XCTAssertTrue(report.simulated)
        XCTAssertEqual(report.simulationNotes.count, 6)
        XCTAssert(report.simulationNotes.contains("20180124T194759_dmi_sic.nc: simulated = yes"), "\(report.simulationNotes)")
        XCTAssertEqual(report.scenes[1].chart(.sic)?.score, fixture.scenes[1].SIC.score)
        XCTAssert(ReportMarkdown.render(report).contains("**Simulated data.**"))
    }

    func testChartSubsetRenormalisesTheCombinedScore() throws {
        let dir = try TestPaths.temporaryDirectory("eval")
        let (predicted, reference, fixture) = try fixtureScenes()
        let preds = dir.appendingPathComponent("preds.nc"), refs = dir.appendingPathComponent("refs.nc")
        try EvaluationFiles.writeSubmission(Array(predicted.prefix(1)), to: preds)
        try EvaluationFiles.writeSubmission(Array(reference.prefix(1)), to: refs)
        let evaluator = Evaluator(configuration: .init(charts: [.sod, .sic]), logger: logger)
        let report = try evaluator.evaluate(predictions: try LabelSource(preds, logger: logger),
                                            references: try LabelSource(refs, logger: logger))
        XCTAssertEqual(report.charts.map(\.chart), [.sic, .sod])
        XCTAssertNil(report.waterConsistency, "needs all three charts")
        let sic = fixture.scenes[0].SIC.score!, sod = fixture.scenes[0].SOD.score!
        XCTAssertEqual(report.combinedScore, ChallengeScore.round3((sic * 2 + sod * 2) / 4))
    }

    func testSceneIDsFromFileNames() {
        XCTAssertEqual(LabelSource.sceneID(fileName: "20180607T184326_dmi_prep.nc"), "20180607T184326_dmi")
        XCTAssertEqual(LabelSource.sceneID(fileName: "20180607T184326_cis.nc"), "20180607T184326_cis")
        XCTAssertEqual(LabelSource.sceneID(fileName: "my_scene.nc"), "my_scene")
        XCTAssertEqual(LabelSource.sceneID(fileName: "2018060XT184326_dmi_prep.nc"), "2018060XT184326_dmi_prep")
    }
}
