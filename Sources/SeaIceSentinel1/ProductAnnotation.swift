import Foundation
import SeaIceCore

/// Acquisition modes this reader supports (GRD products only).
public enum AcquisitionMode: String, Codable, Sendable, CaseIterable {
    /// Extra Wide swath: five sub-swaths EW1–EW5, 40 m GRDM pixels (the sea-ice mode).
    case ew = "EW"
    /// Interferometric Wide swath: three sub-swaths IW1–IW3, 10 m GRDH pixels.
    case iw = "IW"
}

/// The part of a sub-swath (EW1…, IW1…) that a block of lines takes in the merged GRD image (inclusive bounds).
public struct SwathBounds: Sendable, Equatable {
    /// Sub-swath name, e.g. "EW3".
    public var swath: String
    /// First image line (inclusive).
    public var firstLine: Int
    /// Last image line (inclusive).
    public var lastLine: Int
    /// First image sample (inclusive).
    public var firstSample: Int
    /// Last image sample (inclusive).
    public var lastSample: Int
}

/// The product annotation of one polarisation (`annotation/s1?-<mode>-grd-<pol>-….xml`).
public struct ProductAnnotation: Sendable {
    /// "S1A", "S1B", …
    public var mission: String
    /// Acquisition mode from `adsHeader/mode`.
    public var mode: AcquisitionMode
    /// Channel from `adsHeader/polarisation`.
    public var polarisation: Polarisation
    /// Image lines (rows).
    public var lines: Int
    /// Image samples (columns).
    public var samples: Int
    /// Ground-range pixel spacing, metres.
    public var rangePixelSpacing: Double
    /// Azimuth pixel spacing, metres.
    public var azimuthPixelSpacing: Double
    /// "Ascending" or "Descending".
    public var pass: String
    /// UTC time of the first image line (`imageInformation/productFirstLineUtcTime`, ISO 8601 without zone),
    /// nil when the annotation has none.
    public var firstLineTime: String?
    /// The tie-point grid, sorted by line then pixel.
    public var geolocation: [GeolocationPoint]
    /// Swath-merging bounds of every sub-swath (empty when the annotation has no `swathMerging`).
    public var swathBounds: [SwathBounds]

    /// The most lines or samples a product may declare (`numberOfLines`, `numberOfSamples`): larger is refused
    /// before any raster is allocated.
    public static let maximumSide = 100_000

    /// Parses the annotation XML `data` read from `file`.
    /// - Throws: `SeaIceError` naming the file and element when an item is missing or malformed, or the mode/polarisation is unsupported.
    public init(data: Data, file: String) throws {
        let root = try XMLTree.parse(data, file: file)
        guard root.name == "product" else {
            throw SeaIceError.invalidInput(file: file, item: "root element <\(root.name)>", expected: "<product> (a Sentinel-1 product annotation)")
        }
        let header = try root.required("adsHeader")
        mission = try header.string("missionId")
        let productType = try header.string("productType")
        guard productType == "GRD" else {
            throw SeaIceError.invalidInput(file: file, item: "adsHeader/productType \(productType)", expected: "GRD")
        }
        let modeText = try header.string("mode")
        guard let m = AcquisitionMode(rawValue: modeText) else {
            throw SeaIceError.invalidInput(file: file, item: "adsHeader/mode \(modeText)", expected: "EW or IW")
        }
        mode = m
        let polText = try header.string("polarisation")
        guard let p = Polarisation(rawValue: polText) else {
            throw SeaIceError.invalidInput(file: file, item: "adsHeader/polarisation \(polText)", expected: "HH, HV, VV or VH")
        }
        polarisation = p
        let info = try root.required("imageAnnotation/imageInformation")
        lines = try info.int("numberOfLines")
        samples = try info.int("numberOfSamples")
        rangePixelSpacing = try info.double("rangePixelSpacing")
        azimuthPixelSpacing = try info.double("azimuthPixelSpacing")
        firstLineTime = try? info.string("productFirstLineUtcTime")
        guard lines > 0, samples > 0, rangePixelSpacing > 0, azimuthPixelSpacing > 0 else {
            throw SeaIceError.invalidInput(file: file, item: "imageInformation", expected: "positive size and spacing")
        }
        // Checked before anything of that size is allocated (the largest GRD products are about 17 000 × 26 000).
        guard lines <= Self.maximumSide, samples <= Self.maximumSide else {
            throw SeaIceError.invalidInput(
                file: file, item: "imageInformation numberOfLines \(lines), numberOfSamples \(samples)",
                expected: "at most \(Self.maximumSide) lines and samples (a Sentinel-1 GRD product)")
        }
        pass = (try? root.string("generalAnnotation/productInformation/pass")) ?? "unknown"
        let grid = try root.required("geolocationGrid/geolocationGridPointList")
        geolocation = try grid.children("geolocationGridPoint").map { pt in
            GeolocationPoint(
                line: try pt.double("line"), pixel: try pt.double("pixel"),
                latitude: try pt.double("latitude"), longitude: try pt.double("longitude"),
                height: try pt.double("height"), incidenceAngle: try pt.double("incidenceAngle"),
                elevationAngle: try pt.double("elevationAngle"))
        }
        for (k, p) in geolocation.enumerated() {
            let finite = [p.line, p.pixel, p.latitude, p.longitude, p.height, p.incidenceAngle, p.elevationAngle]
                .allSatisfy(\.isFinite)
            guard finite, abs(p.latitude) <= 90, abs(p.longitude) <= 360 else {
                throw SeaIceError.invalidInput(
                    file: file, item: "geolocationGridPoint \(k + 1) (line \(p.line), pixel \(p.pixel), "
                        + "latitude \(p.latitude), longitude \(p.longitude), incidenceAngle \(p.incidenceAngle))",
                    expected: "finite values, latitude within ±90° and longitude within ±360°")
            }
        }
        guard geolocation.count >= 4 else {
            throw SeaIceError.invalidInput(file: file, item: "geolocationGridPointList", expected: "at least 4 tie points, found \(geolocation.count)")
        }
        geolocation.sort { ($0.line, $0.pixel) < ($1.line, $1.pixel) }
        var bounds: [SwathBounds] = []
        for merge in root.optional("swathMerging/swathMergeList")?.children("swathMerge") ?? [] {
            let swath = try merge.string("swath")
            for b in merge.optional("swathBoundsList")?.children("swathBounds") ?? [] {
                bounds.append(SwathBounds(
                    swath: swath, firstLine: try b.int("firstAzimuthLine"), lastLine: try b.int("lastAzimuthLine"),
                    firstSample: try b.int("firstRangeSample"), lastSample: try b.int("lastRangeSample")))
            }
        }
        swathBounds = bounds
    }
}
