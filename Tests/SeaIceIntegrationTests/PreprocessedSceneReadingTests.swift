import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceLand
import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// A Sentinel-1 product run through `seaice preprocess`'s pipeline must open with the AI4Arctic
/// reader (so every model here can consume it), and models needing AMSR2/ERA5 must be refused clearly.
final class PreprocessedSceneReadingTests: XCTestCase {
    static let template = TestPaths.sharedData("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")

    private func preprocessedScene() throws -> URL {
        try TestPaths.requireSharedData(at: Self.template)
        let dir = try TestPaths.temporaryDirectory("integration")
        var builder = SyntheticProduct(template: Self.template)
        builder.reduction = 25  // 40 m → 1000 m pixels, 428 × 419
        let product = try builder.writeFolder(in: dir)
        var configuration = PreprocessConfiguration()
        configuration.pixelSize = 1000
        configuration.noise = .esa
        let land = LandLookup(distanceFile: try TestPaths.requireSharedData(
            "landmask/landmetrics/distance_to_land_0.1deg_gt0km2.nc"),
                              maskFile: try TestPaths.requireSharedData("landmask/global-land-mask/globe_land_1km.tif"))
        let scene = try Sentinel1Preprocessor(configuration: configuration, coefficients: nil, land: land)
            .run(product, logger: Logger(label: "test"))
        let out = dir.appendingPathComponent("scene.nc")
        try AI4ArcticSceneWriter.write(scene, to: out)
        return out
    }

    func testPreprocessedSceneOpensWithTheAI4ArcticReader() throws {
        let url = try preprocessedScene()
        let file = try AI4ArcticFile.open(url)
        XCTAssertEqual(file.version, .raw)
        XCTAssertEqual(file.geometry.pixelSpacing, 1000)
        XCTAssertEqual(file.geometry.pixelsPerCell, 2)
        XCTAssertEqual(file.absentInputs, [.amsr2, .era5])
        XCTAssert(file.has(AI4ArcticSchema.Name.sarPrimary))
        // The SAR channels a SAR-only model needs are there.
        XCTAssertNoThrow(try file.requireVariables([AI4ArcticSchema.Name.sarPrimary, AI4ArcticSchema.Name.sarSecondary]))
    }

    func testModelsNeedingAMSR2AreRefusedWithTheMissingVariablesListed() throws {
        let file = try AI4ArcticFile.open(try preprocessedScene())
        XCTAssertThrowsError(try file.requireVariables([AI4ArcticSchema.Name.sarPrimary, "btemp_18_7h", "btemp_36_5v", "u10m_rotated"])) { error in
            let text = "\(error)"
            XCTAssert(text.contains("`btemp_18_7h`, `btemp_36_5v`, `u10m_rotated`"), text)
            XCTAssert(text.contains("amsr2_available = no") && text.contains("era5_available = no"), text)
            XCTAssertFalse(text.contains("nersc_sar_primary"), text)
        }
    }
}
