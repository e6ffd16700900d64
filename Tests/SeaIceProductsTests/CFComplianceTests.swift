import Foundation
import SeaIceGDAL
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// Every product type through the checkers users run (cfchecker and the IOOS compliance-checker's
/// `cf:1.10` suite): zero errors from the IOOS checker; from cfchecker only the one it reports for any
/// CF newer than 1.8, its newest (`CFCheckers.cfchecksVersionLimit`). Skipped, with the reason, where
/// `scripts/setup.sh` has not installed them.
final class CFComplianceTests: XCTestCase {
    private func product(height h: Int = 3, width w: Int = 4) -> IceProduct {
        let n = h * w
        return IceProduct(
            sceneID: "20180124T194759_dmi", height: h, width: w, pixelSpacing: 80,
            sicPercent: (0..<n).map { UInt8($0 * 10 % 110) }, sod: (0..<n).map { UInt8($0 % 6) },
            floe: (0..<n).map { $0 == 0 ? 255 : UInt8($0 % 7) },
            sodProbabilities: (0..<(6 * n)).map { Float($0 % 7) / 7 },
            floeProbabilities: (0..<(7 * n)).map { Float($0 % 8) / 8 },
            sicUncertainty: [Float](repeating: 4.5, count: n),
            latitude: (0..<n).map { 70 + Float($0) * 0.01 }, longitude: (0..<n).map { -50 + Float($0) * 0.01 },
            provenance: ProductProvenance(
                inputs: ["scene.nc"], model: "test model", softwareVersion: "0.1.0", simulated: true,
                commandLine: "seaice predict ..."),
            acquisition: DateInterval(start: Date(timeIntervalSince1970: 1_516_823_279), duration: 64))
    }

    private func check(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let cf = try CFCheckers.cfchecks(url)
        XCTAssertEqual(cf.errors, [CFCheckers.cfchecksVersionLimit], "cfchecks:\n\(cf.report)", file: file, line: line)
        let ioos = try CFCheckers.ioos(url)
        XCTAssertEqual(ioos.errors, [], "compliance-checker cf:1.10:\n\(ioos)", file: file, line: line)
        print("\(url.lastPathComponent): cfchecks\n\(cf)\ncompliance-checker\n\(ioos)")
    }

    func testTheSwathProductHasNoCFErrors() throws {
        if let reason = CFCheckers.unavailableReason { throw XCTSkip(reason) }
        let url = try TestPaths.temporaryDirectory("cf").appendingPathComponent("swath.nc")
        try CFProductWriter().write(product(), to: url)
        try check(url)
    }

    func testTheProjectedProductHasNoCFErrors() throws {
        if let reason = CFCheckers.unavailableReason { throw XCTSkip(reason) }
        var p = product()
        p.latitude = nil
        p.longitude = nil
        let grid = ProjectedGrid(
            height: 3, width: 4, geoTransform: [-1000, 500, 0, 2000, 0, -500],
            crsWKT: try SpatialReference(epsg: 3413).wkt, epsg: 3413, mapping: ProjectedGrid.epsg3413Mapping)
        let url = try TestPaths.temporaryDirectory("cf").appendingPathComponent("projected.nc")
        try CFWriter().write(try p.cfProduct(grid: .projected(grid)), to: url)
        try check(url)
    }
}
