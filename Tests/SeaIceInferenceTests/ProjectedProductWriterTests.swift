import Foundation
import SeaIceAI4Arctic
import SeaIceCharts
import SeaIceGDAL
import SeaIceInference
import SeaIceProducts
import SeaIceTestSupport
import XCTest

/// `seaice predict --grid`: the swath product warped onto a north-up map grid lands where OGR puts
/// its latitude/longitude, and is written by the same writers on a projected grid.
final class ProjectedProductWriterTests: XCTestCase {
    private let h = 200, w = 240
    /// Rows 100..<105, columns 120..<125: SOD 5 and SIC 100 there, SOD 1 and SIC 40 elsewhere.
    private func inBlock(_ k: Int) -> Bool { (100..<105).contains(k / w) && (120..<125).contains(k % w) }

    /// An affine lat/lon swath north of Greenland (75°–76.2° N, 40.5°–36° W): ≈ 0.5 km pixels.
    private let tiePoints = AI4ArcticTiePointGrid.spanning(
        lines: 200, samples: 240, latitude: [75, 75.2, 76, 76.2], longitude: [-40, -36, -40.5, -36.5], side: 2)

    private func product() -> IceProduct {
        let n = h * w
        return IceProduct(
            sceneID: "20180124T194759_dmi", height: h, width: w, pixelSpacing: 500,
            sicPercent: (0..<n).map { inBlock($0) ? 100 : 40 }, sod: (0..<n).map { inBlock($0) ? 5 : 1 },
            floe: [UInt8](repeating: 2, count: n),
            sodProbabilities: (0..<(6 * n)).map { k in k / n == 5 ? (inBlock(k % n) ? 1 : 0) : 0.2 },
            provenance: ProductProvenance(
                inputs: ["a.nc"], model: "m", softwareVersion: "9.9", simulated: true, commandLine: "test"),
            acquisition: DateInterval(start: Date(timeIntervalSince1970: 1_516_823_279), duration: 64))
    }

    /// The EPSG:3413 cell (column, row) of the block centre, from OGR's coordinate transformation.
    private func expectedCell(_ grid: RegularGrid) throws -> Int {
        let lat = tiePoints.latitude(line: 102, sample: 122), lon = tiePoints.longitude(line: 102, sample: 122)
        let p = try CoordinateTransform(from: .wgs84(), to: try SpatialReference(epsg: 3413))
            .transform([GeoPoint(x: lon, y: lat)])[0]
        let t = grid.geoTransform
        let column = Int(((p.x - t[0]) / t[1]).rounded(.down)), row = Int(((p.y - t[3]) / t[5]).rounded(.down))
        XCTAssertTrue((0..<grid.width).contains(column) && (0..<grid.height).contains(row))
        return row * grid.width + column
    }

    func testTheWarpedProductLandsOnTheEPSG3413CellOfItsLatitudeLongitude() throws {
        let spec = try ChartGridSpecification(parsing: "EPSG:3413:250")
        let grid = try ProjectedProductWriter.grid(spec, tiePoints: tiePoints)
        XCTAssertEqual(grid.geoTransform[1], 250)
        XCTAssertEqual(grid.geoTransform[0].truncatingRemainder(dividingBy: 250), 0, "snapped to multiples of 250 m")
        let warped = try ProjectedProductWriter.warp(product(), tiePoints: tiePoints, onto: grid)
        XCTAssertEqual(warped.height * warped.width, grid.width * grid.height)
        let cell = try expectedCell(grid)
        XCTAssertEqual(warped.sod[cell], 5, "nearest class at the block centre")
        XCTAssertEqual(warped.sicPercent[cell], 100, "average of the SIC inside the block")
        XCTAssertEqual(warped.sodProbabilities![5 * grid.width * grid.height + cell], 1)
        XCTAssertEqual(Set(warped.sod), [1, 5, 255], "the swath, the block and no-data outside the swath")
        XCTAssertTrue(warped.floe.allSatisfy { $0 == 2 || $0 == 255 })
        XCTAssertNil(warped.latitude)
    }

    func testNamedGridsAndWrittenFilesOnTheProjectedGrid() throws {
        XCTAssertEqual(
            try ChartGridSpecification(parsing: "nsidc-ps-north-6.25km"), .crs("EPSG:3413", box: nil, resolution: 6250))
        XCTAssertEqual(
            try ChartGridSpecification(parsing: "ease2-north-3.125km"), .crs("EPSG:6931", box: nil, resolution: 3125))
        XCTAssertThrowsError(try ChartGridSpecification(parsing: "nsidc-ps-north-km"))
        let folder = try TestPaths.temporaryDirectory("projected")
        let urls = try ProjectedProductWriter.write(
            product(), tiePoints: tiePoints, specification: try ChartGridSpecification(parsing: "nsidc-ps-north-1km"),
            into: folder)
        XCTAssertEqual(
            urls.map(\.lastPathComponent),
            ["20180124T194759_dmi_epsg3413_1000m.nc"]
                + ["SIC", "SOD", "FLOE", "SOD_probability"].map { "20180124T194759_dmi_epsg3413_1000m_\($0).tif" })
        let ds = try CFDataset.read(urls[0])
        guard case .projected(let grid) = try ProductGrid.decode(from: ds) else { return XCTFail("not projected") }
        XCTAssertEqual(grid.epsg, 3413)
        XCTAssertEqual(try ds.variable("SOD").attribute("grid_mapping"), .text("crs"))
        XCTAssertEqual(ds.attribute("time_coverage_start"), .text("2018-01-24T19:47:59Z"))
        XCTAssertEqual(ds.attribute("geospatial_lat_min")?.number ?? 0, 75, accuracy: 1e-4)
        let tif = try GDALRaster(path: urls[2].path)
        XCTAssertEqual(tif.geoTransform, grid.geoTransform)
        XCTAssertTrue(try SpatialReference(definition: tif.projection).isSame(as: try SpatialReference(epsg: 3413)))
        XCTAssertEqual(tif.metadataItem("LAYOUT", domain: "IMAGE_STRUCTURE"), "COG")
        XCTAssertEqual(try tif.colorInterpretation(), "Palette")
        XCTAssertThrowsError(
            try ProjectedProductWriter.productGrid(
                RegularGrid(width: 2, height: 2, geoTransform: [0, 1, 0, 0, 0, -1], crs: "EPSG:32633"))
        ) { XCTAssertTrue("\($0)".contains("EPSG:3413 or EPSG:6931"), "\($0)") }
    }
}
