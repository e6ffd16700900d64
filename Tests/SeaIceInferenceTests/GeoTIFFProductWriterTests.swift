import Foundation
import SeaIceAI4Arctic
import SeaIceGDAL
import SeaIceInference
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// The multi-task product's GeoTIFF, reopened with SeaIceGDAL as QGIS would open it.
final class GeoTIFFProductWriterTests: XCTestCase {
    private func product() -> IceProduct {
        let h = 4
        let w = 5
        let n = h * w
        return IceProduct(
            sceneID: "20180124T194759_dmi", height: h, width: w, pixelSpacing: 80,
            sicPercent: (0..<n).map { $0 == 3 ? 255 : UInt8($0 % 11 * 10) },
            sod: (0..<n).map { UInt8($0 % 6) }, floe: (0..<n).map { UInt8($0 % 7) },
            provenance: ProductProvenance(
                inputs: ["a.nc"], model: "m", softwareVersion: "9.9",
                simulated: true, commandLine: "seaice predict"))
    }

    func testThreeGreyBandsWithNodataDescriptionsAndTiePointGCPs() throws {
        let p = product()
        let tiePoints = AI4ArcticTiePointGrid.spanning(
            lines: 4, samples: 5, latitude: [70, 70, 71, 71], longitude: [-50, -49, -50, -49], side: 2)
        let url = try TestPaths.temporaryDirectory("tif").appendingPathComponent("p.tif")
        try GeoTIFFProductWriter.write(p, tiePoints: tiePoints, to: url)
        let r = try GDALRaster(path: url.path)
        XCTAssertEqual(r.bandCount, 3)
        XCTAssertEqual(r.width, 5)
        for (b, (name, values)) in [("SIC (%)", p.sicPercent), ("SOD class", p.sod), ("FLOE class", p.floe)]
            .enumerated()
        {
            XCTAssertEqual(r.dataTypeName(band: b + 1), "Byte")
            XCTAssertEqual(try r.bandDescription(band: b + 1), name)
            XCTAssertEqual(try r.noDataValue(band: b + 1), 255)
            XCTAssertNotEqual(try r.colorInterpretation(band: b + 1), ["Red", "Green", "Blue"][b], "not drawn as RGB")
            XCTAssertEqual(try r.readBytes(band: b + 1), values)
        }
        XCTAssertEqual(try r.unit(band: 1), "%")
        XCTAssertEqual(
            r.groundControlPoints,
            [
                GroundControlPoint(pixel: 0.5, line: 0.5, x: -50, y: 70),
                GroundControlPoint(pixel: 4.5, line: 0.5, x: -49, y: 70),
                GroundControlPoint(pixel: 0.5, line: 3.5, x: -50, y: 71),
                GroundControlPoint(pixel: 4.5, line: 3.5, x: -49, y: 71),
            ])
        XCTAssertEqual(r.metadataItem("simulated"), "yes (SIMULATED DATA)")
        XCTAssertEqual(r.metadataItem("TIFFTAG_SOFTWARE"), "SeaIceKit 9.9")
    }
}
