import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIceNetCDF
import SeaIcePassiveMicrowave
@testable import SeaIceSimulator
import SeaIceTestSupport
import XCTest

/// AMSR2 and ERA5 of a simulated day, sampled from the world: the swaths read back by the project's AMSR2
/// reader with the world's truth under their footprints, NASA Team on them reads the pack, and the ERA5 file
/// carries the wind the world's SAR open water follows. SIMULATED data (emission model fitted on the REAL RRDP points).
final class WorldAMSR2ProducerTests: XCTestCase {
    func testSwathsFollowTheWorldAndERA5CarriesItsWind() throws {
        let data = try TestPaths.requireSharedData()
        let resources = try SimulatorFixture.resources
        let day = try WorldDate("2021-11-15")
        let weather = try ArcticWeather(climatology: WeatherClimatology(signatures: resources.signatures), seed: 4)
        let noon = day.start.addingTimeInterval(43_200)
        let world = try ArcticWorld(base: try ArcticBaseMap(dataFolder: data), date: day, seed: 4, wind: weather.wind(at: noon))
        var producer = WorldAMSR2Producer(weather: weather, orbits: 1, logger: Logger(label: "test"))
        producer.configuration.minimumLatitude = 79  // the polar part of the orbit only: small and quick
        producer.era5Grid.resolution = 2
        let context = SimulatedDayContext(world: world, resources: resources, fullSize: false, seed: 4, written: [])
        let dir = try TestPaths.temporaryDirectory("worldamsr2")
        let entries = try producer.write(context, to: dir)
        XCTAssertEqual(entries.map(\.kind), ["amsr2-l1r-swath", "amsr2-l1r-swath", "amsr2-daily-grid-nsidc0802", "era5-single-levels"])
        for e in entries { XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(e.path).path), e.path) }

        // The swath's truth layer is the world under each 6.9 GHz footprint, and NASA Team on the swath's
        // TBs reads the pack as pack (the first orbit's polar cap, Kara to Laptev, is all ice in mid-November;
        // NASA Team reads young ice low, as it does on real AMSR2: −8 % at SIC = 1 on the real RRDP points).
        let url = dir.appendingPathComponent(entries[0].path)
        let swath = try AMSR2Reader(url: url).swath(channels: NASATeam().requiredChannels)
        let points = swath.geolocation.points(step: 2)
        var fields: [AMSR2Reader.Channel: [Double]] = [:]
        for (c, s) in swath.channels { fields[c] = s.values }
        let nt = try NASATeam().estimate(fields: fields, source: entries[0].path)
        let truth = world.fractions(latitude: points.latitude, longitude: points.longitude,
                                    cellSize: AMSR2Footprint.f6.squareSide)
        let nc = try NetCDFFile.open(url)
        let layer = try nc.readFloats("truth_sea_ice_concentration")
        try nc.close()
        XCTAssertEqual(layer.count, truth.count)
        var pack: [Double] = [], worst = 0.0
        for (k, f) in truth.enumerated() where f.land < 0.01 {
            let c = (f.firstYear + f.multiYear) / (1 - f.land)
            worst = max(worst, abs(Double(layer[k]) - c))
            if c > 0.95, nt.concentration[k].isFinite { pack.append(nt.concentration[k]) }
        }
        XCTAssertLessThan(worst, 1e-5, "the file's truth is the world's")
        XCTAssertGreaterThan(pack.count, 2000)
        let meanPack = pack.reduce(0, +) / Double(pack.count)
        print("SIMULATED swath: NASA Team over \(pack.count) pack footprints (world concentration > 0.95): mean \(meanPack)")
        XCTAssertGreaterThan(meanPack, 0.8)
        XCTAssertLessThan(meanPack, 1.0)

        // The ERA5 file's noon wind is the world's wind (the wind its SAR open water follows).
        let era5 = try NetCDFFile.open(dir.appendingPathComponent(entries[3].path))
        defer { try? era5.close() }
        let lat = try era5.readFloats("latitude").map(Double.init), lon = try era5.readFloats("longitude").map(Double.init)
        let t = try XCTUnwrap(producer.era5Grid.hours.firstIndex(of: 12))
        XCTAssertEqual(Double(try era5.readFloats("valid_time")[t]), noon.timeIntervalSince1970, accuracy: 200)
        let u = try era5.readFloats("u10"), v = try era5.readFloats("v10")
        for (i, j) in [(2, 10), (6, 90), (10, 170)] {
            let k = (t * lat.count + i) * lon.count + j
            let w = world.wind(lat[i], lon[j])
            XCTAssertEqual(Double(u[k]), w.u, accuracy: 1e-3 * max(1, abs(w.u)), "u10 at \(lat[i]) \(lon[j])")
            XCTAssertEqual(Double(v[k]), w.v, accuracy: 1e-3 * max(1, abs(w.v)), "v10 at \(lat[i]) \(lon[j])")
        }
    }

}
