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
}
