import Foundation
import SeaIceCore
import SeaIceSAR

/// The product description of an RCM product (`metadata/product.xml`, schema `rcmGsProductSchema`, RCM product
/// specification RCM-SP-53-0419): identity, beam mode, polarisations, raster size and spacing, file names,
/// geolocation tie points.
public struct RCMProductMetadata: Sendable {
    /// The product types read: detected ground-range (GRD) and the ground-corrected detected GCD/GCC (map projected
    /// by the processor; their tie points still give the geolocation of the image grid).
    public static let detectedTypes: Set<String> = ["GRD", "GCD", "GCC"]

    /// Satellite, e.g. "RCM-2".
    public var satellite: String
    /// `productType`: GRD, GCD or GCC.
    public var productType: String
    /// `beamModeMnemonic`, e.g. "16M5", "SC50MB".
    public var beamMode: String
    /// Polarisations in product order.
    public var polarisations: [Polarisation]
    /// Image lines and samples (`sceneAttributes/imageAttributes/numLines`, `samplesPerLine`).
    public var lines: Int, samples: Int
    /// `sampledPixelSpacing`, `sampledLineSpacing`, metres.
    public var pixelSpacing: Double, lineSpacing: Double
    /// `sampleType`, "Magnitude Detected" for detected products.
    public var sampleType: String
    /// `zeroDopplerTimeFirstLine` (ISO 8601, UTC).
    public var firstLineTime: String
    /// `passDirection`, "Ascending" or "Descending".
    public var pass: String
    /// Processor version from `softwareVersion` ("RCM PGS 7.06" → 7.06; 0 when it has no number).
    public var processorVersion: Double
    /// Satellite height above the ellipsoid at scene centre, metres (`satelliteHeight`).
    public var satelliteHeight: Double
    /// Range looks × azimuth looks (`sarProcessingInformation/numberOfRangeLooks`, `numberOfAzimuthLooks`; 1 where
    /// absent): the nominal equivalent number of looks of a full-resolution pixel.
    public var looks: Int
    /// `productAnnotation` (free text; simulated products say "SIMULATED" here).
    public var annotation: String
    /// Whether the processor declares the thermal noise already subtracted from the DN
    /// (`sarProcessingInformation/noiseSubtractionPerformed` = true; absent in standard products).
    public var noiseSubtracted: Bool
    /// Per polarisation: image (`ipdf`, relative to `metadata/`), LUT file per calibration type, noise file.
    public var imageFiles: [Polarisation: String]
    /// LUT file names per polarisation and calibration type (in `metadata/calibration/`).
    public var lutFiles: [Polarisation: [RCMCalibrationType: String]]
    /// Noise file names per polarisation.
    public var noiseFiles: [Polarisation: String]
    /// Incidence-angle file name.
    public var incidenceFile: String
    /// The tie points (`imageTiePoint`): line, pixel, latitude, longitude, height (angles filled by the product).
    public var tiePoints: [(line: Double, pixel: Double, latitude: Double, longitude: Double, height: Double)]

    /// Parses `data` read from `file`.
    /// - Throws: `SeaIceError` naming the file and element when the product is of another mission, complex (SLC),
    ///   not a detected type, or an item is missing or malformed.
    public init(data: Data, file: String) throws {
        let root = try XMLTree.parse(data, file: file, root: "product", expected: "<product> (an RCM product.xml)")
        guard let sat = try? root.string("sourceAttributes/satellite"), sat.hasPrefix("RCM") else {
            let found = (try? root.string("sourceAttributes/satellite"))
                ?? (try? root.string("adsHeader/missionId")) ?? "none"
            throw SeaIceError.invalidInput(file: file, item: "<product/sourceAttributes/satellite> \(found)",
                                           expected: "RCM-1, RCM-2 or RCM-3 (a RADARSAT Constellation Mission product)")
        }
        satellite = sat
        let general = try root.required("imageGenerationParameters/generalProcessingInformation")
        productType = try general.string("productType")
        let raster = try root.required("imageReferenceAttributes/rasterAttributes")
        sampleType = try raster.string("sampleType")
        guard sampleType != "Complex", !["SLC", "SCS"].contains(productType) else {
            throw SeaIceError.invalidInput(
                file: file, item: "productType \(productType), rasterAttributes/sampleType \(sampleType)",
                expected: "a detected product (GRD, GCD or GCC, sampleType Magnitude Detected); complex (SLC) products are not read")
        }
        guard Self.detectedTypes.contains(productType) else {
            throw SeaIceError.invalidInput(file: file, item: "imageGenerationParameters/generalProcessingInformation/productType \(productType)",
                                           expected: "GRD, GCD or GCC")
        }
        beamMode = try root.string("sourceAttributes/beamModeMnemonic")
        let polText = try root.string("sourceAttributes/radarParameters/polarizations")
        polarisations = try polText.split(separator: " ").map { p in
            guard let pol = Polarisation(rawValue: String(p)) else {
                throw SeaIceError.invalidInput(file: file, item: "sourceAttributes/radarParameters/polarizations \(polText)",
                                               expected: "linear polarisations HH, HV, VV, VH (compact-pol CH/CV is not read)")
            }
            return pol
        }
        let image = try root.required("sceneAttributes/imageAttributes")
        lines = try image.int("numLines")
        samples = try image.int("samplesPerLine")
        pixelSpacing = try raster.double("sampledPixelSpacing")
        lineSpacing = try raster.double("sampledLineSpacing")
        guard lines > 0, samples > 0, lines <= 100_000, samples <= 100_000, pixelSpacing > 0, lineSpacing > 0 else {
            throw SeaIceError.invalidInput(
                file: file, item: "numLines \(lines), samplesPerLine \(samples), spacing \(pixelSpacing) × \(lineSpacing) m",
                expected: "1…100000 lines and samples and positive spacings")
        }
        firstLineTime = try root.string("imageGenerationParameters/sarProcessingInformation/zeroDopplerTimeFirstLine")
        pass = (try? root.string("sourceAttributes/orbitAndAttitude/orbitInformation/passDirection")) ?? "unknown"
        let software = (try? general.string("softwareVersion")) ?? ""
        processorVersion = Double(software.split(separator: " ").last ?? "") ?? 0
        satelliteHeight = (try? root.double("imageGenerationParameters/sarProcessingInformation/satelliteHeight")) ?? 0
        let processing = "imageGenerationParameters/sarProcessingInformation/"
        looks = max(1, (try? root.int(processing + "numberOfRangeLooks")) ?? 1)
            * max(1, (try? root.int(processing + "numberOfAzimuthLooks")) ?? 1)
        annotation = (try? root.string("productAnnotation")) ?? ""
        noiseSubtracted = (try? root.string("imageGenerationParameters/sarProcessingInformation/noiseSubtractionPerformed"))
            .map { $0.lowercased() == "true" } ?? false
        var images: [Polarisation: String] = [:]
        for e in image.children("ipdf") {
            if let p = e.attributes["pole"].flatMap(Polarisation.init(rawValue:)) {
                images[p] = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        imageFiles = images
        let refs = try root.required("imageReferenceAttributes")
        var luts: [Polarisation: [RCMCalibrationType: String]] = [:]
        for e in refs.children("lookupTableFileName") {
            guard let p = e.attributes["pole"].flatMap(Polarisation.init(rawValue:)),
                  let t = e.attributes["sarCalibrationType"].flatMap(RCMCalibrationType.init(rawValue:)) else { continue }
            luts[p, default: [:]][t] = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        lutFiles = luts
        var noise: [Polarisation: String] = [:]
        for e in refs.children("noiseLevelFileName") {
            if let p = e.attributes["pole"].flatMap(Polarisation.init(rawValue:)) {
                noise[p] = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        noiseFiles = noise
        incidenceFile = (try? refs.string("incidenceAngleFileName")) ?? "incidenceAngles.xml"
        for p in polarisations {
            guard images[p] != nil else {
                throw SeaIceError.missing(file: file, item: "<sceneAttributes/imageAttributes/ipdf pole=\"\(p.rawValue)\">")
            }
            guard luts[p]?[.sigmaNought] != nil else {
                throw SeaIceError.missing(file: file, item: "<imageReferenceAttributes/lookupTableFileName sarCalibrationType=\"Sigma Nought\" pole=\"\(p.rawValue)\">")
            }
        }
        let grid = try refs.required("geographicInformation/geolocationGrid")
        tiePoints = try grid.children("imageTiePoint").map { t in
            (line: try t.double("imageCoordinate/line"), pixel: try t.double("imageCoordinate/pixel"),
             latitude: try t.double("geodeticCoordinate/latitude"), longitude: try t.double("geodeticCoordinate/longitude"),
             height: try t.double("geodeticCoordinate/height"))
        }
        for (k, p) in tiePoints.enumerated() {
            guard [p.line, p.pixel, p.latitude, p.longitude, p.height].allSatisfy(\.isFinite), abs(p.latitude) <= 90,
                  abs(p.longitude) <= 360 else {
                throw SeaIceError.invalidInput(file: file, item: "imageTiePoint \(k + 1) (line \(p.line), pixel \(p.pixel))",
                                               expected: "finite values, latitude within ±90° and longitude within ±360°")
            }
        }
        guard tiePoints.count >= 4 else {
            throw SeaIceError.invalidInput(file: file, item: "geolocationGrid", expected: "at least 4 imageTiePoint, found \(tiePoints.count)")
        }
    }
}
