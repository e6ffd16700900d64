import Foundation
import Logging
import SeaIceCore
import SeaIceLand

/// An opened detected SAR product, ready for the shared pipeline: its identity, its channels and its geolocation.
///
/// `Sentinel1Product` (SeaIceSentinel1) and `RCMProduct` (SeaIceRCM) implement it; `SARPipeline` turns any of
/// them into the same `AnalysisReadyScene`, so every model reads either sensor unchanged.
public protocol SARProduct: Sendable {
    /// The channel type (calibration and noise of one polarisation).
    associatedtype Channel: SARChannel
    /// The product as given (folder or zip), named in errors.
    var source: URL { get }
    /// The product identifier (folder name without extension).
    var productName: String { get }
    /// Mission or satellite, e.g. "S1A", "RCM-2".
    var mission: String { get }
    /// Acquisition (beam) mode, e.g. "EW", "SC50M".
    var mode: String { get }
    /// Processor version (Sentinel-1 IPF, RCM PGS).
    var processorVersion: Double { get }
    /// The platform's wording in the written files.
    var sensor: SARSensor { get }
    /// Every sign that the product is simulated (empty for a real product).
    var simulationMarkers: [String] { get }
    /// The channels in product order, the co-polarised one (HH/VV) first.
    var channels: [Channel] { get }
    /// The geolocation tie points (with incidence and elevation angles) as a grid over full-resolution image
    /// coordinates.
    /// - Throws: `SeaIceError` naming the metadata file when the tie points do not form a grid.
    func geolocationGrid() throws -> Sentinel1GeolocationGrid
    /// NERSC coefficients used per channel, with the IPF version they belong to (empty: none).
    var nerscIPFUsed: [Polarisation: Double] { get }
}

/// The shared SAR preprocessing: per channel calibrate, denoise, multilook (`ChannelProcessor`) → dB → geolocation
/// and incidence from the tie points → land mask and distance (`LandLookup`) → optional incidence-angle correction
/// (fitted over sea pixels only: land is kept out of statistics, seed 002) → optional AMSR2/ERA5 on the 2 km grid.
public struct SARPipeline: Sendable {
    /// Processing choices.
    public var configuration: PreprocessConfiguration
    /// Land data; nil leaves `distanceToLandKm`/`landMask` empty.
    public var land: LandLookup?
    /// Optional AMSR2 and ERA5 files put on the scene's 2 km grid.
    public var auxiliary: AuxiliaryInputs
    /// When true, a pixel size that is not a whole multiple of the product's (square) pixel spacing becomes the next
    /// multiple above it (`PreprocessConfiguration.pixelSize(atLeast:spacing:)`); false: such a size throws.
    public var pixelSizeRoundsUp: Bool

    /// A pipeline with its choices.
    public init(configuration: PreprocessConfiguration, land: LandLookup?, auxiliary: AuxiliaryInputs = AuxiliaryInputs(),
                pixelSizeRoundsUp: Bool = false) {
        self.configuration = configuration
        self.land = land
        self.auxiliary = auxiliary
        self.pixelSizeRoundsUp = pixelSizeRoundsUp
    }

    /// Opens the product with `open` (timed as the stage "read metadata") and processes it; `progress(fraction,
    /// stage)` is called as each stage ends (the fraction counts stages, not time).
    /// - Throws: `SeaIceError` naming the product file and the problem.
    public func run<Product: SARProduct>(
        logger: Logger, progress: ((Double, String) -> Void)? = nil, open: () throws -> Product
    ) throws -> AnalysisReadyScene {
        var stages: [StageTiming] = []
        var clock = Date(), cpu = StageTiming.processCPUSeconds()
        var stageCount = 6  // metadata, two channels, geolocation, land, writing (set once the product is read)
        func lap(_ name: String) {
            let now = Date(), c = StageTiming.processCPUSeconds()
            stages.append(StageTiming(name: name, wall: now.timeIntervalSince(clock), cpu: c - cpu))
            clock = now; cpu = c
            progress?(min(1, Double(stages.count) / Double(stageCount)), name)
        }
        let product = try open()
        var c = configuration
        let channels = product.channels
        guard let first = channels.first else {
            throw SeaIceError.missing(file: product.source.path, item: "polarisation channels (none found)")
        }
        if pixelSizeRoundsUp, first.rangePixelSpacing == first.azimuthPixelSpacing {
            c.pixelSize = PreprocessConfiguration.pixelSize(atLeast: c.pixelSize, spacing: first.rangePixelSpacing)
        }
        for m in channels.dropFirst() where m.height != first.height || m.width != first.width {
            throw SeaIceError.invalidInput(file: m.metadataFile, item: "image size \(m.width) × \(m.height)",
                                           expected: "the size of the \(first.polarisation.rawValue) channel, \(first.width) × \(first.height)")
        }
        guard let primary = channels.first(where: { !$0.polarisation.isCrossPolarised }) else {
            throw SeaIceError.invalidInput(file: product.source.path, item: "polarisations \(channels.map { $0.polarisation.rawValue })",
                                           expected: "a co-polarised channel (HH or VV)")
        }
        let secondary = channels.first { $0.polarisation.isCrossPolarised }
        stageCount = 2 + channels.count + (land == nil ? 0 : 1) + (configuration.incidenceCorrection == .none ? 0 : 1)
            + (auxiliary.isRequested ? 1 : 0)
        lap("read metadata")
        func channel(_ m: Product.Channel) throws -> MultilookedChannel {
            let ch = try ChannelProcessor.process(m, configuration: c, decibels: true, logger: logger)
            lap("calibrate+denoise+multilook+dB \(m.polarisation.rawValue)")
            return ch
        }
        let p = try channel(primary)
        let s = try secondary.map(channel)
        var primaryDB = p.sigma0
        var secondaryDB = s?.sigma0
        let grid = try product.geolocationGrid()
        let geo = grid.fields(width: p.width, height: p.height, factor: p.factor)
        lap("geolocation")
        var distance: [Float]?, mask: [UInt8]?
        if let land {
            let r = try land.evaluate(latitude: geo.latitude, longitude: geo.longitude)
            distance = r.distanceKm; mask = r.land
            lap("land")
        }
        var slopes: [Polarisation: Double] = [:]
        let elevation = c.incidenceCorrection == .fitted ? grid.elevationField(width: p.width, height: p.height, factor: p.factor) : []
        func correct(_ db: inout [Float], _ pol: Polarisation) {
            switch c.incidenceCorrection {
            case .none:
                return
            case .nersc:
                let slope = IncidenceAngleCorrection.nerscSlope(pol)
                IncidenceAngleCorrection.apply(db: &db, incidence: geo.incidence, slope: slope, reference: c.referenceIncidence)
                slopes[pol] = slope
            case .fitted:
                guard !pol.isCrossPolarised else { return }
                guard let slope = IncidenceAngleCorrection.fitSlope(db: db, incidence: elevation, include: { mask == nil || mask![$0] == 0 }) else {
                    logger.warning("too few sea pixels to fit an elevation-angle slope for \(pol.rawValue); left uncorrected")
                    return
                }
                IncidenceAngleCorrection.apply(db: &db, incidence: elevation, slope: slope, reference: grid.elevation(atIncidence: c.referenceIncidence))
                slopes[pol] = slope
            }
        }
        correct(&primaryDB, primary.polarisation)
        if var sd = secondaryDB, let pol = secondary?.polarisation { correct(&sd, pol); secondaryDB = sd }
        if c.incidenceCorrection != .none { lap("incidence correction") }
        let f = Double(p.factor)
        let ties = grid.resampled(count: 21).map { var t = $0; t.line /= f; t.pixel /= f; return t }
        var scene = AnalysisReadyScene(
            productName: product.productName, mission: product.mission, mode: product.mode,
            ipfVersion: product.processorVersion,
            pixelSpacing: c.pixelSize, factor: p.factor, width: p.width, height: p.height,
            primaryPolarisation: primary.polarisation, primaryDB: primaryDB,
            secondaryPolarisation: secondary?.polarisation, secondaryDB: secondaryDB,
            incidence: geo.incidence, latitude: geo.latitude, longitude: geo.longitude,
            distanceToLandKm: distance, landMask: mask, tiePoints: ties, configuration: c,
            appliedSlopes: slopes, nerscIPFUsed: product.nerscIPFUsed, stageTimings: stages)
        scene.sensor = product.sensor
        scene.simulationMarkers = product.simulationMarkers
        if auxiliary.isRequested {
            scene.auxiliary = try auxiliary.fields(for: scene, logger: logger)
            lap("AMSR2/ERA5 on the 2 km grid")
        }
        scene.stageTimings = stages
        return scene
    }
}
