import Foundation
import SeaIceGDAL

/// A PROJ transformation EPSG:4326 ↔ EPSG:3413 shared by threads (PROJ objects are not thread-safe: a lock).
final class LockedTransform: @unchecked Sendable {
    private let forward: CoordinateTransform, inverse: CoordinateTransform
    private let lock = NSLock()

    /// The transformation, built once per process and shared (each batch call holds the lock once).
    static func shared() throws -> LockedTransform { try cached.get() }
    private static let cached = Result<LockedTransform, Error> { try LockedTransform() }

    init() throws {
        let polar = try SpatialReference(epsg: 3413), geographic = SpatialReference.wgs84()
        forward = try CoordinateTransform(from: geographic, to: polar)
        inverse = try CoordinateTransform(from: polar, to: geographic)
    }

    /// EPSG:3413 metres of many points.
    func toPolar(longitude: [Double], latitude: [Double]) throws -> [(x: Double, y: Double)] {
        var x = longitude, y = latitude
        lock.lock(); defer { lock.unlock() }
        try forward.transform(x: &x, y: &y)
        return zip(x, y).map { ($0, $1) }
    }

    /// EPSG:3413 metres of many points, NaN where PROJ cannot transform them (the whole batch NaN if PROJ fails).
    func toPolarOrNaN(longitude: [Double], latitude: [Double]) -> [(x: Double, y: Double)] {
        (try? toPolar(longitude: longitude, latitude: latitude))
            ?? [(x: Double, y: Double)](repeating: (.nan, .nan), count: longitude.count)
    }

    /// EPSG:3413 metres of one point (NaN when PROJ cannot transform it).
    func toPolar(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        (try? toPolar(longitude: [longitude], latitude: [latitude]).first) ?? (.nan, .nan)
    }

    /// Longitude and latitude of EPSG:3413 points, in place (x → longitude, y → latitude).
    func toGeographic(x: inout [Double], y: inout [Double]) throws {
        lock.lock(); defer { lock.unlock() }
        try inverse.transform(x: &x, y: &y)
    }
}
