import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIceTestSupport
import XCTest

/// AMSR2: JAXA dataset names through netCDF-C, SCALE FACTOR, low-frequency geolocation at every other 89A point,
/// Gaussian resampling, errors naming the dataset.
final class AMSR2ReaderTests: XCTestCase {
    let logger = Logger(label: "test")
    let scans = 6, width89 = 8

    /// 89A points at latitude 70 + 0.1·scan, longitude 0.2·pixel.
    func geolocation() -> (lat: [Float], lon: [Float]) {
        var lat: [Float] = [], lon: [Float] = []
        for s in 0..<scans { for p in 0..<width89 { lat.append(70 + 0.1 * Float(s)); lon.append(0.2 * Float(p)) } }
        return (lat, lon)
    }

    /// Low-frequency channels: 150 + 10·pixel + scan + channel index (K); 89 GHz: 200 + pixel.
    func tb(_ c: AMSR2Reader.Channel, _ s: Int, _ p: Int) -> Double {
        c.frequency == "89.0" ? 200 + Double(p) : 150 + 10 * Double(p) + Double(s) + Double(AMSR2Reader.channels.firstIndex(of: c)!)
    }

    func file(l1b: Bool = false, scaleAttribute: Bool = true, skip: Set<String> = []) throws -> URL {
        let url = try TestPaths.temporaryDirectory("amsr2").appendingPathComponent("GW1AM2_L1R.h5")
        let g = geolocation()
        try AuxiliaryFixtures.writeAMSR2(url, latitude: g.lat, longitude: g.lon, scans: scans, width89: width89, l1b: l1b,
                                         scaleAttribute: scaleAttribute, skip: skip, tb: tb)
        return url
    }

    /// A 1 km radius: only a footprint exactly at the cell centre contributes.
    func narrow() -> AMSR2Configuration {
        var c = AMSR2Configuration()
        c.radiusKm = 1; c.sigmaKm = 1
        return c
    }

    func values(_ url: URL, _ lat: Double, _ lon: Double) throws -> [String: Double] {
        let f = try AMSR2Reader(url: url, configuration: narrow()).fields(on: AuxiliaryFixtures.point(lat, lon), logger: logger)
        XCTAssertEqual(f.map(\.name), AMSR2Reader.channels.map(\.name))
        XCTAssert(f.allSatisfy { $0.units == "K" })
        return Dictionary(uniqueKeysWithValues: f.map { ($0.name, $0.values[0]) })
    }

    func testL1RLowFrequencyChannelsSitAtTheOddNumbered89APoints() throws {
        let url = try file()
        // 89A point (scan 2, pixel 4) = low-frequency pixel 2: 150 + 20 + 2 + channel index.
        let v = try values(url, 70.2, 0.8)
        XCTAssertEqual(v["btemp_6_9h"]!, 172, accuracy: 1e-9)
        XCTAssertEqual(v["btemp_36_5v"]!, 172 + 11, accuracy: 1e-9)
        XCTAssertEqual(v["btemp_89_0v"]!, 200 + 2, accuracy: 1e-9)  // L1R res06 89 GHz is on the low-frequency points too
        // 89A pixel 3 (second cell, 0.6° E) is not a low-frequency observation point: nothing within 1 km.
        let two = AuxiliaryGrid(lines: 1, samples: 2) { y, x in (70.2 - 0.01 * y, 0.8 - 0.2 * x) }
        let f = try AMSR2Reader(url: url, configuration: narrow()).fields(on: two, logger: logger)
        XCTAssert(f.allSatisfy { !$0.values[0].isNaN && $0.values[1].isNaN })
    }

    func testL1BNamesAndFullResolution89GHz() throws {
        let url = try file(l1b: true)
        let v = try values(url, 70.2, 0.6)
        XCTAssertEqual(v["btemp_89_0h"]!, 203, accuracy: 1e-9)
        XCTAssert(v["btemp_18_7h"]!.isNaN)
        XCTAssertEqual(try values(url, 70.2, 0.8)["btemp_18_7h"]!, 172 + 6, accuracy: 1e-9)
    }

    func testGaussianWeightsWithinTheRadius() {
        let Δ = 10 / SwathResampler.earthRadiusKm * 180 / .pi  // 10 km along a meridian, degrees
        let r = SwathResampler(grid: AuxiliaryFixtures.point(70, 0), latitude: [70, 70 + Δ, 70 + 3 * Δ, 80], longitude: [0, 0, 0, 0],
                               radiusKm: 20, sigmaKm: 10)
        let w = exp(-0.5)  // d = 10 km = σ; the 30 km and far footprints are outside the radius
        XCTAssertEqual(r.resample([200, 250, 300, 999])[0], (200 + 250 * w) / (1 + w), accuracy: 1e-6)
        XCTAssertEqual(r.resample([.nan, 250, 300, 999])[0], 250, accuracy: 1e-9)
        XCTAssert(r.resample([.nan, .nan, 300, 999])[0].isNaN)
    }

    func testMissingScaleFactorIsNamed() throws {
        let url = try file(scaleAttribute: false)
        XCTAssertThrowsError(try values(url, 70.2, 0.8)) { error in
            XCTAssertEqual(error as? SeaIceError, .missing(file: url.path, item: "attribute `SCALE FACTOR` of dataset `Brightness Temperature (res06,6.9GHz,H)`"))
        }
    }

    func testMissingChannelIsNamed() throws {
        let url = try file(skip: ["btemp_36_5v"])
        XCTAssertThrowsError(try values(url, 70.2, 0.8)) { error in
            let text = "\(error)"
            XCTAssert(text.contains(url.path) && text.contains("Brightness Temperature (res06,36.5GHz,V)"), text)
        }
    }

    func testSwathAwayFromTheSceneIsRefused() throws {
        let url = try file()
        XCTAssertThrowsError(try values(url, 60, 50)) { error in
            let text = "\(error)"
            XCTAssert(text.contains(url.path) && text.contains("does not cover the scene"), text)
        }
    }
}
