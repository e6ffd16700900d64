import SeaIceQuicklook
import XCTest

/// Colour tables, grey stretch, reduction and layout.
final class QuicklookRenderingTests: XCTestCase {
    func testClassTablesColourEveryClassAndMaskTheRest() {
        for (table, count) in [(ClassTable.sic, 11), (.sod, 6), (.floe, 7)] {
            XCTAssertEqual(table.codes, (0..<UInt8(count)).map { $0 }, table.variable)
            let classes: [UInt8] = Array(0..<UInt8(count)) + [255, 200]
            let image = table.render(classes, width: classes.count, height: 1)
            for (x, v) in classes.enumerated() {
                XCTAssertEqual(image.color(x: x, y: 0), v < count ? table.entries[Int(v)].color : table.fillColor, "\(table.variable) \(v)")
            }
        }
        XCTAssertNotEqual(ClassTable.sod.color(0), ClassTable.sod.color(5))
    }

    func testGrayStretchMapsEndsAndInvalidValues() {
        let s = GrayStretch(low: -30, high: -5)
        XCTAssertEqual(s.level(-30), 0)
        XCTAssertEqual(s.level(-40), 0)
        XCTAssertEqual(s.level(-5), 255)
        XCTAssertEqual(s.level(0), 255)
        XCTAssertEqual(s.level(-17.5), 128)
        let image = s.render([-30, .nan, .infinity, -5], width: 2, height: 2)
        XCTAssertEqual(image.color(x: 0, y: 0), .black)
        XCTAssertEqual(image.color(x: 1, y: 0), s.invalidColor)
        XCTAssertEqual(image.color(x: 0, y: 1), s.invalidColor)
        XCTAssertEqual(image.color(x: 1, y: 1), .white)
    }

    func testPercentileStretch() throws {
        let values = (0...100).map { Float($0) } + [.nan]
        let s = try XCTUnwrap(GrayStretch.percentiles(values, lower: 10, upper: 90))
        XCTAssertEqual(s.low, 10)
        XCTAssertEqual(s.high, 90)
        XCTAssertNil(GrayStretch.percentiles([.nan, .nan]))
        XCTAssertNil(GrayStretch.percentiles([3, 3, 3]))
    }

    func testBlockMeanAndModeOnSmallSizes() {
        for size in [1, 2, 3, 5] {
            let x = (0..<(size * size)).map { Float($0) }
            let r = Downsample.mean(x, width: size, height: size, factor: 2)
            XCTAssertEqual(r.width, (size + 1) / 2)
            XCTAssertEqual(r.height, (size + 1) / 2)
            XCTAssertEqual(r.values[0], size == 1 ? 0 : Float(0 + 1 + size + size + 1) / 4)
        }
        let m = Downsample.mean([1, .nan, .nan, .nan], width: 2, height: 2, factor: 2)
        XCTAssertEqual(m.values, [1])
        XCTAssertTrue(Downsample.mean([.nan], width: 1, height: 1, factor: 1).values[0].isNaN)
        let mode = Downsample.mode([3, 3, 7, 255, 1, 1, 2, 2, 9], width: 3, height: 3, factor: 3)
        XCTAssertEqual(mode.values, [1])  // ties (1, 2, 3 twice each) go to the smallest
        XCTAssertEqual(Downsample.factor(width: 1000, height: 400, maxSide: 500), 2)
        XCTAssertEqual(Downsample.factor(width: 100, height: 100, maxSide: 500), 1)
    }

    func testLayoutPlacesPanelsAndCaption() {
        let a = Panel(classes: [0, 1, 2, 255], width: 2, height: 2, table: .sod)
        let b = Panel(title: "HH", values: [-30, -20, -10, -5], width: 2, height: 2, stretch: .hhDB, unit: "dB")
        let picture = PanelLayout.compose([a, b], caption: ["SIMULATED"])
        XCTAssertGreaterThan(picture.width, 2 * PanelLayout.margin + 4)
        // The first panel's top-left pixel is SOD class 0 (open water).
        let top = PanelLayout.imageTop
        XCTAssertEqual(picture.color(x: PanelLayout.margin, y: top), ClassTable.sod.color(0))
        // The first caption line is red (antialiased: some pixels clearly red) somewhere in the bottom rows.
        var red = 0
        for y in (picture.height - 40)..<picture.height {
            for x in 0..<picture.width {
                let c = picture.color(x: x, y: y)
                if Int(c.r) > Int(c.g) + 80 && c.g == c.b { red += 1 }
            }
        }
        XCTAssertGreaterThan(red, 10)
        if case let .classes(items) = a.legend {
            XCTAssertEqual(items.map(\.1), ["open water", "new ice", "young ice", "no data"])
        } else { XCTFail("class panel without class legend") }
    }
}
