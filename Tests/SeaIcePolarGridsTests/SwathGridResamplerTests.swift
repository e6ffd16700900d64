import Foundation
import SeaIceAuxiliary
import SeaIceTestSupport
import XCTest

@testable import SeaIcePolarGrids

/// Gridding conserves a constant field and puts a sample into its NSIDC cell.
final class SwathGridResamplerTests: XCTestCase {
    /// A small synthetic day (2 granules × 200 scans × 60 samples) over the north.
    let day = SyntheticSwathDay(granules: 2, scans: 200, samplesPerScan: 60)

    func testConstantFieldIsConservedByEveryMethod() throws {
        let (lat, lon) = day.geolocation()
        let grid = PolarStereographicGrid(resolution: .km25)
        for method in GridResamplingConfiguration.Method.allCases {
            let config = GridResamplingConfiguration(method: method, radiusOfInfluence: 40_000, sigma: 20_000, neighbours: 8)
            let r = try SwathGridResampler(grid: grid, latitude: lat, longitude: lon, configuration: config, threads: 2)
            let out = r.resample([Float](repeating: 231.5, count: lat.count), threads: 2)
            let covered = out.filter { !$0.isNaN }
            XCTAssertGreaterThan(covered.count, 1_000, "\(method)")
            XCTAssertTrue(covered.allSatisfy { abs($0 - 231.5) < 1e-3 }, "\(method)")
            XCTAssertEqual(zip(out, r.reach).filter { $0.0.isNaN == $0.1 }.count, 0, "\(method): reach = covered")
        }
    }

    func testInvalidSamplesAreSkippedNotAveraged() throws {
        let (lat, lon) = day.geolocation()
        let grid = PolarStereographicGrid(resolution: .km25)
        let r = try SwathGridResampler(grid: grid, latitude: lat, longitude: lon,
                                       configuration: GridResamplingConfiguration(method: .gaussian, radiusOfInfluence: 40_000, sigma: 20_000))
        var values = [Float](repeating: 200, count: lat.count)
        for i in stride(from: 0, to: values.count, by: 3) { values[i] = .nan }
        XCTAssertTrue(r.resample(values).allSatisfy { $0.isNaN || abs($0 - 200) < 1e-3 })
        XCTAssertTrue(r.resample([Float](repeating: .nan, count: lat.count)).allSatisfy(\.isNaN))
    }

    /// One sample at NSIDC's centre of cell (120, 160) (`psn25lats_v3.dat`): bucket fills exactly that cell;
    /// nearest with a 12 km radius too (the neighbours' centres are 25 km away).
    func testSampleLandsInItsNSIDCCell() throws {
        let nsidc = try PolarStereographicGridTests.nsidc25()
        let (row, column) = (120, 160)
        let grid = PolarStereographicGrid(resolution: .km25)
        for method in [GridResamplingConfiguration.Method.bucket, .nearest] {
            let r = try SwathGridResampler(grid: grid, latitude: [nsidc.lat[row * 304 + column]], longitude: [nsidc.lon[row * 304 + column]],
                                           configuration: GridResamplingConfiguration(method: method, radiusOfInfluence: 12_000))
            let out = r.resample([250])
            XCTAssertEqual(out.indices.filter { !out[$0].isNaN }, [row * 304 + column], "\(method)")
        }
    }

    func testSwathOutsideTheGridReachesNothing() throws {
        let lat = [Double](repeating: -60, count: 50), lon = (0..<50).map { Double($0) }
        let r = try SwathGridResampler(grid: PolarStereographicGrid(resolution: .km25), latitude: lat, longitude: lon,
                                       configuration: GridResamplingConfiguration())
        XCTAssertEqual(r.samplesOnGrid, 0)
        XCTAssertFalse(r.reach.contains(true))
    }

    func testConfigurationIsValidated() {
        XCTAssertThrowsError(try GridResamplingConfiguration(method: .gaussian, radiusOfInfluence: -1).validate())
        XCTAssertThrowsError(try GridResamplingConfiguration(method: .gaussian, sigma: .nan).validate())
        XCTAssertThrowsError(try GridResamplingConfiguration(method: .gaussian, neighbours: 0).validate())
    }
}
