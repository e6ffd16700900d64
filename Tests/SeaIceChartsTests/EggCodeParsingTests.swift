import SeaIceCharts
import SeaIceCore
import SeaIceTestSupport
import XCTest

final class EggCodeParsingTests: XCTestCase {
    /// The 44 real `polygon_codes` rows (header + 43 polygons) printed in the MMSeaIce notebook extract.
    static func notebookRows() throws -> [String] {
        let url = try TestPaths.requireSharedData(
            "ai4arctic-starterpack/notebook-metadata-extracts/MMSeaIce_notebook_outputs.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "<xarray.DataArray 'polygon_codes' (polygon_codes: 44)>"))
        let block = text[start.upperBound...]
        let end = try XCTUnwrap(block.range(of: "dtype=object)"))
        return block[..<end.lowerBound].components(separatedBy: "'").enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element)
    }

    func testRealNotebookRowsParseAndConvert() throws {
        let rows = try Self.notebookRows()
        XCTAssertEqual(rows.count, 44)
        let table = try PolygonCodeTable(rows: rows, file: "notebook extract")
        XCTAssertEqual(table.entries.count, 43)
        let byID = Dictionary(uniqueKeysWithValues: table.entries.map { ($0.id, $0.code) })
        XCTAssertEqual(byID[29], EggCode(ct: 92, ca: 30, sa: 95, fa: 5, cb: 70, sb: 93, fb: 8, cf: "08-9", polygonType: .ice))
        XCTAssertEqual(byID[32]?.cn, 95)
        XCTAssertEqual(byID[76]?.polygonType, .water)

        let converter = EggCodeConverter()
        func labels(_ id: Int) -> [UInt8] {
            let l = converter.labels(for: byID[id]!)
            return [l.sic, l.sod, l.floe]
        }
        // Worked by hand from the reference algorithm:
        XCTAssertEqual(labels(26), [10, 4, 255])  // 91;-9;93;08: single thick FYI, fast ice → FLOE masked
        XCTAssertEqual(labels(29), [10, 4, 255])  // CB 7/10 thick FYI dominates; FB 08 masks FLOE
        XCTAssertEqual(labels(46), [10, 5, 5])    // CA 9/10 old ice; both vast floes merge to 10/10
        XCTAssertEqual(labels(47), [8, 4, 5])     // CB 6/8 = 0.75 thick FYI; floes merge 8/8
        XCTAssertEqual(labels(69), [1, 5, 255])   // FA not filled → FLOE masked
        XCTAssertEqual(labels(76), [0, 0, 0])     // water polygon
        XCTAssertEqual(labels(32), [5, 4, 5])     // 50;-9;93;06
        for entry in table.entries {
            let l = converter.labels(for: entry.code)
            XCTAssert(l.sic <= 10 && (l.sod <= 5 || l.sod == 255) && (l.floe <= 6 || l.floe == 255), "\(entry.id): \(l)")
        }
    }

    func testCodeStringRoundTrip() throws {
        let rows = try Self.notebookRows()
        let table = try PolygonCodeTable(rows: rows, file: "notebook extract")
        for (entry, row) in zip(table.entries, rows.dropFirst()) {
            XCTAssertEqual("\(entry.id);" + entry.code.codeString, row)
        }
    }

    func testBadCodesNameFilePolygonAndField() {
        let header = PolygonCodeTable.header
        func error(_ row: String) -> SeaIceError? {
            do { _ = try PolygonCodeTable(rows: [header, row], file: "scene.nc"); return nil } catch { return error as? SeaIceError }
        }
        let stage = error("7;92;-9;90;08;-9;-9;-9;-9;-9;-9;-9;-9;08-9;I")
        XCTAssertEqual(stage?.description.contains("scene.nc: polygon 7 field SA"), true, "\(String(describing: stage))")
        XCTAssertEqual(error("8;47;-9;93;08;-9;-9;-9;-9;-9;-9;-9;-9;08-9;I")?.description.contains("polygon 8 field CT"), true)
        XCTAssertEqual(error("9;92;-9;93;23;-9;-9;-9;-9;-9;-9;-9;-9;08-9;I")?.description.contains("polygon 9 field FA"), true)
        XCTAssertEqual(error("10;92;-9;93;08;-9;-9;-9;-9;-9;-9;-9;-9;08-9;X")?.description.contains("polygon 10 field POLY_TYPE"), true)
        XCTAssertEqual(error("11;92;-9;93;08;-9;-9;-9;-9;-9;-9;-9;-9;0x-9;I")?.description.contains("polygon 11 field CF"), true)
        XCTAssertEqual(error("12;9a;-9;93;08;-9;-9;-9;-9;-9;-9;-9;-9;08-9;I")?.description.contains("polygon 12 field CT"), true)
        XCTAssertEqual(error("13;92;-9;93")?.description.contains("row 1"), true)
        XCTAssertNotNil(try? PolygonCodeTable(rows: [header], file: "x"))
        XCTAssertThrowsError(try PolygonCodeTable(rows: ["poly_id;CT"], file: "x"))
    }

    func testAttributeParsingAcceptsBlankAndNull() throws {
        let attributes = ["CT": "92", "CA": "", "SA": "95", "FA": " 08", "POLY_TYPE": "i"]
        let code = try EggCode(attributes: { attributes[$0] }, file: "chart.shp", polygon: "fid 3")
        XCTAssertEqual(code, EggCode(ct: 92, sa: 95, fa: 8, polygonType: .ice))
        let land = try EggCode(attributes: { $0 == "POLY_TYPE" ? "L" : nil }, file: "chart.gpkg", polygon: "fid 1")
        XCTAssertEqual(land, EggCode(polygonType: .land))
    }
}

final class SceneLabelsTests: XCTestCase {
    func testPolygonIcechartToLabels() throws {
        let table = try PolygonCodeTable(rows: try EggCodeParsingTests.notebookRows(), file: "notebook extract")
        // A 2 × 3 scene: polygons 26, 47, 76, NaN (outside the chart), 999 (not in the table), 69.
        let ids: [Float] = [26, 47, 76, .nan, 999, 69]
        let labels = table.labels(polygonIDs: ids)
        XCTAssertEqual(labels.sic, [10, 8, 0, 255, 255, 1])
        XCTAssertEqual(labels.sod, [4, 4, 0, 255, 255, 5])
        XCTAssertEqual(labels.floe, [255, 5, 0, 255, 255, 255])
        // The id missing from the table is counted (NaN is outside the chart, not unknown).
        XCTAssertEqual(labels.unknownPolygonIDs, [999: 1])
        XCTAssertEqual(labels.chartPixels, 4)
    }

    func testHugeAndInfiniteIdsAreMaskedNotTrapping() throws {
        let table = try PolygonCodeTable(rows: try EggCodeParsingTests.notebookRows(), file: "notebook extract")
        let labels = table.labels(polygonIDs: [1e30, -1e20, .infinity, 26])
        XCTAssertEqual(labels.sic, [255, 255, 255, 10])
        XCTAssertEqual(labels.unknownPolygonIDs, [:], "ids beyond ±1e9 cannot be polygon ids")
    }
}
