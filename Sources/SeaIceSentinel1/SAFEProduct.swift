import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceSAR

/// A Sentinel-1 GRD product as downloaded: a `.SAFE` folder or its `.zip`, read in place.
///
/// Members of a zip are read through GDAL's `/vsizip/` without extracting anything; the archive
/// is first checked (complete central directory, no member escaping the product folder).
/// Finds, per polarisation, the annotation, calibration and noise XML and the measurement
/// GeoTIFF by the standard SAFE names (`annotation/s1?-<mode>-grd-<pol>-….xml`,
/// `annotation/calibration/{calibration,noise}-<same stem>.xml`, `measurement/<stem>.tiff`).
public struct SAFEProduct: Sendable {
    /// Paths of the files belonging to one polarisation (GDAL virtual paths).
    public struct BandFiles: Sendable, Equatable {
        /// Product annotation XML.
        public var annotation: String
        /// Calibration XML.
        public var calibration: String
        /// Noise XML.
        public var noise: String
        /// Measurement GeoTIFF (uint16 DN).
        public var measurement: String
    }

    /// The product as given (folder or zip).
    public let source: URL
    /// The product identifier (the .SAFE folder name without extension).
    public let productName: String
    /// IPF (processor) version from `manifest.safe`, e.g. 3.52.
    public let ipfVersion: Double
    /// Files per polarisation, in the order of the file names (primary channel first: HH/VV).
    public let bands: [(Polarisation, BandFiles)]
    /// The GDAL path of the SAFE root folder (ends without "/").
    public let root: String
    /// Every sign that the product is simulated (SeaIceKit's simulator names its products `…_SIMU` and adds a
    /// `SIMULATED_DATA.txt` note): each marker found, described; empty for a real product. One marker is enough,
    /// so a product that lost the other (renamed, or the note deleted) is still recognised.
    public let simulationMarkers: [String]

    /// The name of the note a simulated SAFE product carries.
    public static let simulationNoteName = "SIMULATED_DATA.txt"

    /// Opens the product at `url` (a `.SAFE` folder, a folder containing one, or a `.zip`).
    /// - Throws: `SeaIceError` naming the product and the missing or malformed item.
    public init(url: URL) throws {
        try self.init(url: url, requireMeasurements: true)
    }

    /// Opens a product whose measurement tiffs may be absent (metadata-only templates).
    public init(urlAllowingMissingMeasurements url: URL) throws {
        try self.init(url: url, requireMeasurements: false)
    }

    private init(url: URL, requireMeasurements: Bool) throws {
        let archive = try ProductArchive(url: url, kind: "Sentinel-1 SAFE")
        source = url
        root = archive.root
        let entries = archive.entries
        let folder = archive.folderName
        productName = folder.hasSuffix(".SAFE") ? String(folder.dropLast(5)) : folder
        let manifestText = String(decoding: try VSI.readAll(root + "/manifest.safe"), as: UTF8.self)
        ipfVersion = try SAFEProduct.ipfVersion(manifest: manifestText, file: url.path + ": manifest.safe")

        let rel = archive.relative
        var markers: [String] = []
        let noteName = Substring(Self.simulationNoteName)
        if let note = entries.first(where: { ($0.split(separator: "/").last ?? "") == noteName }) {
            markers.append("note \(note)")
        }
        for name in Set([productName, url.deletingPathExtension().lastPathComponent]) where name.contains("_SIMU") {
            markers.append("name \(name)")
        }
        simulationMarkers = markers
        var found: [(Polarisation, BandFiles)] = []
        for name in rel.sorted() where name.hasPrefix("annotation/") && name.hasSuffix(".xml") && !name.dropFirst(11).contains("/") {
            let stem = String(name.dropFirst("annotation/".count).dropLast(4))
            let parts = stem.split(separator: "-")
            guard parts.count > 4, parts[0].hasPrefix("s1"), parts[2] == "grd" else { continue }
            guard let pol = Polarisation(rawValue: parts[3].uppercased()) else {
                throw SeaIceError.invalidInput(file: url.path, item: "annotation/\(stem).xml polarisation \(parts[3])", expected: "hh, hv, vv or vh")
            }
            guard AcquisitionMode(rawValue: parts[1].uppercased()) != nil else {
                throw SeaIceError.invalidInput(file: url.path, item: "annotation/\(stem).xml mode \(parts[1])", expected: "ew or iw (GRD)")
            }
            let need = ["annotation/calibration/calibration-\(stem).xml", "annotation/calibration/noise-\(stem).xml", "measurement/\(stem).tiff"]
            for n in need.prefix(requireMeasurements ? 3 : 2) where !rel.contains(n) {
                throw SeaIceError.missing(file: url.path, item: n)
            }
            found.append((pol, BandFiles(
                annotation: root + "/" + name, calibration: root + "/" + need[0], noise: root + "/" + need[1], measurement: root + "/" + need[2])))
        }
        guard !found.isEmpty else {
            throw SeaIceError.missing(file: url.path, item: "annotation/s1?-<ew|iw>-grd-<pol>-*.xml (no GRD annotation found)")
        }
        bands = found.sorted { !$0.0.isCrossPolarised && $1.0.isCrossPolarised }
    }

    /// The IPF version in `<safe:software name="Sentinel-1 IPF" version="003.52"/>`.
    static func ipfVersion(manifest: String, file: String) throws -> Double {
        guard let r = manifest.range(of: "name=\"Sentinel-1 IPF\" version=\"") else {
            throw SeaIceError.missing(file: file, item: "<safe:software name=\"Sentinel-1 IPF\" version=…>")
        }
        let tail = manifest[r.upperBound...]
        guard let end = tail.firstIndex(of: "\""), let v = Double(tail[..<end]) else {
            throw SeaIceError.invalidInput(file: file, item: "IPF version", expected: "a number such as 003.52")
        }
        return v
    }

    /// The files of polarisation `pol`.
    /// - Throws: `SeaIceError.missing` when the product has no such channel.
    public func files(_ pol: Polarisation) throws -> BandFiles {
        guard let f = bands.first(where: { $0.0 == pol })?.1 else {
            throw SeaIceError.missing(file: source.path, item: "\(pol.rawValue) channel (product has \(bands.map { $0.0.rawValue }.joined(separator: ", ")))")
        }
        return f
    }

    /// Reads and parses the annotation, calibration and noise XML of `pol`.
    public func metadata(_ pol: Polarisation) throws -> BandMetadata {
        let f = try files(pol)
        let annotation = try ProductAnnotation(data: try VSI.readAll(f.annotation), file: f.annotation)
        guard annotation.polarisation == pol else {
            throw SeaIceError.invalidInput(file: f.annotation, item: "adsHeader/polarisation \(annotation.polarisation.rawValue)", expected: pol.rawValue)
        }
        let calibration = try CalibrationAnnotation(data: try VSI.readAll(f.calibration), file: f.calibration, width: annotation.samples)
        let noise = try NoiseAnnotation(data: try VSI.readAll(f.noise), file: f.noise, width: annotation.samples)
        return BandMetadata(polarisation: pol, files: f, annotation: annotation, calibration: calibration, noise: noise)
    }
}

/// The parsed metadata of one polarisation channel.
public struct BandMetadata: Sendable {
    /// The channel.
    public var polarisation: Polarisation
    /// Where its files are.
    public var files: SAFEProduct.BandFiles
    /// Image size, spacing, tie points, swath bounds.
    public var annotation: ProductAnnotation
    /// σ⁰ calibration LUT.
    public var calibration: CalibrationAnnotation
    /// Thermal-noise vectors.
    public var noise: NoiseAnnotation

    /// Opens the measurement GeoTIFF and checks it against the annotation (size, one UInt16 band).
    /// - Throws: `SeaIceError.invalidInput` naming the tiff when its size or type differ.
    public func openMeasurement() throws -> GDALRaster {
        let r = try GDALRaster(path: files.measurement)
        guard r.width == annotation.samples, r.height == annotation.lines else {
            throw SeaIceError.invalidInput(
                file: files.measurement, item: "raster size \(r.width) × \(r.height)",
                expected: "\(annotation.samples) × \(annotation.lines) (numberOfSamples × numberOfLines of \(files.annotation))")
        }
        guard r.bandCount >= 1, r.dataTypeName() == "UInt16" else {
            throw SeaIceError.invalidInput(file: files.measurement, item: "band 1 type \(r.dataTypeName())", expected: "UInt16 digital numbers")
        }
        return r
    }
}
