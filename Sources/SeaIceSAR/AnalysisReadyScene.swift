/// A SAR scene (Sentinel-1 or RCM) ready for the models: calibrated, denoised, multilooked backscatter in dB on one grid,
/// with incidence angle, geolocation and land information at every pixel.
///
/// All grids are row-major (line, sample) = (`height`, `width`), the AI4Arctic `(sar_lines, sar_samples)` layout.
public struct AnalysisReadyScene: Sendable {
    /// The product identifier, e.g. `S1A_EW_GRDM_1SDH_20221130T014342_…_BB15`.
    public var productName: String
    /// Mission, e.g. "S1A", "RCM-2".
    public var mission: String
    /// Acquisition mode, e.g. "EW", "IW" (Sentinel-1), "SC50M", "16M" (RCM beam mode mnemonic).
    public var mode: String
    /// Processor version of the product (Sentinel-1 IPF, RCM PGS).
    public var ipfVersion: Double
    /// Output pixel size, metres.
    public var pixelSpacing: Double
    /// Full-resolution pixels per output pixel along each axis.
    public var factor: Int
    /// Grid width (samples) and height (lines) of every full-grid field.
    public var width: Int
    /// Grid height (lines).
    public var height: Int
    /// Co-polarised channel (HH or VV) and its σ⁰ in dB.
    public var primaryPolarisation: Polarisation
    /// Co-polarised σ⁰, dB, (height, width) row-major; NaN = no data.
    public var primaryDB: [Float]
    /// Cross-polarised channel (HV or VH) and its σ⁰ in dB, nil for single-pol products.
    public var secondaryPolarisation: Polarisation?
    /// Cross-polarised σ⁰, dB, (height, width) row-major; NaN = no data.
    public var secondaryDB: [Float]?
    /// Incidence angle, degrees, at every pixel.
    public var incidence: [Float]
    /// Latitude and longitude, degrees, at every pixel.
    public var latitude: [Float]
    /// Longitude, degrees east in [−180, 180).
    public var longitude: [Float]
    /// Distance to land, km (0 over land), and land flag (1 = land); nil when no land data were given.
    public var distanceToLandKm: [Float]?
    /// Land flag per pixel (1 = land, 0 = sea).
    public var landMask: [UInt8]?
    /// 21 × 21 tie points (the annotation's grid resampled, as AI4Arctic raw files have), line and pixel in
    /// output-grid coordinates (full-resolution / factor).
    public var tiePoints: [GeolocationPoint]
    /// The configuration that produced it.
    public var configuration: PreprocessConfiguration
    /// Incidence slopes applied per channel (dB/°), empty when none.
    public var appliedSlopes: [Polarisation: Double]
    /// NERSC coefficients used per channel, with the IPF version they belong to.
    public var nerscIPFUsed: [Polarisation: Double]
    /// Wall-clock and process CPU seconds per stage, in order.
    public var stageTimings: [StageTiming]
    /// AMSR2 and ERA5 fields on the 2 km grid (`AuxiliaryInputs`), nil when none were given.
    public var auxiliary: AuxiliaryFields? = nil
    /// The product's simulation markers (`SAFEProduct.simulationMarkers`); non-empty means the pixels are simulated
    /// and every file written from the scene must say so.
    public var simulationMarkers: [String] = []
    /// The platform, as the written files name it (default Sentinel-1).
    public var sensor: SARSensor = .sentinel1

    /// A scene from its fields (see each property for units and layouts).
    public init(
        productName: String, mission: String, mode: String, ipfVersion: Double, pixelSpacing: Double, factor: Int,
        width: Int, height: Int, primaryPolarisation: Polarisation, primaryDB: [Float],
        secondaryPolarisation: Polarisation?, secondaryDB: [Float]?, incidence: [Float], latitude: [Float],
        longitude: [Float], distanceToLandKm: [Float]?, landMask: [UInt8]?, tiePoints: [GeolocationPoint],
        configuration: PreprocessConfiguration, appliedSlopes: [Polarisation: Double],
        nerscIPFUsed: [Polarisation: Double], stageTimings: [StageTiming]
    ) {
        self.productName = productName; self.mission = mission; self.mode = mode; self.ipfVersion = ipfVersion
        self.pixelSpacing = pixelSpacing; self.factor = factor; self.width = width; self.height = height
        self.primaryPolarisation = primaryPolarisation; self.primaryDB = primaryDB
        self.secondaryPolarisation = secondaryPolarisation; self.secondaryDB = secondaryDB
        self.incidence = incidence; self.latitude = latitude; self.longitude = longitude
        self.distanceToLandKm = distanceToLandKm; self.landMask = landMask; self.tiePoints = tiePoints
        self.configuration = configuration; self.appliedSlopes = appliedSlopes; self.nerscIPFUsed = nerscIPFUsed
        self.stageTimings = stageTimings
    }
}

/// Time spent in one processing stage.
public struct StageTiming: Sendable {
    /// Stage name.
    public var name: String
    /// Elapsed wall-clock seconds.
    public var wall: Double
    /// Process CPU seconds (all threads, user + system).
    public var cpu: Double

    /// A timing record.
    public init(name: String, wall: Double, cpu: Double) { self.name = name; self.wall = wall; self.cpu = cpu }

    /// Process CPU time so far, seconds (`CLOCK_PROCESS_CPUTIME_ID`).
    public static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}

#if canImport(Glibc)
import Glibc
#endif
import SeaIceAuxiliary
