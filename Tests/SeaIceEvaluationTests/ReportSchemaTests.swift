import Foundation
import Logging
import SeaIceClasses
import SeaIceCore
import SeaIceEvaluation
import SeaIceTestSupport
import XCTest

/// `report.json` format 2 (docs/report-schema.md): version, tool, UTC date, checkpoint, class names
/// and one scale (percent) in the JSON as written, and the markdown report saying the same.
final class ReportSchemaTests: XCTestCase {
    private let logger = Logger(label: "test.schema")

    private func report(checkpoint: String?) throws -> (EvaluationReport, URL) {
        let dir = try TestPaths.temporaryDirectory("schema")
        let refs = dir.appendingPathComponent("refs")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        // 2 × 4: SOD half right (classes 0 and 1 swapped in the second row), SIC and FLOE exact.
        let reference: [Chart: [UInt8]] = [.sic: [0, 1, 2, 3, 4, 5, 6, 7], .sod: [0, 0, 1, 1, 0, 0, 1, 1],
                                           .floe: [0, 1, 2, 3, 0, 1, 2, 3]]
        var predicted = reference
        predicted[.sod] = [0, 0, 1, 1, 1, 1, 0, 0]
        try EvaluationFiles.writeSceneFile(.init(id: "20200101T000000_dmi", lines: 2, samples: 4, labels: reference),
                                           in: refs)
        let preds = dir.appendingPathComponent("preds")
        try FileManager.default.createDirectory(at: preds, withIntermediateDirectories: true)
        try EvaluationFiles.writeSceneFile(.init(id: "20200101T000000_dmi", lines: 2, samples: 4, labels: predicted),
                                           in: preds)
        let evaluator = Evaluator(configuration: .init(checkpoint: checkpoint), logger: logger)
        let r = try evaluator.evaluate(predictions: try LabelSource(preds, logger: logger),
                                       references: try LabelSource(refs, logger: logger))
        let out = dir.appendingPathComponent("report")
        try ReportWriter(logger: logger).write(r, to: out)
        return (r, out)
    }

    func testJSONCarriesVersionsDateCheckpointClassNamesAndPercentages() throws {
        let before = Date(timeIntervalSinceNow: -2)
        let (r, out) = try report(checkpoint: "runs/demo/best")
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["format_version"] as? Int, 2)
        XCTAssertEqual(json["tool_version"] as? String, SeaIceKitVersion.description)
        XCTAssert((json["tool_version"] as? String ?? "").hasPrefix("SeaIceKit 0.1.0 (git "))
        XCTAssertEqual(json["checkpoint"] as? String, "runs/demo/best")
        let date = try XCTUnwrap(json["date"] as? String)
        XCTAssert(date.hasSuffix("Z"), "UTC: \(date)")
        let parsed = try XCTUnwrap(ISO8601DateFormatter().date(from: date))
        XCTAssert(parsed >= before.addingTimeInterval(-1) && parsed <= Date(timeIntervalSinceNow: 1), date)
        let charts = try XCTUnwrap(json["charts"] as? [[String: Any]])
        let sod = try XCTUnwrap(charts.first { $0["chart"] as? String == "SOD" })
        XCTAssertEqual(sod["class_names"] as? [String], ClassTable.sod.names)
        XCTAssertNil(sod["value"], "no 0–1 copy of the score")
        // Percent everywhere: 4 of 8 SOD pixels right → accuracy 50, weighted F1 50, class 0 precision 50.
        XCTAssertEqual(sod["accuracy"] as? Double, 50)
        XCTAssertEqual(sod["score"] as? Double, 50)
        let classes = try XCTUnwrap(sod["classes"] as? [[String: Any]])
        XCTAssertEqual(classes.first?["name"] as? String, "open_water")
        XCTAssertEqual(classes.first?["precision"] as? Double, 50)
        XCTAssertEqual(classes.first?["recall"] as? Double, 50)
        let floe = try XCTUnwrap(charts.first { $0["chart"] as? String == "FLOE" })
        XCTAssertEqual(floe["score"] as? Double, 100)
        XCTAssertEqual(floe["accuracy"] as? Double, 100)
        XCTAssertEqual(try EvaluationReport.decode(data), r, "decode(encode(report)) == report")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssert(markdown.contains("- checkpoint: `runs/demo/best`"), markdown)
        XCTAssert(markdown.contains("(report format 2)") && markdown.contains(SeaIceKitVersion.description), markdown)
        XCTAssert(markdown.contains("Pixel accuracy 50.000 %."), markdown)
        XCTAssert(markdown.contains("| 0 | open_water | 50.00 | 50.00 | 50.00 | 4 |"), markdown)
    }

    func testCheckpointIsAbsentWhenNotGiven() throws {
        let (r, out) = try report(checkpoint: nil)
        XCTAssertNil(r.checkpoint)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
        XCTAssertNil((json as? [String: Any])?["checkpoint"])
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssert(markdown.contains("- checkpoint: not given"), markdown)
    }
}
