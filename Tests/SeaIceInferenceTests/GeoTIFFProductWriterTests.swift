import Foundation
import SeaIceAI4Arctic
import SeaIceClasses
import SeaIceGDAL
import SeaIceInference
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// The multi-task product's GeoTIFFs, reopened with SeaIceGDAL as QGIS would open them.
final class GeoTIFFProductWriterTests: XCTestCase {
    private func product(h: Int = 4, w: Int = 5) -> IceProduct {
        let n = h * w
        return IceProduct(
            sceneID: "20180124T194759_dmi", height: h, width: w, pixelSpacing: 80,
            sicPercent: (0..<n).map { $0 == 3 ? 255 : UInt8($0 % 11 * 10) },
            sod: (0..<n).map { UInt8($0 % 6) }, floe: (0..<n).map { $0 == 4 ? 255 : UInt8($0 % 7) },
            sodProbabilities: (0..<(6 * n)).map { Float($0 % 6) / 6 },
            sicUncertainty: (0..<n).map { $0 == 3 ? .nan : Float($0) / 2 },
            provenance: ProductProvenance(
                inputs: ["a.nc"], model: "m", softwareVersion: "9.9",
                simulated: true, commandLine: "seaice predict"),
            acquisition: DateInterval(start: Date(timeIntervalSince1970: 1_516_823_279), duration: 64))
    }

    func testOneCOGPerLayerWithPalettesUnitsNodataOverviewsTimeAndTiePointGCPs() throws {
        // 600 × 520 pixels: more than one 512-pixel block, so every file has an overview.
        let p = product(h: 520, w: 600)
        let tiePoints = AI4ArcticTiePointGrid.spanning(
            lines: 520, samples: 600, latitude: [70, 70, 71, 71], longitude: [-50, -49, -50, -49], side: 2)
        let folder = try TestPaths.temporaryDirectory("tif")
        let urls = try GeoTIFFProductWriter.write(p, tiePoints: tiePoints, into: folder)
        XCTAssertEqual(
            urls.map(\.lastPathComponent),
            ["SIC", "SOD", "FLOE", "SOD_probability", "SIC_uncertainty"].map { "20180124T194759_dmi_\($0).tif" })
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
            urls.map(\.lastPathComponent).sorted(), "no sidecars, no temporary files")
        for url in urls {
            let r = try GDALRaster(path: url.path)
            XCTAssertEqual(r.metadataItem("LAYOUT", domain: "IMAGE_STRUCTURE"), "COG", url.lastPathComponent)
            XCTAssertGreaterThanOrEqual(try r.overviewCount(), 1, url.lastPathComponent)
            XCTAssertEqual(r.groundControlPoints.count, 4)
            XCTAssertEqual(r.metadataItem("TIFFTAG_DATETIME"), "2018:01:24 19:47:59")
            XCTAssertEqual(r.metadataItem("ACQUISITION_END"), "2018-01-24T19:49:03Z")
            XCTAssertEqual(r.metadataItem("simulated"), "true")
            XCTAssertEqual(r.metadataItem("TIFFTAG_SOFTWARE"), "SeaIceKit 9.9")
            for band in 1...r.bandCount {
                XCTAssertFalse(["Red", "Green", "Blue"].contains(try r.colorInterpretation(band: band)), "never RGB")
            }
        }
        let sic = try GDALRaster(path: urls[0].path)
        XCTAssertEqual(try sic.colorInterpretation(), "Gray")
        XCTAssertEqual(try sic.unit(), "%")
        XCTAssertEqual(try sic.noDataValue(), 255)
        XCTAssertEqual(try sic.bandDescription(), "SIC (sea ice concentration, %)")
        XCTAssertEqual(try sic.readBytes(), p.sicPercent)
        for (url, table, codes) in [(urls[1], ClassTable.sod, p.sod), (urls[2], ClassTable.floe, p.floe)] {
            let r = try GDALRaster(path: url.path)
            XCTAssertEqual(
                [try r.colorInterpretation(), try r.bandDescription(), "\(r.bandCount)", "\(try r.noDataValue() ?? 0)"],
                ["Palette", "\(table.variable) (\(table.longName))", "1", "255.0"])
            XCTAssertEqual(try r.readBytes(), codes)
            let palette = try r.palette()
            let colors = table.entries.map { PaletteColor($0.color.r, $0.color.g, $0.color.b) }
            XCTAssertEqual(table.codes.map { palette[Int($0)] }, colors)
            XCTAssertEqual(try table.codes.map { try r.metadataItem("CLASS_\($0)", band: 1) }, table.labels)
        }
        let probability = try GDALRaster(path: urls[3].path)
        XCTAssertEqual(probability.bandCount, ClassTable.sod.count)
        XCTAssertEqual(try probability.bandDescription(band: 4), "SOD probability of thin first-year ice")
        XCTAssertEqual(try probability.unit(band: 4), "1")
        XCTAssertEqual(try probability.metadataItem("CLASS_NAME", band: 4), "thin_first_year_ice")
        let n = 520 * 600
        XCTAssertEqual(
            try probability.readFloat(band: 4, x: 0, y: 0, width: 600, height: 520),
            Array(p.sodProbabilities![(3 * n)..<(4 * n)]))
        let uncertainty = try GDALRaster(path: urls[4].path)
        XCTAssertEqual(try uncertainty.unit(), "%")
        XCTAssertTrue(try uncertainty.noDataValue()?.isNaN ?? false)
    }

    func testWithoutTiePointsTheFilesHaveNoGeoreferenceAndTheFirstTiePointIsAPixelCentre() throws {
        let p = product()
        let folder = try TestPaths.temporaryDirectory("tif")
        let urls = try GeoTIFFProductWriter.write(p, tiePoints: nil, into: folder)
        let r = try GDALRaster(path: urls[1].path)
        XCTAssertTrue(r.groundControlPoints.isEmpty)
        XCTAssertNil(r.geoTransform.flatMap { $0 == [0, 1, 0, 0, 0, 1] ? nil : $0 })
        let grid = AI4ArcticTiePointGrid.spanning(
            lines: 4, samples: 5, latitude: [70, 70, 71, 71], longitude: [-50, -49, -50, -49], side: 2)
        XCTAssertEqual(
            GeoTIFFProductWriter.groundControlPoints(grid).first,
            GroundControlPoint(pixel: 0.5, line: 0.5, x: -50, y: 70))
    }
}
