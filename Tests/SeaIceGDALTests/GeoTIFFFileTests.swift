import Foundation
import SeaIceClasses
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

/// Whole-product GeoTIFFs and PNGs written through SeaIceGDAL, reopened as `gdalinfo` sees them.
final class GeoTIFFFileTests: XCTestCase {
    func testSingleClassBandWithPaletteOnAProjectedGrid() throws {
        let url = try TestPaths.temporaryDirectory("geotiff").appendingPathComponent("classes.tif")
        let palette = [PaletteColor(150, 200, 255), PaletteColor(255, 255, 255), PaletteColor(10, 20, 30)]
        let transform = [-2_000_000.0, 6250, 0, 1_000_000, 0, -6250]
        try GeoTIFFFile.write(
            [GeoTIFFBand(.uint8([0, 1, 2, 255, 1, 0]), description: "ICE class", noData: 255, palette: palette)],
            width: 3, height: 2, georeference: .transform(transform, crs: "EPSG:3413"),
            metadata: ["TIFFTAG_SOFTWARE": "SeaIceKit test"], to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(r.bandCount, 1)
        XCTAssertEqual(r.dataTypeName(), "Byte")
        XCTAssertEqual(try r.readBytes(), [0, 1, 2, 255, 1, 0])
        XCTAssertEqual(try r.noDataValue(), 255)
        XCTAssertEqual(try r.bandDescription(), "ICE class")
        XCTAssertEqual(try r.colorInterpretation(), "Palette")
        XCTAssertEqual(Array(try r.palette().prefix(3)), palette)
        XCTAssertEqual(r.geoTransform, transform)
        XCTAssertTrue(r.projection.contains("3413"), r.projection)
        XCTAssertEqual(r.metadataItem("TIFFTAG_SOFTWARE"), "SeaIceKit test")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + ".aux.xml"), "everything inside the TIFF")
    }

    func testClassBandTakesItsPaletteFromTheClassTable() throws {
        let url = try TestPaths.temporaryDirectory("geotiff").appendingPathComponent("sod.tif")
        let codes: [UInt8] = [0, 1, 2, 3, 4, 5, 255, 0]
        try GeoTIFFFile.write([.classes(codes, table: .sod)], width: 4, height: 2, georeference: .none, to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(try r.bandDescription(), "SOD (stage of development)")
        XCTAssertEqual(try r.noDataValue(), 255)
        let palette = try r.palette()
        XCTAssertEqual(palette.count, 256)
        for code in ClassTable.sod.codes + [255, 77] {
            let c = ClassTable.sod.color(code)
            // GDAL's GTiff driver reports the no-data entry as transparent.
            XCTAssertEqual(
                palette[Int(code)], PaletteColor(c.r, c.g, c.b, alpha: code == 255 ? 0 : 255), "code \(code)")
        }
        XCTAssertEqual(try r.readBytes(), codes)
    }

    func testFloatBandsWithGCPsAreGreyNotRGB() throws {
        let url = try TestPaths.temporaryDirectory("geotiff").appendingPathComponent("float.tif")
        let gcps = [
            GroundControlPoint(pixel: 0.5, line: 0.5, x: -50, y: 70),
            GroundControlPoint(pixel: 2.5, line: 0.5, x: -49, y: 70),
            GroundControlPoint(pixel: 0.5, line: 1.5, x: -50, y: 71),
            GroundControlPoint(pixel: 2.5, line: 1.5, x: -49, y: 71),
        ]
        let bands = (0..<3).map { b in
            GeoTIFFBand(
                .float32((0..<6).map { $0 == 4 ? .nan : Float(b * 10 + $0) / 4 }), description: "p\(b)", noData: .nan,
                unit: "1")
        }
        try GeoTIFFFile.write(bands, width: 3, height: 2, georeference: .gcps(gcps, crs: "EPSG:4326"), to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(r.bandCount, 3)
        for b in 1...3 {
            XCTAssertEqual(r.dataTypeName(band: b), "Float32")
            XCTAssertEqual(try r.bandDescription(band: b), "p\(b - 1)")
            XCTAssertEqual(try r.colorInterpretation(band: b), b == 1 ? "Gray" : "Undefined")
            XCTAssertEqual(try r.unit(band: b), "1")
            XCTAssertTrue(try r.noDataValue(band: b)?.isNaN == true)
            let v = try r.readFloat(band: b, x: 0, y: 0, width: 3, height: 2)
            XCTAssertEqual(v[5], Float((b - 1) * 10 + 5) / 4)
            XCTAssertTrue(v[4].isNaN)
        }
        XCTAssertEqual(r.groundControlPoints, gcps)
        XCTAssertTrue(r.gcpProjection.contains("WGS 84"), r.gcpProjection)
        XCTAssertNil(r.geoTransform.flatMap { $0 == [0, 1, 0, 0, 0, 1] ? nil : $0 }, "GCPs, not a geotransform")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["float.tif"])
    }

    func testWrongSizesMixedTypesAndMultiBandPalettesLeaveNoFile() throws {
        let dir = try TestPaths.temporaryDirectory("geotiff")
        let url = dir.appendingPathComponent("bad.tif")
        let byte = GeoTIFFBand(.uint8([1, 2, 3, 4]), description: "a")
        let cases: [([GeoTIFFBand], String)] = [
            ([GeoTIFFBand(.uint8([1, 2, 3]), description: "short")], "short"),
            ([byte, GeoTIFFBand(.float32([1, 2, 3, 4]), description: "f")], "pixel type"),
            (
                [GeoTIFFBand(.uint8([1, 2, 3, 4]), description: "pal", palette: [PaletteColor(1, 2, 3)]), byte],
                "colour table"
            ),
            ([], "at least one band"),
        ]
        for (bands, expected) in cases {
            XCTAssertThrowsError(try GeoTIFFFile.write(bands, width: 2, height: 2, georeference: .none, to: url)) {
                XCTAssertTrue("\($0)".contains(expected) && "\($0)".contains("bad.tif"), "\($0)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testPNGKeepsEveryByteOfGreyRGBAndRGBA() throws {
        let dir = try TestPaths.temporaryDirectory("png")
        for bands in [1, 3, 4] {
            let pixels = (0..<(5 * 2 * bands)).map { UInt8(($0 * 37) % 256) }
            let url = dir.appendingPathComponent("p\(bands).png")
            try PNGFile.write(pixels, width: 5, height: 2, bands: bands, to: url)
            let r = try GDALRaster(path: url.path)
            XCTAssertEqual(r.bandCount, bands)
            for b in 0..<bands {
                XCTAssertEqual(
                    try r.readBytes(band: b + 1), stride(from: b, to: pixels.count, by: bands).map { pixels[$0] })
            }
        }
        XCTAssertThrowsError(
            try PNGFile.write([1, 2], width: 1, height: 1, bands: 3, to: dir.appendingPathComponent("x.png")))
        XCTAssertThrowsError(
            try PNGFile.write([], width: 0, height: 0, bands: 1, to: dir.appendingPathComponent("y.png")))
    }
}
