import Foundation
import SeaIceClasses
import SeaIceGDAL
import SeaIceTestSupport
import XCTest

/// Cloud-Optimised GeoTIFFs reopened as QGIS and `gdalinfo` see them: COG layout, overviews,
/// palette with class names, no-data, unit, grey (never RGB) multi-band files.
final class CloudOptimizedGeoTIFFTests: XCTestCase {
    /// 600 × 520: larger than one 512-pixel block, so the COG driver must build one overview.
    private let width = 600, height = 520

    func testClassMapIsAPaletteCOGWithClassNamesOverviewsAndNodata() throws {
        let url = try TestPaths.temporaryDirectory("cog").appendingPathComponent("sod.tif")
        let codes = (0..<(width * height)).map { k in k % 97 == 0 ? ClassTable.fillCode : UInt8(k / width % 6) }
        let transform = [-2_000_000.0, 80, 0, 1_000_000, 0, -80]
        try CloudOptimizedGeoTIFF.write(
            [.classes(codes, table: .sod)], width: width, height: height,
            georeference: .transform(transform, crs: "EPSG:3413"), overviews: .nearest,
            metadata: ["TIFFTAG_DATETIME": "2018:01:24 19:47:59"], to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(r.metadataItem("LAYOUT", domain: "IMAGE_STRUCTURE"), "COG")
        XCTAssertEqual(r.metadataItem("COMPRESSION", domain: "IMAGE_STRUCTURE"), "DEFLATE")
        XCTAssertGreaterThanOrEqual(try r.overviewCount(), 1)
        XCTAssertEqual(r.bandCount, 1)
        XCTAssertEqual(try r.colorInterpretation(), "Palette")
        XCTAssertEqual(try r.noDataValue(), 255)
        XCTAssertEqual(try r.bandDescription(), "SOD (stage of development)")
        XCTAssertEqual(try r.readBytes(), codes)
        let palette = try r.palette()
        for e in ClassTable.sod.entries {
            XCTAssertEqual(palette[Int(e.code)], PaletteColor(e.color.r, e.color.g, e.color.b), e.label)
            XCTAssertEqual(try r.metadataItem("CLASS_\(e.code)", band: 1), e.label)
        }
        XCTAssertEqual(try r.metadataItem("CLASS_255", band: 1), "no data")
        XCTAssertEqual(r.geoTransform, transform)
        XCTAssertEqual(r.metadataItem("TIFFTAG_DATETIME"), "2018:01:24 19:47:59")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + ".aux.xml"), "everything inside the TIFF")
    }

    func testFloatLayersAreGreyWithUnitsAndAveragedOverviewsOnGCPs() throws {
        let url = try TestPaths.temporaryDirectory("cog").appendingPathComponent("p.tif")
        let n = width * height
        let a = (0..<n).map { Float($0 % width) / Float(width) }
        let b = a.map { 1 - $0 }
        let gcps = [
            GroundControlPoint(pixel: 0.5, line: 0.5, x: -50, y: 70),
            GroundControlPoint(pixel: 599.5, line: 0.5, x: -48, y: 70),
            GroundControlPoint(pixel: 0.5, line: 519.5, x: -50, y: 71),
        ]
        try CloudOptimizedGeoTIFF.write(
            [
                GeoTIFFBand(.float32(a), description: "open water", noData: .nan, unit: "1"),
                GeoTIFFBand(.float32(b), description: "thin first-year ice", noData: .nan, unit: "1"),
            ], width: width, height: height, georeference: .gcps(gcps, crs: "EPSG:4326"), overviews: .average,
            to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(r.metadataItem("LAYOUT", domain: "IMAGE_STRUCTURE"), "COG")
        XCTAssertEqual(r.bandCount, 2)
        XCTAssertEqual(try r.colorInterpretation(band: 1), "Gray")
        XCTAssertEqual(try r.colorInterpretation(band: 2), "Undefined")
        for band in 1...2 {
            XCTAssertEqual(r.dataTypeName(band: band), "Float32")
            XCTAssertEqual(try r.unit(band: band), "1")
            XCTAssertTrue(try r.noDataValue(band: band)?.isNaN ?? false)
            XCTAssertGreaterThanOrEqual(try r.overviewCount(band: band), 1)
        }
        XCTAssertEqual(try r.bandDescription(band: 2), "thin first-year ice")
        XCTAssertEqual(try r.readFloat(band: 2, x: 0, y: 0, width: width, height: height), b)
        XCTAssertEqual(r.groundControlPoints, gcps)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + ".aux.xml"), "everything inside the TIFF")
    }

    func testAPaletteOnAMultiBandFileIsRefusedAndLeavesNoFile() throws {
        let url = try TestPaths.temporaryDirectory("cog").appendingPathComponent("bad.tif")
        let band = GeoTIFFBand(.uint8([0, 1]), description: "x", palette: [PaletteColor(1, 2, 3)])
        XCTAssertThrowsError(
            try CloudOptimizedGeoTIFF.write(
                [band, band], width: 2, height: 1, georeference: .none, overviews: .nearest, to: url)
        ) { XCTAssertTrue("\($0)".contains("colour table"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }
}
