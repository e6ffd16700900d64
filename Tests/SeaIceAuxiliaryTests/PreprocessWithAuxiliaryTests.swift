import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceAuxiliary
import SeaIceCore
import SeaIceLand
import SeaIceNetCDF
import SeaIceSentinel1
import SeaIceTestSupport
import XCTest

/// `seaice preprocess --amsr2 --era5` end to end on the small synthetic product (1000 m pixels, 2 km cells of
/// 2 × 2 pixels): the scene holds every 2 km variable, says so, and opens with the AI4Arctic reader.
/// The AMSR2 and ERA5 files are simulated fixtures (their values test the plumbing, not physics).
final class PreprocessWithAuxiliaryTests: XCTestCase {
    static let template = TestPaths.sharedData("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")

    func testPreprocessWithAMSR2AndERA5WritesThe2kmVariables() throws {
        try TestPaths.requireSharedData(at: Self.template)
        let dir = try TestPaths.temporaryDirectory("aux-e2e")
        var builder = SyntheticProduct(template: Self.template)
        builder.reduction = 25
        let product = try builder.writeFolder(in: dir)
        var configuration = PreprocessConfiguration()
        configuration.pixelSize = 1000
        configuration.noise = .esa
        let land = LandLookup(distanceFile: try TestPaths.requireSharedData(
            "landmask/landmetrics/distance_to_land_0.1deg_gt0km2.nc"),
                              maskFile: try TestPaths.requireSharedData("landmask/global-land-mask/globe_land_1km.tif"))
        var preprocessor = Sentinel1Preprocessor(configuration: configuration, coefficients: nil, land: land)
        let logger = Logger(label: "test")
        // Geometry of the scene (to place the fixtures over it).
        let plain = try preprocessor.run(product, logger: logger)
        let grid = try AuxiliaryInputs.grid(for: plain)
        XCTAssertEqual(AuxiliaryInputs.pixelsPerCell(pixelSpacing: plain.pixelSpacing), 2)
        XCTAssertEqual([grid.lines, grid.samples], [(plain.height + 1) / 2, (plain.width + 1) / 2])
        // A cell centre is the centre of its 2 × 2 pixels (bilinear geolocation: their mean), e.g. cell (3, 5); the
        // 2 km grid uses the written 21 × 21 tie points, the pixels the annotation's own grid: tens of metres apart.
        let corners = [(6, 10), (6, 11), (7, 10), (7, 11)].map { $0.0 * plain.width + $0.1 }
        let cell = 3 * grid.samples + 5
        XCTAssertEqual(grid.latitude[cell], corners.map { Double(plain.latitude[$0]) }.reduce(0, +) / 4, accuracy: 1e-4)
        XCTAssertEqual(grid.longitude[cell], corners.map { Double(plain.longitude[$0]) }.reduce(0, +) / 4, accuracy: 1e-3)
        let latMin = grid.latitude.min()!, latMax = grid.latitude.max()!
        let lonMin = grid.longitude.min()!, lonMax = grid.longitude.max()!
        XCTAssert(lonMax - lonMin < 90, "fixture assumes the scene does not cross the antimeridian")

        // ERA5: 0.25° grid, latitude descending, longitude in 0..360; t2m = 260 + 0.5·(column index) (packed),
        // u10 = 5, v10 = 0 at 02:00 (nearest to the 01:44 acquisition), other values at 00:00 and 04:00.
        let era5 = dir.appendingPathComponent("era5.nc")
        let lats = stride(from: (latMax + 1).rounded(.up), through: (latMin - 1).rounded(.down), by: -0.25).map { $0 }
        let lon0 = (lonMin - 1).rounded(.down)
        let lons = stride(from: lon0, through: lonMax + 1, by: 0.25).map { $0 < 0 ? $0 + 360 : $0 }
        XCTAssert(zip(lons.dropFirst(), lons).allSatisfy { $0 > $1 }, "fixture longitudes must not cross 0°")
        let day = CFTime.parseDate("2022-11-30")!
        try AuxiliaryFixtures.writeERA5(era5, times: [0, 2, 4].map { day.addingTimeInterval(Double($0) * 3600) },
                                        latitudes: lats, longitudes: lons) { name, t, _, j in
            switch name {
            case "t2m": return t == 1 ? 260 + 0.5 * Double(j % 20) : 300
            case "u10": return t == 1 ? 5 : 0
            case "v10": return 0
            default: return 1
            }
        }
        // AMSR2: a regular 89A mesh (~5 km) over the scene; every channel constant (150 K + channel index).
        let amsr2 = dir.appendingPathComponent("amsr2.h5")
        let scans = 120, width = 160
        var lat: [Float] = [], lon: [Float] = []
        for s in 0..<scans {
            for p in 0..<width {
                lat.append(Float(latMin - 0.5 + (latMax - latMin + 1) * Double(s) / Double(scans - 1)))
                lon.append(Float(lonMin - 2 + (lonMax - lonMin + 4) * Double(p) / Double(width - 1)))
            }
        }
        try AuxiliaryFixtures.writeAMSR2(amsr2, latitude: lat, longitude: lon, scans: scans, width89: width) { c, _, _ in
            150 + Double(AMSR2Reader.channels.firstIndex(of: c)!)
        }

        preprocessor.auxiliary = AuxiliaryInputs(amsr2: amsr2, era5: era5)
        let scene = try preprocessor.run(product, logger: logger)
        let out = dir.appendingPathComponent("scene.nc")
        try AI4ArcticSceneWriter.write(scene, to: out)

        let file = try AI4ArcticFile.open(out)
        XCTAssertEqual(file.absentInputs, [])
        let names = AMSR2Reader.channels.map(\.name) + ERA5Reader.variables.map(\.name)
        XCTAssertNoThrow(try file.requireVariables([AI4ArcticSchema.Name.sarPrimary] + names))
        let nc = file.netCDF
        XCTAssertEqual(try nc.attribute("amsr2_available")?.text, "yes")
        XCTAssertEqual(try nc.attribute("era5_available")?.text, "yes")
        XCTAssertEqual(try nc.attribute("era5_time")?.text, "2022-11-30T02:00:00Z")
        let cells = grid.count
        for (k, name) in AMSR2Reader.channels.map(\.name).enumerated() {
            let v = try nc.variable(name)
            XCTAssertEqual(v.type, .double)
            XCTAssertEqual(v.dimensions, ["2km_grid_lines", "2km_grid_samples"])
            XCTAssertEqual(v.shape, [grid.lines, grid.samples])
            let values = try nc.read(name, as: Double.self)
            XCTAssertEqual(values.count, cells)
            XCTAssert(values.allSatisfy { abs($0 - 150 - Double(k)) < 1e-9 }, "\(name): \(values.prefix(3))")
        }
        let t2m = try nc.read("t2m", as: Double.self)
        XCTAssert(t2m.allSatisfy { $0 >= 260 && $0 <= 269.5 }, "t2m from the 02:00 step: \(t2m.prefix(3))")
        // |wind| is kept by the rotation; its split between the image axes follows the scene's orientation.
        let u = try nc.read("u10m_rotated", as: Double.self), v = try nc.read("v10m_rotated", as: Double.self)
        for k in stride(from: 0, to: cells, by: 97) { XCTAssertEqual((u[k] * u[k] + v[k] * v[k]).squareRoot(), 5, accuracy: 1e-9) }
        XCTAssertEqual(try nc.read("tclw", as: Double.self).first!, 1, accuracy: 1e-9)
        try file.close()
    }
}
