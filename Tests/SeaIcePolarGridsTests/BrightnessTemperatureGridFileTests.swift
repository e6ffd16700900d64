import Foundation
import SeaIceAuxiliary
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

@testable import SeaIcePolarGrids

/// NSIDC-0802-style gridded TB files: write, reopen, refuse what is not one.
final class BrightnessTemperatureGridFileTests: XCTestCase {
    func testRoundTripKeepsGridDayChannelsAndFill() throws {
        let dir = try TestPaths.temporaryDirectory("tbgrid")
        let grid = PolarStereographicGrid(resolution: .km25, projection: .epsg3413)
        let day = Date(timeIntervalSince1970: 18_000 * 86_400)
        var v = (0..<grid.count).map { Float($0 % 300) + 0.25 }
        v[7] = .nan
        let c18h = AMSR2Reader.channels.first { $0.frequency == "18.7" && $0.polarisation == "H" }!
        let tb = GriddedBrightnessTemperatures(grid: grid, day: day, channels: [c18h: v], simulated: true, source: "test")
        let url = dir.appendingPathComponent("tb.nc")
        try BrightnessTemperatureGridFile.write(tb, to: url)
        let back = try BrightnessTemperatureGridFile.read(url)
        XCTAssertEqual(back.grid, grid)
        XCTAssertEqual(back.day, day)
        XCTAssertTrue(back.simulated)
        XCTAssertEqual(Array(back.channels.keys), [c18h])
        XCTAssertTrue(back.channels[c18h]![7].isNaN)
        XCTAssertEqual(back.channels[c18h]![8], v[8])
        let f = try NetCDFFile.open(url)
        defer { try? f.close() }
        XCTAssertEqual(try f.variable("TB_18H").dimensions, ["time", "y", "x"])
        XCTAssertEqual(try f.attribute("epsg_code", variable: "crs")?.text, "EPSG:3413")
        XCTAssertEqual(try f.attribute("_FillValue", variable: "TB_18H"), .floats([-999]))
        XCTAssertEqual(try f.attribute("units", variable: "time")?.text, "days since 1970-01-01")
    }

    func testVariableNamesOfEveryChannel() {
        XCTAssertEqual(AMSR2Reader.channels.map(\.gridVariableName),
                       ["TB_06H", "TB_06V", "TB_07H", "TB_07V", "TB_10H", "TB_10V", "TB_18H", "TB_18V",
                        "TB_23H", "TB_23V", "TB_36H", "TB_36V", "TB_89H", "TB_89V"])
    }

    func testGridThatIsNoNSIDCGridIsRefused() throws {
        let dir = try TestPaths.temporaryDirectory("tbgrid-bad")
        let url = dir.appendingPathComponent("bad.nc")
        let f = try NetCDFFile.create(url)
        try f.defineDimension("time", length: 1)
        try f.defineDimension("y", length: 10)
        try f.defineDimension("x", length: 10)
        try f.defineVariable("crs", type: .int, dimensions: [])
        try f.setAttribute("epsg_code", .text("EPSG:3413"), variable: "crs")
        try f.close()
        XCTAssertThrowsError(try BrightnessTemperatureGridFile.read(url)) { e in
            XCTAssertTrue("\(e)".contains("dimensions y = 10, x = 10"), "\(e)")
            XCTAssertTrue("\(e)".contains(url.path), "\(e)")
        }
    }
}
