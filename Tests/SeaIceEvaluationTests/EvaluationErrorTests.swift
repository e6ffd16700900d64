import Foundation
import Logging
import SeaIceCore
import SeaIceEvaluation
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

/// Bad inputs throw a `SeaIceError` naming the file and the variable; nothing is half-written.
final class EvaluationErrorTests: XCTestCase {
    private let logger = Logger(label: "test.evaluation")

    private func scene(_ id: String, lines: Int = 2, samples: Int = 3, fill: UInt8 = 1) -> EvaluationFiles.Scene {
        .init(id: id, lines: lines, samples: samples,
              labels: Dictionary(uniqueKeysWithValues: Chart.allCases.map { ($0, [UInt8](repeating: fill, count: lines * samples)) }))
    }

    private func folder(_ dir: URL, _ name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func assertEvaluationThrows(_ predictions: URL, _ references: URL, contains parts: [String],
                                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Evaluator(logger: logger).evaluate(
            predictions: try LabelSource(predictions, logger: logger), references: try LabelSource(references, logger: logger))) { error in
            XCTAssert(error is SeaIceError, "\(error)", file: file, line: line)
            for part in parts { XCTAssert("\(error)".contains(part), "`\(part)` not in: \(error)", file: file, line: line) }
        }
    }

    func testMissingSceneInPredictions() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let refs = try folder(dir, "refs")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: refs)
        try EvaluationFiles.writeSceneFile(scene("20180125T000000_cis"), in: refs)
        let preds = dir.appendingPathComponent("sub.nc")
        try EvaluationFiles.writeSubmission([scene("20180124T194759_dmi")], to: preds)
        assertEvaluationThrows(preds, refs, contains: [preds.path, "scene `20180125T000000_cis`"])
    }

    func testShapeMismatchNamesBothFilesAndTheVariable() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let refs = try folder(dir, "refs"), preds = try folder(dir, "preds")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi", lines: 2, samples: 3), in: refs)
        let predFile = try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi", lines: 3, samples: 2), in: preds)
        assertEvaluationThrows(preds, refs, contains: [predFile.path, "variable `SIC`", "shape [2, 3]", "found [3, 2]"])
    }

    func testChartsOfDifferentShapesWithinAScene() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let refs = try folder(dir, "refs"), preds = try folder(dir, "preds")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: refs, shapeOf: [.floe: (1, 1)])
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: preds, shapeOf: [.floe: (1, 1)])
        assertEvaluationThrows(preds, refs, contains: ["variable `FLOE`", "other charts"])
    }

    func testMissingVariable() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let refs = try folder(dir, "refs"), preds = try folder(dir, "preds")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: refs)
        let predFile = try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: preds, omit: .sod)
        assertEvaluationThrows(preds, refs, contains: [predFile.path, "variable `SOD`"])
    }

    func testOutOfRangeLabelNamesPixel() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let refs = try folder(dir, "refs"), preds = try folder(dir, "preds")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: refs)
        var bad = scene("20180124T194759_dmi")
        bad.labels[.sod]![4] = 6 // SOD has classes 0–5
        let predFile = try EvaluationFiles.writeSceneFile(bad, in: preds)
        assertEvaluationThrows(preds, refs, contains: [predFile.path, "variable `SOD` at line 1, sample 1", "0–5 or 255", "found 6"])
    }

    func testSICWithoutPercentUnitsMustBeTenths() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let refs = try folder(dir, "refs"), preds = try folder(dir, "preds")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: refs)
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi", fill: 80), in: preds)
        assertEvaluationThrows(preds, refs, contains: ["variable `SIC`", "found 80"])
    }

    func testUnusableInputs() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let empty = try folder(dir, "empty")
        XCTAssertThrowsError(try LabelSource(empty, logger: logger)) { XCTAssert("\($0)".contains(empty.path), "\($0)") }
        let missing = dir.appendingPathComponent("none.nc")
        XCTAssertThrowsError(try LabelSource(missing, logger: logger)) {
            XCTAssertEqual($0 as? SeaIceError, .missing(file: missing.path, item: "file or folder"))
        }
        // A netCDF file without <scene>_<chart> variables is not a submission.
        let other = dir.appendingPathComponent("other.nc")
        let f = try NetCDFFile.create(other)
        try f.defineDimension("x", length: 2)
        try f.defineVariable("SIC", type: .ubyte, dimensions: ["x"])
        try f.close()
        XCTAssertThrowsError(try LabelSource(other, logger: logger)) {
            XCTAssert("\($0)".contains(other.path) && "\($0)".contains("AutoICE submission"), "\($0)")
        }
        // Two files with one scene id.
        let dup = try folder(dir, "dup")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: dup, suffix: "_a")
        try EvaluationFiles.writeSceneFile(scene("20180124T194759_dmi"), in: dup, suffix: "_b")
        XCTAssertThrowsError(try LabelSource(dup, logger: logger)) { XCTAssert("\($0)".contains("same scene id"), "\($0)") }
    }

    func testSubmissionWriterRejectsBadMapsAndLeavesNothing() throws {
        let dir = try TestPaths.temporaryDirectory("eval-err")
        let url = dir.appendingPathComponent("submission.nc")
        XCTAssertThrowsError(try SubmissionWriter.write(to: url) { w in
            try w.add(scene: "20180124T194759_dmi", chart: .sic, lines: 2, samples: 2, values: [0, 1, 2, 3])
            try w.add(scene: "20180124T194759_dmi", chart: .floe, lines: 2, samples: 2, values: [0, 1, 7, 3])
        }) { XCTAssert("\($0)".contains("20180124T194759_dmi_FLOE") && "\($0)".contains("found 7"), "\($0)") }
        XCTAssertThrowsError(try SubmissionWriter.write(to: url) { w in
            try w.add(scene: "s", chart: .sic, lines: 2, samples: 2, values: [0, 1, 2])
        })
        XCTAssertThrowsError(try SubmissionWriter.write(to: url) { w in
            try w.add(scene: "s", chart: .sic, lines: 1, samples: 1, values: [0])
            try w.add(scene: "s", chart: .sic, lines: 1, samples: 1, values: [0])
        })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "no partial submission")
    }

    func testSubmissionLayout() throws {
        let url = try TestPaths.temporaryDirectory("eval").appendingPathComponent("submission.nc")
        try SubmissionWriter.write(to: url) { w in
            try w.add(scene: "20180124T194759_dmi", chart: .sod, lines: 2, samples: 3, values: [0, 1, 2, 3, 4, 255])
        }
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.variable("20180124T194759_dmi_SOD"),
                       NetCDFVariable(name: "20180124T194759_dmi_SOD", type: .ubyte,
                                      dimensions: ["20180124T194759_dmi_SOD_dim0", "20180124T194759_dmi_SOD_dim1"], shape: [2, 3]))
        XCTAssertEqual(try f.read("20180124T194759_dmi_SOD", as: UInt8.self), [0, 1, 2, 3, 4, 255])
    }
}
