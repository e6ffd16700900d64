import AI4ArcticTestSupport
import Foundation
import SeaIceCore
import SeaIceCover
import SeaIceModels
import SeaIceNetCDF
import SeaIceTestSupport
import SeaIceTiling
import XCTest

/// The product reopens with the variables and CF attributes the spec names, land in `Mask`, and no cover on land.
final class CoverProductTests: XCTestCase {
    func testProductReopensWithItsVariablesAndAttributes() throws {
        let dir = try TestPaths.temporaryDirectory("cover-product")
        let scene = try RawSceneFixture().write(to: dir)
        var g = SeededGenerator(seed: 2)
        let predictor = try CoverPredictor(network: try CoverUNet(CoverUNetConfiguration(filters: [4, 8]), generator: &g),
                                           tiling: TilingConfiguration(tileSize: 8, overlap: 4))
        let out = try TestPaths.temporaryDirectory("cover-product-out")
        let url = try CoverProduct.predict(scene, predictor: predictor, into: out)
        XCTAssertEqual(url.lastPathComponent, "SIC_S1A_EW_GRDM_1SDH_20180124T194759_20180124T194859_020301_022AA4_1F75_V1.0.nc")
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.deletingPathExtension().appendingPathExtension("png").path))
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        for v in ["Longitude", "Latitude", "SeaIce", "Mask", "ice_probability"] { XCTAssertTrue(nc.hasVariable(v), v) }
        XCTAssertEqual(try nc.attribute("flag_meanings", variable: "SeaIce")?.text, "open_water sea_ice")
        XCTAssertEqual(try nc.attribute("units", variable: "Longitude")?.text, "degrees_east")
        XCTAssertEqual(try nc.attribute("id")?.text, "SIC_S1A_EW_GRDM_1SDH_20180124T194759_20180124T194859_020301_022AA4_1F75_V1.0")
        let mask = try nc.read("Mask", as: UInt8.self), cover = try nc.read("SeaIce", as: UInt8.self)
        XCTAssertEqual(Array(mask.prefix(11)), [UInt8](repeating: 1, count: 11), "row 0 is land")
        XCTAssertEqual(Array(cover.prefix(11)), [UInt8](repeating: 255, count: 11), "no cover on land")
        XCTAssertTrue(cover.dropFirst(11).allSatisfy { $0 <= 1 })
        let lat = try nc.read("Latitude", as: Float.self)
        XCTAssertEqual(Double(lat[0]), RawSceneFixture.latitude(line: 4.5, sample: 4.5), accuracy: 1e-3)
    }

    func predictor() throws -> CoverPredictor {
        var g = SeededGenerator(seed: 2)
        return try CoverPredictor(network: try CoverUNet(CoverUNetConfiguration(filters: [4, 8]), generator: &g),
                                  tiling: TilingConfiguration(tileSize: 8, overlap: 4))
    }

    /// An entirely-land scene gives a product with Mask everywhere and no cover, not a crash.
    func testAllLandSceneGivesAMaskOnlyProduct() throws {
        let dir = try TestPaths.temporaryDirectory("cover-product-land")
        defer { try? FileManager.default.removeItem(at: dir) }
        var fixture = RawSceneFixture()
        fixture.allLand = true
        let url = try CoverProduct.predict(try fixture.write(to: dir), predictor: try predictor(), into: dir)
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        XCTAssertTrue(try nc.read("Mask", as: UInt8.self).allSatisfy { $0 == 1 })
        XCTAssertTrue(try nc.read("SeaIce", as: UInt8.self).allSatisfy { $0 == 255 })
    }

    /// An HH-only scene is refused naming the file and the HV variable; nothing is written.
    func testHHOnlySceneIsRefused() throws {
        let dir = try TestPaths.temporaryDirectory("cover-product-hh")
        defer { try? FileManager.default.removeItem(at: dir) }
        var fixture = RawSceneFixture()
        fixture.writesHV = false
        let scene = try fixture.write(to: dir)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        XCTAssertThrowsError(try CoverProduct.predict(scene, predictor: try predictor(), into: out)) {
            XCTAssertTrue("\($0)".contains(scene.lastPathComponent) && "\($0)".contains("nersc_sar_secondary")
                          && "\($0)".contains("HH-only"), "\($0)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }
}
