import Foundation
import Logging
import SeaIceSimulator
import SeaIceTestSupport

/// The real base map, read once per run, and worlds over it.
enum WorldFixture {
    /// The base map from ../shared/data; throws `XCTSkip` when absent.
    static var base: ArcticBaseMap { get throws { try loaded.get() } }

    private static let loaded = Result<ArcticBaseMap, Error> { try ArcticBaseMap(dataFolder: try TestPaths.requireSharedData()) }

    /// The world of `date` for `seed`.
    static func world(_ date: String = "2021-11-15", seed: UInt64 = 3) throws -> ArcticWorld {
        try ArcticWorld(base: try base, date: try WorldDate(date), seed: seed)
    }

    /// EPSG:3413 metres of (longitude, latitude).
    static func polar(_ world: ArcticWorld, lon: Double, lat: Double) throws -> (x: Double, y: Double) {
        try world.polar(longitude: [lon], latitude: [lat])[0]
    }
}
