import AI4ArcticTestSupport
import Foundation
import SeaIceBench
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceSampling
import SeaIceTestSupport
import XCTest

/// `seaice predict --submission` (the submission writer lives in SeaIceEvaluation, inference does not
/// import it): a tiled prediction's submission file scores exactly like its per-scene products.
final class PredictSubmissionCLITests: XCTestCase {
    /// A tiny U-Net 4/4 checkpoint over the MMSeaIce channels at factor 4 (as SceneMapperTests).
    private func tinyCheckpoint(in dir: URL) throws -> URL {
        try CorpusFiles.writeCheckpoint(in: dir)  // the corpus's tiny U-Net 4/4 (MMSeaIce channels, factor 4)
    }

    private func charts(_ report: URL) throws -> NSArray {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("report.json")))
        return try XCTUnwrap((json as? NSDictionary)?["charts"] as? NSArray, "report.json has no charts")
    }

    func testPredictWritesASubmissionThatScoresLikeTheProducts() throws {
        let dir = try TestPaths.temporaryDirectory("cli-predict")
        let refs = dir.appendingPathComponent("refs")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        let scene = try ReadySceneFixture(lines: 90, samples: 101).write(to: refs)
        let checkpoint = try tinyCheckpoint(in: dir)
        let products = dir.appendingPathComponent("products"), submission = dir.appendingPathComponent("sub.nc")
        // 23 × 26 downscaled pixels > 100: tiled through SeaIceTiling with 16-pixel tiles.
        let predict = try CommandRunner.seaice([
            "predict", checkpoint.path, scene.path, "-o", products.path, "--submission", submission.path,
            "--max-pixels", "100", "--tile-size", "16", "--overlap", "4", "--no-geotiff", "--no-quicklook",
            "--device", "cpu",
        ])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        XCTAssertTrue(predict.stdout.contains("submission: \(submission.path)"), predict.stdout)
        var reports: [NSArray] = []
        for (name, predictions) in [("from-submission", submission), ("from-products", products)] {
            let report = dir.appendingPathComponent(name)
            let r = try CommandRunner.seaice(["evaluate", predictions.path, refs.path, "-o", report.path])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            reports.append(try charts(report))
        }
        XCTAssertEqual(reports[0].count, 3)
        XCTAssertEqual(reports[0], reports[1])
    }
}
