import Foundation
import SeaIceCore
import SeaIceNetCDF

extension ProductGlobals {
    /// The globals of `dataset` (what `encode()` wrote: decode(encode(x)) == x to the second).
    /// - Throws: `SeaIceError` naming the file when a required attribute is missing or malformed, or the
    ///   simulated marker is none of the spellings `SimulationMarkers.saysYes`/`saysNo` know.
    public init(decoding dataset: CFDataset) throws {
        func text(_ name: String) throws -> String {
            guard let t = dataset.attribute(name)?.text else {
                throw SeaIceError.missing(file: dataset.source, item: "global text attribute `\(name)`")
            }
            return t
        }
        func date(_ name: String) throws -> Date {
            let t = try text(name)
            guard let d = UTCTimestamp.date(t) else {
                throw SeaIceError.invalidInput(
                    file: dataset.source, item: "global attribute `\(name)`",
                    expected: "an ISO 8601 UTC time such as 2018-01-24T19:47:59Z, found \(t)")
            }
            return d
        }
        let marker = try text(SimulationMarkers.name)
        guard SimulationMarkers.saysYes(.text(marker)) || SimulationMarkers.saysNo(.text(marker)) else {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "global attribute `simulated`",
                expected: "true or false (or yes/no, 1/0), found \(marker)")
        }
        var coverage: DateInterval?
        if dataset.attribute("time_coverage_start") != nil {
            coverage = DateInterval(start: try date("time_coverage_start"), end: try date("time_coverage_end"))
        }
        var extra: [String: NetCDFAttribute] = [:]
        for a in dataset.attributes where !Self.reserved.contains(a.name) { extra[a.name] = a.value }
        self.init(
            title: try text("title"), summary: try text("summary"), institution: try text("institution"),
            source: try text("source"), history: try text("history"),
            references: dataset.attribute("references")?.text, id: try text("id"), keywords: try text("keywords"),
            license: try text("license"), creatorName: try text("creator_name"),
            dateCreated: try date("date_created"), bounds: try GeospatialBounds(decoding: dataset),
            timeCoverage: coverage, simulated: SimulationMarkers.saysYes(.text(marker)), extra: extra)
    }
}

extension GeospatialBounds {
    /// The bounds of `dataset`, nil when it has no `geospatial_lat_min`.
    init?(decoding dataset: CFDataset) throws {
        guard dataset.attribute("geospatial_lat_min") != nil else { return nil }
        var v: [Double] = []
        for name in ["geospatial_lat_min", "geospatial_lat_max", "geospatial_lon_min", "geospatial_lon_max"] {
            guard let x = dataset.attribute(name)?.number else {
                throw SeaIceError.missing(file: dataset.source, item: "numeric global attribute `\(name)`")
            }
            v.append(x)
        }
        guard v[0] <= v[1], v[2] <= v[3] else {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "global attributes `geospatial_*`", expected: "min ≤ max, found \(v)")
        }
        self.init(latitude: v[0]...v[1], longitude: v[2]...v[3])
    }
}
