import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIceLand

/// Turns a Sentinel-1 GRD product (SAFE folder or zip) into an `AnalysisReadyScene`.
///
/// Stages: read metadata → per channel calibrate, denoise, multilook (`ChannelProcessor`) → dB →
/// geolocation and incidence from the tie-point grid → land mask and distance (`LandLookup`) →
/// optional incidence-angle correction (fitted over sea pixels only: land is kept out of statistics, seed 002).
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
        var stages: [StageTiming] = []
        var clock = Date(), cpu = StageTiming.processCPUSeconds()
        var stageCount = 6  // metadata, two channels, geolocation, land, writing (set once the product is read)
        func lap(_ name: String) {
            let now = Date(), c = StageTiming.processCPUSeconds()
            stages.append(StageTiming(name: name, wall: now.timeIntervalSince(clock), cpu: c - cpu))
            clock = now; cpu = c
            progress?(min(1, Double(stages.count) / Double(stageCount)), name)
        }
        var c = configuration
        let product = try SAFEProduct(url: url)
        let metas = try product.bands.map { try product.metadata($0.0) }
        let first = metas[0].annotation
        if pixelSizeRoundsUp, first.rangePixelSpacing == first.azimuthPixelSpacing {
            c.pixelSize = PreprocessConfiguration.pixelSize(atLeast: c.pixelSize, spacing: first.rangePixelSpacing)
        }
        for m in metas.dropFirst() where m.annotation.lines != first.lines || m.annotation.samples != first.samples {
            throw SeaIceError.invalidInput(file: m.files.annotation, item: "image size \(m.annotation.samples) × \(m.annotation.lines)",
                                           expected: "the size of the \(metas[0].polarisation.rawValue) channel, \(first.samples) × \(first.lines)")
        }
        guard let primary = metas.first(where: { !$0.polarisation.isCrossPolarised }) else {
            throw SeaIceError.invalidInput(file: url.path, item: "polarisations \(metas.map { $0.polarisation.rawValue })", expected: "a co-polarised channel (HH or VV)")
        }
        let secondary = metas.first { $0.polarisation.isCrossPolarised }
        if c.noise == .nersc, secondary != nil, coefficients == nil {
            throw SeaIceError.configuration("NERSC noise removal needs the coefficient file (denoising_parameters.json)")
        }
        stageCount = 2 + metas.count + (land == nil ? 0 : 1) + (configuration.incidenceCorrection == .none ? 0 : 1)
            + (auxiliary.isRequested ? 1 : 0)
        lap("read metadata")
        var ipfUsed: [Polarisation: Double] = [:]
        func channel(_ m: BandMetadata) throws -> MultilookedChannel {
            var coeff: NERSCCoefficients?
            if c.noise == .nersc, let table = coefficients {
                coeff = table.coefficients(mission: m.annotation.mission, mode: m.annotation.mode, polarisation: m.polarisation,
                                           ipf: product.ipfVersion, logger: logger)
                if coeff == nil, m.polarisation.isCrossPolarised {
                    throw SeaIceError.invalidInput(file: table.file, item: "\(m.annotation.mission) \(m.annotation.mode.rawValue) \(m.polarisation.rawValue)",
                                                   expected: "NERSC coefficients for this mission, mode and polarisation (none for any IPF version)")
                }
                if let coeff { ipfUsed[m.polarisation] = coeff.ipfUsed }
            }
            let ch = try ChannelProcessor.process(m, configuration: c, coefficients: coeff, decibels: true, logger: logger)
            lap("calibrate+denoise+multilook+dB \(m.polarisation.rawValue)")
            return ch
        }
        let p = try channel(primary)
        let s = try secondary.map(channel)
        var primaryDB = p.sigma0
        var secondaryDB = s?.sigma0
        let grid = try Sentinel1GeolocationGrid(points: first.geolocation, file: primary.files.annotation)
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
            productName: product.productName, mission: first.mission, mode: first.mode, ipfVersion: product.ipfVersion,
            pixelSpacing: c.pixelSize, factor: p.factor, width: p.width, height: p.height,
            primaryPolarisation: primary.polarisation, primaryDB: primaryDB,
            secondaryPolarisation: secondary?.polarisation, secondaryDB: secondaryDB,
            incidence: geo.incidence, latitude: geo.latitude, longitude: geo.longitude,
            distanceToLandKm: distance, landMask: mask, tiePoints: ties, configuration: c,
            appliedSlopes: slopes, nerscIPFUsed: ipfUsed, stageTimings: stages)
        scene.simulationMarkers = product.simulationMarkers
        if auxiliary.isRequested {
            scene.auxiliary = try auxiliary.fields(for: scene, logger: logger)
            lap("AMSR2/ERA5 on the 2 km grid")
            scene.stageTimings = stages
        }
        return scene
    }
}

#if canImport(Glibc)
import Glibc
#endif
