import Foundation
import SeaIceTestSupport
import XCTest

@testable import SeaIcePolarGrids

/// The NSIDC north grids against NSIDC's own 25 km lat/lon files.
final class PolarStereographicGridTests: XCTestCase {
    func testSizesOfEveryResolution() throws {
        let sizes = PolarStereographicGrid.Resolution.allCases.map { r -> [Int] in
            let g = PolarStereographicGrid(resolution: r)
            return [g.width, g.height]
        }
        XCTAssertEqual(sizes, [[304, 448], [608, 896], [1216, 1792], [2432, 3584]])
        XCTAssertEqual(try PolarStereographicGrid(name: "12.5").resolution, .km12_5)
        XCTAssertEqual(try PolarStereographicGrid(name: "nsidc-north-6.25km").name, "nsidc-north-6.25km")
        XCTAssertThrowsError(try PolarStereographicGrid(name: "nsidc-north-10km"))
    }

    /// NSIDC's `psn25lats_v3.dat`/`psn25lons_v3.dat`: int32 little-endian, 448 × 304, degrees × 100 000.
    static func nsidc25() throws -> (lat: [Double], lon: [Double]) {
        let folder = try TestPaths.requireSharedData("nsidc-polarstereo/grids")
        func read(_ name: String) throws -> [Double] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return data.withUnsafeBytes { raw in
                (0..<(448 * 304)).map { Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self))) / 100_000 }
            }
        }
        return (try read("psn25lats_v3.dat"), try read("psn25lons_v3.dat"))
    }

    /// Every 25 km cell centre PROJ computes for EPSG:3411 is within 2 m of NSIDC's file (which rounds to
    /// 1e-5°, ≤ 1.1 m); EPSG:3413 (WGS 84 ellipsoid, same grid numbers) within 1 km of it.
    func testCellCentresMatchNSIDCLatLonFile() throws {
        let nsidc = try Self.nsidc25()
        for (projection, tolerance) in [(PolarStereographicGrid.Projection.epsg3411, 2.0), (.epsg3413, 1_000)] {
            let centres = try PolarStereographicGrid(resolution: .km25, projection: projection).cellCentres(threads: 2)
            var worst = 0.0
            for i in 0..<nsidc.lat.count {
                worst = max(worst, distance(centres.latitude[i], centres.longitude[i], nsidc.lat[i], nsidc.lon[i]))
            }
            XCTAssertLessThan(worst, tolerance, "\(projection)")
            XCTAssertTrue(try PolarStereographicGrid(resolution: .km25, projection: projection).crsWKT()
                .contains("AUTHORITY[\"EPSG\",\"\(projection.rawValue)\"]]"), "\(projection)")
        }
    }

    /// A point at the NSIDC file's centre of cell (row, column) lands in that cell, at every resolution
    /// in the cell that nests there.
    func testPointLandsInTheRightNSIDCCell() throws {
        let nsidc = try Self.nsidc25()
        let cells = [(0, 0), (100, 150), (223, 151), (447, 303), (300, 20)]
        for r in PolarStereographicGrid.Resolution.allCases {
            let g = PolarStereographicGrid(resolution: r)
            let k = r.cellsPer25km
            let p = try g.project(latitude: cells.map { nsidc.lat[$0.0 * 304 + $0.1] }, longitude: cells.map { nsidc.lon[$0.0 * 304 + $0.1] })
            for (j, cell) in cells.enumerated() {
                let found = try XCTUnwrap(g.cell(x: p.x[j], y: p.y[j]))
                XCTAssertEqual(found.row / k, cell.0, "\(r) \(cell)")
                XCTAssertEqual(found.column / k, cell.1, "\(r) \(cell)")
            }
        }
    }

    func testOutsidePointsHaveNoCell() {
        let g = PolarStereographicGrid(resolution: .km25)
        XCTAssertNil(g.cell(x: -3_850_001, y: 0))
        XCTAssertNil(g.cell(x: 0, y: 5_850_000.5))
        XCTAssertNil(g.cell(x: .nan, y: 0))
        XCTAssertEqual(g.cell(x: -3_850_000, y: 5_850_000)?.row, 0)
    }
}

/// Great-circle distance in metres on a 6371 km sphere.
func distance(_ la1: Double, _ lo1: Double, _ la2: Double, _ lo2: Double) -> Double {
    let r = Double.pi / 180
    let a = sin((la2 - la1) * r / 2), b = sin((lo2 - lo1) * r / 2)
    return 2 * 6_371_000 * asin(min(1, (a * a + cos(la1 * r) * cos(la2 * r) * b * b).squareRoot()))
}
