import Foundation
import SeaIceClasses
import SeaIceNetCDF
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// Every coder writes a file, which is reopened with SeaIceNetCDF and decoded back equal.
final class CFCoderTests: XCTestCase {
    let grid = ProductGrid.swath(SwathGrid(height: 2, width: 3))
    let globals = ProductGlobals(
        title: "test", summary: "a test product", source: "unit test", history: "now", id: "test",
        dateCreated: Date(timeIntervalSince1970: 1_700_000_000), simulated: false)

    /// Writes one variable of `coder` on `grid` and reads the file back.
    private func roundTrip<C: CFCoder>(_ coder: C, _ value: C.Value, on grid: ProductGrid? = nil) throws -> (
        CFDataset, URL
    ) {
        var p = CFProduct(grid: grid ?? self.grid, globals: globals)
        try p.add(coder, value)
        let url = try TestPaths.temporaryDirectory("coder").appendingPathComponent("\(coder.name).nc")
        try CFWriter().write(p, to: url)
        return (try CFDataset.read(url), url)
    }

    /// Bit-exact comparison that treats NaN as equal to NaN.
    private func assertSame(_ a: [Float], _ b: [Float], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), "\(a) vs \(b)", file: file, line: line)
    }

    func testFloatContinuousVariableKeepsValuesNaNAndAttributes() throws {
        let coder = ContinuousCoder(
            name: "thickness", standardName: "sea_ice_thickness", longName: "sea ice thickness",
            units: "m", validRange: 0...10)
        let values: [Float] = [0, 0.25, .nan, 3.5, 10, 1e-3]
        let (ds, url) = try roundTrip(coder, values)
        assertSame(try coder.decode(from: ds), values)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.variable("thickness").type, .float)
        XCTAssertEqual(try f.requireText("standard_name", variable: "thickness"), "sea_ice_thickness")
        XCTAssertEqual(try f.attribute("valid_range", variable: "thickness"), .floats([0, 10]))
        XCTAssertTrue(try f.attribute("_FillValue", variable: "thickness")?.number?.isNaN == true)
    }

    func testPackedBytesUseScaleOffsetAndFill() throws {
        let coder = ContinuousCoder(
            name: "fraction", longName: "ice fraction", units: "1", validRange: 0...1,
            storage: .uint8(scale: 0.01, offset: 0, fill: 255))
        let values: [Float] = [0, 0.5, 1, .nan, 0.25, 0.75].map { $0.isNaN ? $0 : Float(Double(Int($0 * 100)) * 0.01) }
        let (ds, url) = try roundTrip(coder, values)
        assertSame(try coder.decode(from: ds), values)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.read("fraction", as: UInt8.self), [0, 50, 100, 255, 25, 75])
        XCTAssertEqual(try f.attribute("scale_factor", variable: "fraction"), .floats([0.01]))
        XCTAssertNil(try f.attribute("add_offset", variable: "fraction"))
        XCTAssertEqual(try f.attribute("valid_range", variable: "fraction"), .ubytes([0, 100]))
        XCTAssertEqual(try f.attribute("_FillValue", variable: "fraction"), .ubytes([255]))
    }

    func testScaledShortsWithOffsetComeBackOnTheirGrid() throws {
        let coder = ContinuousCoder(
            name: "tb", longName: "brightness temperature", units: "K",
            storage: .int16(scale: 0.5, offset: 200, fill: -32768))
        let values: [Float] = [150, 200, 200.5, .nan, 273, 99.5]
        let (ds, url) = try roundTrip(coder, values)
        assertSame(try coder.decode(from: ds), values)
        XCTAssertEqual(try NetCDFFile.open(url).read("tb", as: Int16.self), [-100, 0, 1, -32768, 146, -201])
    }

    func testValuesOutsideThePackedTypeAreRejectedByName() throws {
        let coder = ContinuousCoder(name: "SIC", longName: "c", units: "%", storage: .uint8())
        var p = CFProduct(grid: grid, globals: globals)
        XCTAssertThrowsError(try p.add(coder, [0, 1, 2, 300, 4, 5])) { XCTAssertTrue("\($0)".contains("SIC"), "\($0)") }
        XCTAssertThrowsError(try p.add(coder, [0, 1, 2, 255, 4, 5]), "the fill byte is not a value")
    }

    func testUncertaintyIsTheStandardErrorOfItsBase() throws {
        let base = ContinuousCoder(
            name: "SIC", standardName: "sea_ice_area_fraction", longName: "sea ice concentration",
            units: "%")
        let coder = ContinuousCoder.uncertainty(of: base)
        XCTAssertEqual(coder.name, "SIC_uncertainty")
        let values: [Float] = [4.5, .nan, 0, 12.25, 1, 2]
        let (ds, url) = try roundTrip(coder, values)
        assertSame(try coder.decode(from: ds), values)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(
            try f.requireText("standard_name", variable: "SIC_uncertainty"), "sea_ice_area_fraction standard_error")
        XCTAssertEqual(try f.requireText("units", variable: "SIC_uncertainty"), "%")
    }

    func testClassVariableCarriesItsTableAndRejectsAnotherOne() throws {
        let coder = ClassCoder(table: .sod, standardName: "sea_ice_classification")
        let codes: [UInt8] = [0, 1, 2, 3, 255, 5]
        let (ds, url) = try roundTrip(coder, codes)
        XCTAssertEqual(try coder.decode(from: ds), codes)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.attribute("flag_values", variable: "SOD"), .ubytes([0, 1, 2, 3, 4, 5]))
        XCTAssertEqual(try f.requireText("flag_meanings", variable: "SOD"), ClassTable.sod.flagMeanings)
        XCTAssertEqual(try f.requireText("standard_name", variable: "SOD"), "sea_ice_classification")
        XCTAssertEqual(try f.attribute("_FillValue", variable: "SOD"), .ubytes([255]))
        let other = ClassCoder(table: .floe, name: "SOD")
        XCTAssertThrowsError(try other.decode(from: ds)) { XCTAssertTrue("\($0)".contains("flag_values"), "\($0)") }
    }

    func testClassDecodingRejectsCodesOutsideTheTable() throws {
        let iceWater = ClassTable(
            variable: "ICE", longName: "ice/water",
            entries: [
                .init(0, "water", label: "water", color: RGB(150, 200, 255)),
                .init(1, "ice", label: "ice", color: .white),
            ])
        let (ds, _) = try roundTrip(ClassCoder(table: iceWater), [0, 1, 1, 0, 255, 7])
        XCTAssertThrowsError(try ClassCoder(table: iceWater).decode(from: ds)) {
            XCTAssertTrue("\($0)".contains("value 7"), "\($0)")
        }
    }

    func testProbabilitiesHaveAClassCoordinateNamedAfterTheClasses() throws {
        let coder = ProbabilityCoder(table: .floe)
        let values = (0..<(7 * 6)).map { Float($0 % 8) / 8 }
        let (ds, url) = try roundTrip(coder, values)
        XCTAssertEqual(try coder.decode(from: ds), values)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.variable("FLOE_probability").dimensions, ["floe_class", "y", "x"])
        XCTAssertEqual(try f.read("floe_class", as: UInt8.self), ClassTable.floe.codes)
        XCTAssertEqual(try f.requireText("flag_meanings", variable: "floe_class"), ClassTable.floe.flagMeanings)
        XCTAssertEqual(try f.requireText("units", variable: "FLOE_probability"), "1")
        XCTAssertThrowsError(
            try ProbabilityCoder(table: .sod, name: "FLOE_probability", classDimension: "floe_class").decode(from: ds))
    }

    func testSwathGridWritesLatLonAndLinksEveryVariable() throws {
        let swath = ProductGrid.swath(
            SwathGrid(
                height: 2, width: 3, latitude: [70, 70.1, 70.2, 71, 71.1, 71.2],
                longitude: [-50, -49, -48, -50.5, -49.5, -48.5]))
        let (ds, url) = try roundTrip(ClassCoder(table: .sod), [0, 1, 2, 3, 4, 5], on: swath)
        XCTAssertEqual(try ProductGrid.decode(from: ds), swath)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.requireText("coordinates", variable: "SOD"), "lat lon")
        XCTAssertEqual(try f.requireText("units", variable: "lon"), "degrees_east")
        XCTAssertEqual(
            try ProductGrid.decode(from: try roundTrip(ClassCoder(table: .sod), [0, 1, 2, 3, 4, 5]).0), grid)
    }

    func testProjectedGridWritesGridMappingAndMetreCoordinates() throws {
        let wkt = #"PROJCS["WGS 84 / NSIDC Sea Ice Polar Stereographic North",AUTHORITY["EPSG","3413"]]"#
        let projected = ProductGrid.projected(
            ProjectedGrid(
                height: 2, width: 3, geoTransform: [-1000, 500, 0, 2000, 0, -500],
                crsWKT: wkt, epsg: 3413, mapping: ProjectedGrid.epsg3413Mapping))
        let coder = ContinuousCoder(name: "SIC", standardName: "sea_ice_area_fraction", longName: "c", units: "%")
        let (ds, url) = try roundTrip(coder, [0, 10, 20, 30, 40, 50], on: projected)
        XCTAssertEqual(try ProductGrid.decode(from: ds), projected)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.requireText("grid_mapping", variable: "SIC"), "crs")
        XCTAssertNil(try f.attribute("coordinates", variable: "SIC"))
        XCTAssertEqual(try f.requireText("grid_mapping_name", variable: "crs"), "polar_stereographic")
        XCTAssertEqual(try f.requireText("GeoTransform", variable: "crs"), "-1000.0 500.0 0.0 2000.0 0.0 -500.0")
        XCTAssertEqual(try f.requireText("epsg_code", variable: "crs"), "EPSG:3413")
        XCTAssertEqual(try f.read("x", as: Double.self), [-750, -250, 250])
        XCTAssertEqual(try f.read("y", as: Double.self), [1750, 1250])
        XCTAssertEqual(try f.requireText("units", variable: "y"), "m")
    }

    func testGlobalsComeBackWithTheSimulatedMarker() throws {
        var g = ProductGlobals(
            title: "SIMULATED test", summary: "sum", source: "s", history: "h", references: "r", id: "a_b_seaice",
            dateCreated: Date(timeIntervalSince1970: 1_700_000_000),
            bounds: GeospatialBounds(latitude: 70...71.5, longitude: -50 ... -48),
            timeCoverage: DateInterval(start: Date(timeIntervalSince1970: 1_516_823_279), duration: 60),
            simulated: true, extra: ["scene_id": .text("a_b"), "pixel_spacing": .doubles([80])])
        for simulated in [true, false] {
            g.simulated = simulated
            var p = CFProduct(grid: grid, globals: g)
            try p.add(ClassCoder(table: .sod), [0, 1, 2, 3, 4, 5])
            let url = try TestPaths.temporaryDirectory("globals").appendingPathComponent("g.nc")
            try CFWriter().write(p, to: url)
            let ds = try CFDataset.read(url)
            XCTAssertEqual(try ProductGlobals(decoding: ds), g)
            XCTAssertEqual(ds.attribute("Conventions"), .text("CF-1.10, ACDD-1.3"))
            XCTAssertEqual(ds.attribute("simulated"), .text(simulated ? "true" : "false"))
            XCTAssertEqual(ds.attribute("comment") != nil, simulated)
            XCTAssertEqual(ds.attribute("date_created"), .text("2023-11-14T22:13:20Z"))
            XCTAssertEqual(ds.attribute("time_coverage_start"), .text("2018-01-24T19:47:59Z"))
            XCTAssertEqual(ds.attribute("time_coverage_end"), .text("2018-01-24T19:48:59Z"))
            XCTAssertEqual(ds.attribute("geospatial_lon_min"), .doubles([-50]))
            XCTAssertEqual(ds.attribute("geospatial_lat_max"), .doubles([71.5]))
        }
    }

    func testGlobalsReadTheOldSpellingsOfTheSimulatedMarker() throws {
        for (marker, simulated) in [("yes", true), ("TRUE", true), ("1", true), ("no", false), ("False", false)] {
            var p = CFProduct(grid: grid, globals: globals)
            try p.add(ClassCoder(table: .sod), [0, 1, 2, 3, 4, 5])
            var ds = CFDataset(
                source: "old.nc", dimensions: p.dimensions, variables: p.variables,
                attributes: p.globals.encode().filter { $0.name != "simulated" })
            ds.attributes.append(CFAttribute("simulated", .text(marker)))
            XCTAssertEqual(try ProductGlobals(decoding: ds).simulated, simulated, marker)
        }
        var ds = CFDataset(source: "bad.nc", dimensions: [], variables: [], attributes: globals.encode())
        ds.attributes.removeAll { $0.name == "simulated" }
        ds.attributes.append(CFAttribute("simulated", .text("perhaps")))
        XCTAssertThrowsError(try ProductGlobals(decoding: ds)) { XCTAssertTrue("\($0)".contains("bad.nc"), "\($0)") }
    }

    func testTimeHasBoundsAndComesBackAsTheSameInterval() throws {
        let interval = DateInterval(start: Date(timeIntervalSince1970: 1_516_823_279), duration: 120)
        let coder = TimeCoder()
        let (ds, url) = try roundTrip(coder, interval)
        XCTAssertEqual(try coder.decode(from: ds), interval)
        let f = try NetCDFFile.open(url)
        XCTAssertEqual(try f.read("time", as: Double.self), [1_516_823_339])
        XCTAssertEqual(try f.read("time_bnds", as: Double.self), [1_516_823_279, 1_516_823_399])
        XCTAssertEqual(try f.requireText("bounds", variable: "time"), "time_bnds")
        XCTAssertEqual(try f.requireText("units", variable: "time"), "seconds since 1970-01-01 00:00:00")
    }

    func testTheMultiTaskProductDecodesBackThroughItsCoders() throws {
        let h = 2
        let w = 3
        let n = h * w
        let p = IceProduct(
            sceneID: "s", height: h, width: w, pixelSpacing: 80, sicPercent: [0, 10, 255, 100, 50, 70],
            sod: [0, 1, 2, 3, 4, 255], floe: [6, 5, 4, 3, 2, 1], sodProbabilities: (0..<(6 * n)).map { Float($0) / 36 },
            floeProbabilities: (0..<(7 * n)).map { Float($0) / 42 }, sicUncertainty: [1, 2, 3, 4, 5, .nan],
            latitude: [70, 70, 70, 71, 71, 71], longitude: [1, 2, 3, 1, 2, 3],
            provenance: ProductProvenance(
                inputs: ["i"], model: "m", softwareVersion: "v", simulated: false, commandLine: "c"))
        let url = try TestPaths.temporaryDirectory("ice").appendingPathComponent("p.nc")
        try CFProductWriter().write(p, to: url)
        let ds = try CFDataset.read(url)
        XCTAssertEqual(try ProductGrid.decode(from: ds), p.grid)
        assertSame(try IceProductCoders.sic.decode(from: ds), p.sicPercent.map { $0 == 255 ? .nan : Float($0) })
        XCTAssertEqual(try IceProductCoders.sod.decode(from: ds), p.sod)
        XCTAssertEqual(try IceProductCoders.floe.decode(from: ds), p.floe)
        XCTAssertEqual(try IceProductCoders.sodProbability.decode(from: ds), p.sodProbabilities)
        XCTAssertEqual(try IceProductCoders.floeProbability.decode(from: ds), p.floeProbabilities)
        assertSame(try IceProductCoders.sicUncertainty.decode(from: ds), p.sicUncertainty ?? [])
        XCTAssertEqual(try ProductGlobals(decoding: ds).extra["scene_id"], .text("s"))
    }
}
