import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIceTestSupport
import XCTest

/// ERA5: packed shorts unpacked, descending latitude, longitude wrap, nearest time, wind rotation, clear errors.
final class ERA5ReaderTests: XCTestCase {
    let logger = Logger(label: "test")
    let day = CFTime.parseDate("2022-11-30")!
    let latitudes = [80.0, 70, 60], longitudes = [0.0, 90, 180, 270]

    /// Unpacked fixture values: t2m = 250 + 10·t + 2·i + 0.5·j (i latitude row, j longitude column, t time index),
    /// skt = t2m − 10, tcwv = 5 + j, u10 = 3, v10 = 4 (m/s, at t = 0), tclw = 0.5 except a fill at (t 0, i 0, j 0).
    func value(_ name: String, _ t: Int, _ i: Int, _ j: Int) -> Double {
        switch name {
        case "t2m": return 250 + 10 * Double(t) + 2 * Double(i) + 0.5 * Double(j)
        case "skt": return 240 + 10 * Double(t) + 2 * Double(i) + 0.5 * Double(j)
        case "tcwv": return 5 + Double(j)
        case "u10": return t == 0 ? 3 : -1
        case "v10": return t == 0 ? 4 : -1
        default: return t == 0 && i == 0 && j == 0 ? .nan : 0.5
        }
    }

    func file(newCDS: Bool = true, skip: Set<String> = []) throws -> URL {
        let url = try TestPaths.temporaryDirectory("era5").appendingPathComponent("era5.nc")
        try AuxiliaryFixtures.writeERA5(url, times: [0, 6, 12].map { day.addingTimeInterval($0 * 3600) },
                                        latitudes: latitudes, longitudes: longitudes, newCDS: newCDS, skip: skip, value: value)
        return url
    }

    func fields(_ url: URL, _ grid: AuxiliaryGrid, hour: Double = 1.7) throws -> [String: Double] {
        let r = try ERA5Reader(url: url).fields(on: grid, time: day.addingTimeInterval(hour * 3600), logger: logger)
        return Dictionary(uniqueKeysWithValues: r.fields.map { ($0.name, $0.values[0]) })
    }

    func testBilinearValuesOfUnpackedFieldsOnADescendingLatitudeAxis() throws {
        // (75° N, 45° E): halfway between rows 80/70 (i = 0.5) and columns 0/90 (j = 0.5): 250 + 1 + 0.25.
        let f = try fields(try file(), AuxiliaryFixtures.point(75, 45))
        XCTAssertEqual(f["t2m"]!, 251.25, accuracy: 1e-9)
        XCTAssertEqual(f["skt"]!, 241.25, accuracy: 1e-9)
        XCTAssertEqual(f["tcwv"]!, 5.5, accuracy: 1e-9)
        XCTAssert(f["tclw"]!.isNaN, "a corner with _FillValue gives NaN, got \(f["tclw"]!)")
    }

    func testLongitudeWrapsBetweenTheLastAndFirstColumnOfAGlobalGrid() throws {
        // (65° N, −45° E = 315°): rows 70/60 (i = 1.5), columns 270 and 0 (j = 3 and 0, half each): 250 + 3 + 0.75.
        let f = try fields(try file(), AuxiliaryFixtures.point(65, -45))
        XCTAssertEqual(f["t2m"]!, 253.75, accuracy: 1e-9)
        XCTAssertEqual(f["tclw"]!, 0.5, accuracy: 1e-9)
    }

    func testNearestTimeStepIsUsed() throws {
        let url = try file()
        XCTAssertEqual(try fields(url, AuxiliaryFixtures.point(75, 45), hour: 2.9)["t2m"]!, 251.25, accuracy: 1e-9)
        XCTAssertEqual(try fields(url, AuxiliaryFixtures.point(75, 45), hour: 3.1)["t2m"]!, 261.25, accuracy: 1e-9)
        XCTAssertEqual(try fields(url, AuxiliaryFixtures.point(75, 45), hour: 14.5)["t2m"]!, 271.25, accuracy: 1e-9)
    }

    func testOldCDSTimeAxisInHoursSince1900() throws {
        XCTAssertEqual(try fields(try file(newCDS: false), AuxiliaryFixtures.point(75, 45), hour: 5)["t2m"]!, 261.25, accuracy: 1e-9)
    }

    func testWindIsRotatedOntoTheImageAxes() throws {
        // The fixture grid's samples run west and its lines south: (u, v) = (3 east, 4 north) → (−3, −4).
        let f = try fields(try file(), AuxiliaryFixtures.point(75, 45))
        XCTAssertEqual(f["u10m_rotated"]!, -3, accuracy: 1e-3)
        XCTAssertEqual(f["v10m_rotated"]!, -4, accuracy: 1e-3)
    }

    func testRotationOnAGridTurned30DegreesFromEast() {
        // Samples along bearing 60° (30° north of east), lines 90° clockwise from it; at the equator degrees are square.
        let θ = 30.0 * .pi / 180
        let grid = AuxiliaryGrid(lines: 2, samples: 3) { y, x in
            (0.01 * (x * sin(θ) - y * cos(θ)), 0.01 * (x * cos(θ) + y * sin(θ)))
        }
        let r = grid.rotate(east: [Double](repeating: 1, count: 6), north: [Double](repeating: 0, count: 6))
        for k in 0..<6 {
            XCTAssertEqual(r.u[k], cos(θ), accuracy: 1e-6)
            XCTAssertEqual(r.v[k], sin(θ), accuracy: 1e-6)
        }
        let n = grid.rotate(east: [Double](repeating: 0, count: 6), north: [Double](repeating: 2, count: 6))
        XCTAssertEqual(n.u[0], 2 * sin(θ), accuracy: 1e-6)
        XCTAssertEqual(n.v[0], -2 * cos(θ), accuracy: 1e-6)
    }

    func testSkewedImageAxesStillGiveARotation() {
        // Samples due east, lines 5° off due south (GRD skew): v is the component towards south, |wind| kept.
        let skew = 5.0 * .pi / 180
        let grid = AuxiliaryGrid(lines: 1, samples: 1) { y, x in (0.01 * (-y * cos(skew)), 0.01 * (x + y * sin(skew))) }
        let r = grid.rotate(east: [1], north: [2])
        XCTAssertEqual(r.u[0], 1, accuracy: 1e-6)
        XCTAssertEqual(r.v[0], -2, accuracy: 1e-6)
    }

    func testSceneTimeOutsideTheFileIsRefused() throws {
        let url = try file()
        XCTAssertThrowsError(try fields(url, AuxiliaryFixtures.point(75, 45), hour: 30)) { error in
            let text = "\(error)"
            XCTAssert(text.contains(url.path) && text.contains("`valid_time`") && text.contains("scene time"), text)
        }
    }

    func testMissingVariableIsNamed() throws {
        let url = try file(skip: ["tclw"])
        XCTAssertThrowsError(try fields(url, AuxiliaryFixtures.point(75, 45))) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: url.path, item: "variable `tclw`"))
        }
    }

    func testSceneOutsideARegionalFileIsRefused() throws {
        let url = try TestPaths.temporaryDirectory("era5").appendingPathComponent("regional.nc")
        try AuxiliaryFixtures.writeERA5(url, times: [day], latitudes: [80, 79], longitudes: [10, 11], value: value)
        XCTAssertNoThrow(try fields(url, AuxiliaryFixtures.point(79.5, 10.5), hour: 0.2))
        XCTAssertThrowsError(try fields(url, AuxiliaryFixtures.point(79.5, 12), hour: 0.2)) { error in
            let text = "\(error)"
            XCTAssert(text.contains(url.path) && text.contains("inside the file's area"), text)
        }
    }

    func testRegionalGridInZeroTo360Longitudes() throws {
        let g = try LatLonInterpolator(latitudes: [61, 60], longitudes: [340, 350], file: "f")
        let s = try XCTUnwrap(g.stencil(latitude: 60.25, longitude: -12.5))
        // Row 60° (values 100, 110) weighs 0.75, row 61° 0.25; −12.5° = 347.5°: column 350 weighs 0.75.
        XCTAssertEqual(LatLonInterpolator.apply(s, to: [0, 10, 100, 110]), 0.75 * 107.5 + 0.25 * 7.5, accuracy: 1e-9)
        XCTAssertNil(g.stencil(latitude: 60.5, longitude: 0))
        XCTAssertNil(g.stencil(latitude: 59, longitude: 345))
    }

    func testAcquisitionTimeIsTheMiddleOfStartAndStopInTheProductName() throws {
        let t = try CFTime.sentinel1AcquisitionTime("S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15")
        XCTAssertEqual(t, CFTime.parseDate("2022-11-30 01:44:14"))
        XCTAssertThrowsError(try CFTime.sentinel1AcquisitionTime("scene"))
    }
}
