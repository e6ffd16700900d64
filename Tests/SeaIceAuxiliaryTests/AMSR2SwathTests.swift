import Foundation
import SeaIceAuxiliary
import SeaIceTestSupport
import XCTest

/// Raw AMSR2 swath samples for gridding: geolocation per step, values in K, every missing channel listed.
final class AMSR2SwathTests: XCTestCase {
    let scans = 4, width89 = 6

    func file(skip: Set<String> = []) throws -> URL {
        let url = try TestPaths.temporaryDirectory("amsr2swath").appendingPathComponent("GW1AM2_L1R.h5")
        var lat: [Float] = [], lon: [Float] = []
        for s in 0..<scans { for p in 0..<width89 { lat.append(80 + Float(s)); lon.append(Float(p)) } }
        try AuxiliaryFixtures.writeAMSR2(url, latitude: lat, longitude: lon, scans: scans, width89: width89, skip: skip) { c, s, p in
            c.frequency == "89.0" ? .nan : 100 + Double(10 * s + p)
        }
        return url
    }

    func testSamplesAndGeolocation() throws {
        let c = AMSR2Reader.channels.first { $0.frequency == "18.7" && $0.polarisation == "V" }!
        let swath = try AMSR2Reader(url: file()).swath(channels: [c])
        let samples = try XCTUnwrap(swath.channels[c])
        XCTAssertEqual(samples.step, 2)
        XCTAssertEqual(samples.values, (0..<scans).flatMap { s in (0..<(width89 / 2)).map { 100 + Double(10 * s + $0) } })
        let p = swath.geolocation.points(step: 2)
        XCTAssertEqual(p.latitude.count, scans * width89 / 2)
        XCTAssertEqual(p.longitude[1], 2)
    }

    func testEveryMissingChannelIsListed() throws {
        let url = try file(skip: ["btemp_18_7v", "btemp_36_5v"])
        XCTAssertThrowsError(try AMSR2Reader(url: url).swath()) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("18.7 GHz V") && text.contains("36.5 GHz V") && text.contains(url.path), text)
        }
    }
}
