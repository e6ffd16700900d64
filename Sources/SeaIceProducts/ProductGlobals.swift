import Foundation
import SeaIceCore
import SeaIceNetCDF

/// The global attributes of a product: CF `Conventions`, `title`, `institution`, `source`,
/// `history`, `references`; the ACDD-1.3 discovery attributes (`summary`, `id`, `keywords`,
/// `license`, `creator_name`, `date_created`, `geospatial_lat/lon_min/max`, `time_coverage_start/end`);
/// the simulated marker and any system-specific extras.
///
/// Simulated products say so twice: `simulated = "true"` (the one spelling every writer uses) and a
/// `comment` that starts "SIMULATED INPUT" (DESIGN.md, "Simulated scenes"); real ones carry
/// `simulated = "false"` and no comment. Reading accepts the old spellings (`yes`/`no`, `1`/`0`, any case)
/// through SeaIceNetCDF's `SimulationMarkers`.
public struct ProductGlobals: Sendable, Equatable {
    /// The conventions every product declares: CF 1.10 (unsigned bytes are legal from CF 1.9) and ACDD 1.3,
    /// comma-separated as ACDD writes it (CF allows blanks or commas; the IOOS ACDD check needs commas).
    public static let conventions = "CF-1.10, ACDD-1.3"
    /// The standard-name table the names were checked against (the one compliance-checker 6.1 bundles).
    public static let standardNameVocabulary = "CF Standard Name Table v93"
    /// The comment of simulated products.
    public static let simulatedComment =
        "SIMULATED INPUT: made from SeaIceKit's scene simulator, not from real satellite data."
    /// The default licence: the products derive from Copernicus Sentinel data (free and open licence).
    public static let defaultLicense =
        "Free and open: contains modified Copernicus Sentinel data (Copernicus Sentinel data terms of use)"

    /// CF title.
    public var title: String
    /// ACDD summary: a paragraph saying what the file holds.
    public var summary: String
    /// CF institution.
    public var institution: String
    /// CF source: the model and its inputs.
    public var source: String
    /// CF history: when and by which command the file was made.
    public var history: String
    /// CF references, nil for none.
    public var references: String?
    /// ACDD id: the product's identifier (e.g. the scene id and product kind).
    public var id: String
    /// ACDD keywords, comma-separated.
    public var keywords: String
    /// ACDD license.
    public var license: String
    /// ACDD creator_name.
    public var creatorName: String
    /// ACDD date_created (UTC, written ISO 8601 to the second).
    public var dateCreated: Date
    /// ACDD geospatial bounds, nil when the grid is not located.
    public var bounds: GeospatialBounds?
    /// ACDD time coverage (the acquisition interval), nil when unknown.
    public var timeCoverage: DateInterval?
    /// Whether any input was simulated.
    public var simulated: Bool
    /// Further attributes (e.g. `scene_id`, `pixel_spacing`), by name; written sorted by name.
    public var extra: [String: NetCDFAttribute]

    /// Global attributes.
    public init(
        title: String, summary: String, institution: String = "SeaIceKit", source: String, history: String,
        references: String? = nil, id: String, keywords: String = "sea ice, Arctic, Sentinel-1, SAR",
        license: String = ProductGlobals.defaultLicense, creatorName: String = "SeaIceKit", dateCreated: Date,
        bounds: GeospatialBounds? = nil, timeCoverage: DateInterval? = nil, simulated: Bool,
        extra: [String: NetCDFAttribute] = [:]
    ) {
        self.title = title
        self.summary = summary
        self.institution = institution
        self.source = source
        self.history = history
        self.references = references
        self.id = id
        self.keywords = keywords
        self.license = license
        self.creatorName = creatorName
        self.dateCreated = dateCreated
        self.bounds = bounds
        self.timeCoverage = timeCoverage
        self.simulated = simulated
        self.extra = extra
    }

    static let reserved: Set<String> = Set([
        "Conventions", "title", "summary", "institution", "source", "history", "references", "id", "keywords",
        "license", "creator_name", "date_created", "standard_name_vocabulary", "simulated", "comment",
    ]).union(GeospatialBounds.names).union(["time_coverage_start", "time_coverage_end"])

    /// ISO 8601 to the second, UTC (`2018-01-24T19:47:59Z`).
    static func iso(_ date: Date) -> String { UTCTimestamp.string(date) }

    /// The attributes in writing order.
    public func encode() -> [CFAttribute] {
        precondition(
            Self.reserved.isDisjoint(with: extra.keys), "extra global attributes \(extra.keys) reuse reserved names")
        var out = [
            CFAttribute("Conventions", .text(Self.conventions)), CFAttribute("title", .text(title)),
            CFAttribute("summary", .text(summary)), CFAttribute("institution", .text(institution)),
            CFAttribute("source", .text(source)), CFAttribute("history", .text(history)),
        ]
        if let references { out.append(CFAttribute("references", .text(references))) }
        out += [
            CFAttribute("id", .text(id)), CFAttribute("keywords", .text(keywords)),
            CFAttribute("license", .text(license)), CFAttribute("creator_name", .text(creatorName)),
            CFAttribute("date_created", .text(Self.iso(dateCreated))),
            CFAttribute("standard_name_vocabulary", .text(Self.standardNameVocabulary)),
        ]
        if let bounds { out += bounds.attributes }
        if let t = timeCoverage {
            out += [
                CFAttribute("time_coverage_start", .text(Self.iso(t.start))),
                CFAttribute("time_coverage_end", .text(Self.iso(t.end))),
            ]
        }
        out += extra.sorted { $0.key < $1.key }.map { CFAttribute($0.key, $0.value) }
        out.append(CFAttribute(SimulationMarkers.name, .text(SimulationMarkers.text(simulated))))
        if simulated { out.append(CFAttribute("comment", .text(Self.simulatedComment))) }
        return out
    }
}

/// ACDD geospatial bounds: the latitude/longitude extent of the located pixels, degrees.
public struct GeospatialBounds: Sendable, Equatable {
    /// Southernmost and northernmost latitude, degrees north.
    public var latitude: ClosedRange<Double>
    /// Westernmost and easternmost longitude, degrees east (no wrapping across 180°).
    public var longitude: ClosedRange<Double>

    /// Bounds.
    public init(latitude: ClosedRange<Double>, longitude: ClosedRange<Double>) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The extent of `latitude`/`longitude` (degrees; NaN pairs ignored), nil when no pair is finite.
    public init?(latitude lat: [Float], longitude lon: [Float]) {
        var la = (Double.infinity, -Double.infinity), lo = la
        for (a, o) in zip(lat, lon) where a.isFinite && o.isFinite {
            la = (min(la.0, Double(a)), max(la.1, Double(a)))
            lo = (min(lo.0, Double(o)), max(lo.1, Double(o)))
        }
        guard la.0 <= la.1 else { return nil }
        self.init(latitude: la.0...la.1, longitude: lo.0...lo.1)
    }

    /// The ACDD attribute names.
    static let names: Set<String> = [
        "geospatial_lat_min", "geospatial_lat_max", "geospatial_lon_min", "geospatial_lon_max",
        "geospatial_lat_units", "geospatial_lon_units",
    ]

    /// The ACDD attributes (doubles, with their units).
    var attributes: [CFAttribute] {
        [
            CFAttribute("geospatial_lat_min", .doubles([latitude.lowerBound])),
            CFAttribute("geospatial_lat_max", .doubles([latitude.upperBound])),
            CFAttribute("geospatial_lat_units", .text("degrees_north")),
            CFAttribute("geospatial_lon_min", .doubles([longitude.lowerBound])),
            CFAttribute("geospatial_lon_max", .doubles([longitude.upperBound])),
            CFAttribute("geospatial_lon_units", .text("degrees_east")),
        ]
    }
}
