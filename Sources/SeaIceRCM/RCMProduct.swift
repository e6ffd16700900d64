import Foundation
import Logging
import SeaIceCore
import SeaIceGDAL
import SeaIceSAR

/// An RCM detected product (GRD, GCD, GCC) as delivered: a folder or its `.zip`, read in place (`ProductArchive`:
/// `/vsizip/`, zip checked first), as a `SARProduct` for the shared pipeline.
///
/// Reads `metadata/product.xml`, per polarisation `metadata/calibration/lut{Sigma,Beta,Gamma}_<pol>.xml` and
/// `noiseLevels_<pol>.xml`, `incidenceAngles.xml`, and the UInt16 GeoTIFF `imagery/<…>_<pol>.tif` the `ipdf` names.
/// Noise rule: σ⁰ is calibrated, the NESZ (the σ⁰ `referenceNoiseLevel`) subtracted and the multilooked power floored
/// (`PreprocessConfiguration.noise`, `.negativePower`); a product that declares its DN already denoised
/// (`noiseSubtractionPerformed` true) gets NESZ 0, so nothing is subtracted twice.
public struct RCMProduct: SARProduct {
    /// The folder or zip listing.
    public let archive: ProductArchive
    /// The parsed product.xml.
    public let metadata: RCMProductMetadata
    /// The channels in product order, co-polarised first.
    public let channels: [RCMChannel]
    /// The incidence angles along the row.
    public let incidence: RCMIncidenceAngles
    public let simulationMarkers: [String]

    /// The note a simulated RCM product carries (the name SeaIceKit's simulated SAFE products use).
    public static let simulationNoteName = "SIMULATED_DATA.txt"

    /// Opens the product at `url`; `requireImagery` false accepts a metadata-only product (the real sample).
    /// - Throws: `SeaIceError` naming the product and the missing or malformed file and element.
    public init(url: URL, requireImagery: Bool = true) throws {
        let archive = try ProductArchive(url: url, kind: "RCM")
        let productFile = "metadata/product.xml"
        guard archive.relative.contains(productFile) else {
            throw SeaIceError.missing(file: url.path, item: "\(productFile) (not an RCM product)")
        }
        let m = try RCMProductMetadata(data: try archive.read(productFile), file: archive.path(productFile))
        func member(_ name: String) throws -> String {
            guard archive.relative.contains(name) else { throw SeaIceError.missing(file: url.path, item: name) }
            return archive.path(name)
        }
        let channels = try m.polarisations.map { pol in
            let lutFile = try member("metadata/calibration/" + (m.lutFiles[pol]?[.sigmaNought] ?? ""))
            let lut = try RCMLookupTable(data: try VSI.readAll(lutFile), file: lutFile, width: m.samples)
            let noiseName = m.noiseFiles[pol] ?? "noiseLevels_\(pol.rawValue).xml"
            let noiseFile = try member("metadata/calibration/" + noiseName)
            let noise = try RCMNoiseLevels(data: try VSI.readAll(noiseFile), file: noiseFile, width: m.samples)
            // `ipdf` is relative to metadata/: "../imagery/x.tif" is "imagery/x.tif" below the root.
            var rel = m.imageFiles[pol] ?? ""
            while rel.hasPrefix("../") { rel.removeFirst(3) }
            guard !rel.isEmpty, !rel.contains("..") else {
                throw SeaIceError.invalidInput(file: archive.path(productFile), item: "ipdf \(m.imageFiles[pol] ?? "")",
                                               expected: "a path inside the product")
            }
            let image = requireImagery ? try member(rel) : archive.path(rel)
            return RCMChannel(polarisation: pol, metadata: m, metadataFile: archive.path(productFile), imageFile: image,
                              lut: lut, noise: noise)
        }
        .sorted { !$0.polarisation.isCrossPolarised && $1.polarisation.isCrossPolarised }
        let incidenceFile = try member("metadata/calibration/" + m.incidenceFile)
        let incidence = try RCMIncidenceAngles(data: try VSI.readAll(incidenceFile), file: incidenceFile, width: m.samples)
        var markers: [String] = []
        if let note = archive.entries.first(where: { ($0.split(separator: "/").last ?? "") == Substring(Self.simulationNoteName) }) {
            markers.append("note \(note)")
        }
        if m.annotation.uppercased().hasPrefix("SIMULATED") { markers.append("productAnnotation \(m.annotation)") }
        let name = Self.name(of: archive)
        if name.contains("_SIMU") { markers.append("name \(name)") }
        self.archive = archive
        metadata = m
        self.channels = channels
        self.incidence = incidence
        simulationMarkers = markers
    }

    public var source: URL { archive.source }
    /// The folder name without `.zip`, e.g. `RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD`.
    public var productName: String { Self.name(of: archive) }

    static func name(of archive: ProductArchive) -> String {
        archive.folderName.hasSuffix(".zip") ? String(archive.folderName.dropLast(4)) : archive.folderName
    }
    public var mission: String { metadata.satellite }
    public var mode: String { metadata.beamMode }
    public var processorVersion: Double { metadata.processorVersion }
    public var sensor: SARSensor { .rcm }
    public var nerscIPFUsed: [Polarisation: Double] { [:] }

    /// The tie points with the incidence angle of `incidenceAngles.xml` at their pixel and the elevation (look) angle
    /// from it on a spherical Earth: sin(elevation) = R/(R + H) · sin(incidence), R the WGS 84 radius at the point's
    /// latitude plus its height, H the `satelliteHeight`.
    public func tiePoints() -> [GeolocationPoint] {
        let a = 6_378_137.0, b = 6_356_752.314245
        return metadata.tiePoints.map { t in
            let inc = incidence.angle(atPixel: t.pixel)
            let phi = t.latitude * .pi / 180
            let r = sqrt((pow(a * a * cos(phi), 2) + pow(b * b * sin(phi), 2)) / (pow(a * cos(phi), 2) + pow(b * sin(phi), 2)))
                + t.height
            let h = metadata.satelliteHeight > 0 ? metadata.satelliteHeight : 600_000
            let elevation = asin(min(1, r / (r + h) * sin(inc * .pi / 180))) * 180 / .pi
            return GeolocationPoint(line: t.line, pixel: t.pixel, latitude: t.latitude, longitude: t.longitude,
                                    height: t.height, incidenceAngle: inc, elevationAngle: elevation)
        }
    }

    public func geolocationGrid() throws -> Sentinel1GeolocationGrid {
        try Sentinel1GeolocationGrid(points: tiePoints(), file: archive.path("metadata/product.xml"))
    }
}

extension SARSensor {
    /// The RADARSAT Constellation Mission (CSA).
    public static let rcm = SARSensor(
        platform: "RCM", sourceName: "RADARSAT Constellation Mission",
        dataStatement: "RCM Data and Products (c) Government of Canada (Canadian Space Agency)",
        processorLabel: "RCM PGS", keywords: "sea ice, Arctic, RADARSAT Constellation Mission, RCM, SAR, backscatter, sigma0")
}
