import Foundation
import SeaIceCore
import SeaIceNetCDF
import SeaIceTestSupport
import XCTest

final class NetCDFFileTests: XCTestCase {
    private func makeFile() throws -> URL {
        let url = try TestPaths.temporaryDirectory("nc").appendingPathComponent("t.nc")
        let f = try NetCDFFile.create(url)
        try f.defineDimension("y", length: 3)
        try f.defineDimension("x", length: 4)
        try f.defineDimension("codes", length: 2)
        try f.defineVariable("hh", type: .float, dimensions: ["y", "x"], compression: 1, chunks: [3, 4])
        try f.defineVariable("sic", type: .ubyte, dimensions: ["y", "x"], fillValue: 255)
        try f.defineVariable("codes", type: .string, dimensions: ["codes"])
        try f.setAttribute("units", .text("dB"), variable: "hh")
        try f.setAttribute("pixel_spacing", .ints([80]))
        try f.setAttribute("scale", .doubles([0.5, 2]))
        try f.write((0..<12).map { Float($0) * 0.5 }, variable: "hh")
        try f.write([UInt8](repeating: 7, count: 12), variable: "sic")
        try f.writeStrings(["poly_id;CT", "1;92"], variable: "codes")
        try f.close()
        return url
    }

    func testRoundTripOfVariablesAttributesAndStrings() throws {
        let f = try NetCDFFile.open(try makeFile())
        XCTAssertEqual(f.dimensions, ["y": 3, "x": 4, "codes": 2])
        XCTAssertEqual(f.variableNames, ["hh", "sic", "codes"])
        XCTAssertEqual(try f.variable("hh"), NetCDFVariable(name: "hh", type: .float, dimensions: ["y", "x"], shape: [3, 4]))
        XCTAssertEqual(try f.readFloats("hh"), (0..<12).map { Float($0) * 0.5 })
        XCTAssertEqual(try f.read("sic", as: UInt8.self), [UInt8](repeating: 7, count: 12))
        XCTAssertEqual(try f.readStrings("codes"), ["poly_id;CT", "1;92"])
        XCTAssertEqual(try f.attribute("units", variable: "hh"), .text("dB"))
        XCTAssertEqual(try f.attribute("_FillValue", variable: "sic"), .ubytes([255]))
        XCTAssertEqual(try f.attribute("pixel_spacing")?.number, 80)
        XCTAssertEqual(try f.attribute("scale"), .doubles([0.5, 2]))
        XCTAssertNil(try f.attribute("nothing"))
        XCTAssertEqual(try f.requireText("units", variable: "hh"), "dB")
    }

    func testWindowedReadEqualsSliceOfFullRead() throws {
        let f = try NetCDFFile.open(try makeFile())
        let full = try f.readFloats("hh")
        let window = try f.readFloats("hh", start: [1, 1], count: [2, 2])
        XCTAssertEqual(window, [full[5], full[6], full[9], full[10]])
        // The conversion path: ubyte read as Float.
        XCTAssertEqual(try f.readFloats("sic", start: [2, 3], count: [1, 1]), [7])
    }

    func testErrorsNameFileAndVariable() throws {
        let url = try makeFile()
        let f = try NetCDFFile.open(url)
        XCTAssertThrowsError(try f.readFloats("nersc_sar_primary")) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: url.path, item: "variable `nersc_sar_primary`"))
        }
        XCTAssertThrowsError(try f.readFloats("hh", start: [2, 2], count: [2, 2])) { error in
            XCTAssert("\(error)".contains("hh") && "\(error)".contains(url.path), "\(error)")
        }
        XCTAssertThrowsError(try f.requireVariable("hh", dimensions: ["sar_lines", "sar_samples"])) { error in
            XCTAssert("\(error)".contains("expected dimensions (sar_lines, sar_samples), found (y, x)"), "\(error)")
        }
        XCTAssertThrowsError(try f.readFloats("codes")) { error in
            XCTAssert("\(error)".contains("numeric"), "\(error)")
        }
    }

    func testMissingAndCorruptFilesAreReported() throws {
        let dir = try TestPaths.temporaryDirectory("nc")
        let missing = dir.appendingPathComponent("none.nc")
        XCTAssertThrowsError(try NetCDFFile.open(missing)) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: missing.path, item: "file"))
        }
        // A truncated file: the first 100 bytes of a valid one.
        let good = try Data(contentsOf: try makeFile())
        let truncated = dir.appendingPathComponent("truncated.nc")
        try good.prefix(100).write(to: truncated)
        XCTAssertThrowsError(try NetCDFFile.open(truncated)) { error in
            XCTAssert("\(error)".contains(truncated.path) && "\(error)".contains("netCDF"), "\(error)")
        }
    }

    func testReadsRealNetCDF3File() throws {
        // nansat/arctic.nc is a real netCDF-3 25 km SIC map.
        let url = try TestPaths.requireSharedData("nansat/arctic.nc")
        let f = try NetCDFFile.open(url)
        XCTAssertFalse(f.variableNames.isEmpty)
        for name in f.variableNames {
            let v = try f.variable(name)
            if v.type.isNumeric, v.count > 0 {
                XCTAssertEqual(try f.readFloats(name).count, v.count)
            }
        }
    }
}

final class SimulationMarkersTests: XCTestCase {
    func testMarkersCountOnlyWhenTheValueDoesNotSayNo() throws {
        let url = try TestPaths.temporaryDirectory("markers").appendingPathComponent("m.nc")
        let f = try NetCDFFile.create(url)
        try f.setAttribute("simulated", .text("true"))
        try f.setAttribute("simulator_seed", .ints([7]))
        try f.setAttribute("Simulation_note", .text(" No "))
        try f.setAttribute("simulated_fraction", .doubles([0, 0]))
        try f.setAttribute("title", .text("simulated scene"))
        try f.close()
        let file = try NetCDFFile.open(url)
        XCTAssertEqual(try SimulationMarkers.attributes(of: file).map(\.name),
                       ["Simulation_note", "simulated", "simulated_fraction", "simulator_seed"])
        XCTAssertEqual(try SimulationMarkers.markers(of: file).map(\.name), ["simulated", "simulator_seed"])
        for negative in ["", "no", "FALSE", "0", "0.0", "none", "n"] {
            XCTAssert(SimulationMarkers.saysNo(.text(negative)), negative)
        }
        XCTAssertFalse(SimulationMarkers.saysNo(.text("yes")))
        XCTAssertFalse(SimulationMarkers.saysNo(.ints([0, 1])))
    }

    func testWritersSpellTheMarkerTrueAndReadersAcceptTheOldSpellings() {
        XCTAssertEqual(SimulationMarkers.text(true), "true")
        XCTAssertEqual(SimulationMarkers.text(false), "false")
        XCTAssertEqual(SimulationMarkers.name, "simulated")
        for yes in ["true", "TRUE", "True", "yes", "YES", " yes ", "1", "y", "t"] {
            XCTAssert(SimulationMarkers.saysYes(.text(yes)), yes)
            XCTAssertFalse(SimulationMarkers.saysNo(.text(yes)), yes)
        }
        for no in ["false", "FALSE", "no", "No", "0", "n", "f", ""] {
            XCTAssertFalse(SimulationMarkers.saysYes(.text(no)), no)
            XCTAssert(SimulationMarkers.saysNo(.text(no)), no)
        }
        XCTAssert(SimulationMarkers.saysYes(.ints([1])))
        XCTAssertFalse(SimulationMarkers.saysYes(.ints([0])))
        XCTAssertFalse(SimulationMarkers.saysYes(.text("synthetic benchmark scene")), "free text is neither")
        XCTAssertFalse(SimulationMarkers.saysNo(.text("synthetic benchmark scene")))
    }
}
