import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIceLand
import SeaIceSAR

/// Turns a Sentinel-1 GRD product (SAFE folder or zip) into an `AnalysisReadyScene`.
///
/// The stages are the shared `SARPipeline`'s, run over a `Sentinel1Product`: read metadata → per channel calibrate,
/// denoise, multilook (`ChannelProcessor`) → dB → geolocation and incidence from the tie-point grid → land mask and
/// distance (`LandLookup`) → optional incidence-angle correction.
public struct Sentinel1Preprocessor: Sendable {
    /// Processing choices.
    public var configuration: PreprocessConfiguration
    /// NERSC coefficient table (required for `.nersc` noise removal of cross-polarised channels).
    public var coefficients: NERSCCoefficients.Table?
    /// Land data; nil leaves `distanceToLandKm`/`landMask` empty.
    public var land: LandLookup?
    /// Optional AMSR2 and ERA5 files put on the scene's 2 km grid (default: none).
    public var auxiliary = AuxiliaryInputs()
    /// When true, a `configuration.pixelSize` that is not a whole multiple of the product's pixel
    /// spacing becomes the next multiple above it (`PreprocessConfiguration.pixelSize(atLeast:spacing:)`):
    /// `seaice preprocess` without `--pixel-size` gives 80 m for a 40 m EW GRDM product and 400 m for a
    /// 400 m simulated SAFE (`seaice simulate --format safe` at its default size). False: such a size throws.
    public var pixelSizeRoundsUp = false

    /// A preprocessor with its configuration and auxiliary data.
    public init(configuration: PreprocessConfiguration, coefficients: NERSCCoefficients.Table?, land: LandLookup?) {
        self.configuration = configuration
        self.coefficients = coefficients
        self.land = land
    }

    /// Processes the product at `url`; `progress(fraction, stage)` is called as each stage ends (for the
    /// caller's progress bar; the fraction counts stages, not time).
    /// - Throws: `SeaIceError` naming the product file and the problem (missing XML, wrong tiff size, unsupported mode…).
    public func run(
        _ url: URL, logger: Logger, progress: ((Double, String) -> Void)? = nil
    ) throws -> AnalysisReadyScene {
        let pipeline = SARPipeline(configuration: configuration, land: land, auxiliary: auxiliary,
                                   pixelSizeRoundsUp: pixelSizeRoundsUp)
        return try pipeline.run(logger: logger, progress: progress) {
            try Sentinel1Product(url: url, configuration: configuration, coefficients: coefficients, logger: logger)
        }
    }
}

/// An opened Sentinel-1 GRD product as a `SARProduct`: the SAFE product, its channels (with the NERSC coefficients
/// of `.nersc` noise removal) and its annotation's tie points.
public struct Sentinel1Product: SARProduct {
    /// The SAFE product.
    public let safe: SAFEProduct
    /// The parsed metadata per channel, product order (co-polarised first).
    public let metadata: [BandMetadata]
    public let channels: [Sentinel1Channel]
    public let nerscIPFUsed: [Polarisation: Double]

    /// Opens the product at `url` and picks the NERSC coefficients of each channel when `configuration.noise` is
    /// `.nersc`.
    /// - Throws: `SeaIceError` naming the product, the coefficient file or the annotation.
    public init(url: URL, configuration c: PreprocessConfiguration, coefficients: NERSCCoefficients.Table?,
                logger: Logger) throws {
        let safe = try SAFEProduct(url: url)
        let metas = try safe.bands.map { try safe.metadata($0.0) }
        if c.noise == .nersc, metas.contains(where: { $0.polarisation.isCrossPolarised }), coefficients == nil {
            throw SeaIceError.configuration("NERSC noise removal needs the coefficient file (denoising_parameters.json)")
        }
        var ipfUsed: [Polarisation: Double] = [:]
        let channels = try metas.map { m in
            var coeff: NERSCCoefficients?
            if c.noise == .nersc, let table = coefficients {
                coeff = table.coefficients(mission: m.annotation.mission, mode: m.annotation.mode, polarisation: m.polarisation,
                                           ipf: safe.ipfVersion, logger: logger)
                if coeff == nil, m.polarisation.isCrossPolarised {
                    throw SeaIceError.invalidInput(file: table.file, item: "\(m.annotation.mission) \(m.annotation.mode.rawValue) \(m.polarisation.rawValue)",
                                                   expected: "NERSC coefficients for this mission, mode and polarisation (none for any IPF version)")
                }
                if let coeff { ipfUsed[m.polarisation] = coeff.ipfUsed }
            }
            return Sentinel1Channel(m, coefficients: c.noise == .nersc ? coeff : nil)
        }
        self.safe = safe
        metadata = metas
        self.channels = channels
        nerscIPFUsed = ipfUsed
    }

    public var source: URL { safe.source }
    public var productName: String { safe.productName }
    public var mission: String { metadata[0].annotation.mission }
    public var mode: String { metadata[0].annotation.mode.rawValue }
    public var processorVersion: Double { safe.ipfVersion }
    public var sensor: SARSensor { .sentinel1 }
    public var simulationMarkers: [String] { safe.simulationMarkers }

    public func geolocationGrid() throws -> Sentinel1GeolocationGrid {
        let primary = metadata.first { !$0.polarisation.isCrossPolarised } ?? metadata[0]
        return try Sentinel1GeolocationGrid(points: metadata[0].annotation.geolocation, file: primary.files.annotation)
    }
}
