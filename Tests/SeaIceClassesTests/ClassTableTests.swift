import Foundation
import SeaIceClasses
import XCTest

/// The AI4Arctic tables and the generic declaration of new ones.
final class ClassTableTests: XCTestCase {
    func testAI4ArcticTablesHaveTheChallengeClassesInOrder() {
        for (table, count) in [(ClassTable.sic, 11), (.sod, 6), (.floe, 7)] {
            XCTAssertEqual(table.codes, (0..<UInt8(count)).map { $0 }, table.variable)
            XCTAssertEqual(table.flagMeanings.split(separator: " ").count, count, table.variable)
        }
        XCTAssertEqual(
            ClassTable.sod.flagMeanings,
            "open_water new_ice young_ice thin_first_year_ice thick_first_year_ice old_ice")
        XCTAssertEqual(
            ClassTable.floe.flagMeanings,
            "open_water cake_ice small_floe medium_floe big_floe vast_floe icebergs")
        XCTAssertEqual(ClassTable.sod.labels[3], "thin first-year ice")
        XCTAssertEqual(ClassTable.sic.labels[7], "70 %")
    }

    func testEverySICTenthHasItsOwnColour() {
        // Issue 16: the grouped WMO code gave 2/10 and 3/10 (and 4–6/10) one colour.
        XCTAssertEqual(Set(ClassTable.sic.entries.map(\.color)).count, 11)
        XCTAssertEqual(ClassTable.sic.color(0), ClassTable.sod.color(0), "open water is the same blue everywhere")
    }

    func testFillAndUnknownCodesGetTheFillColourAndLabel() {
        let t = ClassTable.sod
        XCTAssertEqual(t.color(255), t.fillColor)
        XCTAssertEqual(t.color(6), t.fillColor)
        XCTAssertEqual(t.label(255), "masked")
        XCTAssertEqual(t.label(9), "9")
        XCTAssertEqual(t.colorLookup[5], t.color(5))
        XCTAssertEqual(t.colorLookup[200], t.fillColor)
    }

    func testANewSystemDeclaresItsTableInJSON() throws {
        let json = """
            {"variable": "ICE", "longName": "ice/water", "fillColor": {"r": 0, "g": 0, "b": 0}, "fillLegend": "LAND",
             "entries": [
                {"code": 0, "name": "water", "label": "water", "legend": "WATER", "color": {"r": 150, "g": 200, "b": 255}},
                {"code": 1, "name": "ice", "label": "ice", "legend": "ICE", "color": {"r": 255, "g": 255, "b": 255}}
             ]}
            """
        let table = try JSONDecoder().decode(ClassTable.self, from: Data(json.utf8))
        XCTAssertEqual(
            table,
            ClassTable(
                variable: "ICE", longName: "ice/water",
                entries: [
                    .init(0, "water", label: "water", legend: "WATER", color: RGB(150, 200, 255)),
                    .init(1, "ice", label: "ice", legend: "ICE", color: .white),
                ], fillColor: .black, fillLegend: "LAND"))
        XCTAssertEqual(table.flagMeanings, "water ice")
        let again = try JSONDecoder().decode(ClassTable.self, from: try JSONEncoder().encode(table))
        XCTAssertEqual(again, table)
    }
}
