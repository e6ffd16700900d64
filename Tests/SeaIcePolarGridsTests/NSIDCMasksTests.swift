import Foundation
import SeaIceTestSupport
import XCTest

@testable import SeaIcePolarGrids

/// The NSIDC land and pole-hole masks, read in place and carried to finer grids.
final class NSIDCMasksTests: XCTestCase {
    func testMasksAt25kmAndRefined() throws {
        let folder = try TestPaths.requireSharedData("nsidc-polarstereo/masks")
        let m25 = try NSIDCMasks(grid: PolarStereographicGrid(resolution: .km25), folder: folder, poleHole: .ssmi)
        XCTAssertEqual(m25.land.filter { $0 }.count, 68_264)
        XCTAssertEqual(m25.poleHole.filter { $0 }.count, 468)
        let smmr = try NSIDCMasks(grid: PolarStereographicGrid(resolution: .km25), folder: folder, poleHole: .smmr)
        XCTAssertEqual(smmr.poleHole.filter { $0 }.count, 468 + 1_331)
        let fine = try NSIDCMasks(grid: PolarStereographicGrid(resolution: .km6_25), folder: folder, poleHole: .ssmi)
        XCTAssertEqual(fine.land.filter { $0 }.count, 68_264 * 16)
        XCTAssertEqual(fine.poleHole.filter { $0 }.count, 468 * 16)
        // Greenland's ice sheet (75° N, 40° W) is land, the pole is ocean inside the hole.
        let g = PolarStereographicGrid(resolution: .km25)
        let p = try g.project(latitude: [75, 89.9], longitude: [-40, 0])
        let greenland = try XCTUnwrap(g.cell(x: p.x[0], y: p.y[0])), pole = try XCTUnwrap(g.cell(x: p.x[1], y: p.y[1]))
        XCTAssertTrue(m25.land[greenland.row * 304 + greenland.column])
        XCTAssertFalse(m25.land[pole.row * 304 + pole.column])
        XCTAssertTrue(m25.poleHole[pole.row * 304 + pole.column])
    }

    func testWrongSizeIsRefused() throws {
        let dir = try TestPaths.temporaryDirectory("masks")
        let bad = dir.appendingPathComponent("gsfc_25n.msk")
        try Data(repeating: 0, count: 100).write(to: bad)
        try Data(repeating: 0, count: 448 * 304).write(to: dir.appendingPathComponent("pole_n.msk"))
        XCTAssertThrowsError(try NSIDCMasks(grid: PolarStereographicGrid(resolution: .km25), folder: dir, poleHole: .none)) { e in
            XCTAssertTrue("\(e)".contains("136192 bytes"), "\(e)")
        }
    }
}
