/// Typed configuration of Sentinel-1 GRD preprocessing (calibration, noise removal, multilooking, angle correction).
public struct PreprocessConfiguration: Codable, Sendable, Equatable {
    /// Thermal-noise removal method.
    public enum NoiseRemoval: String, Codable, Sendable, CaseIterable {
        /// No removal: σ⁰ = DN²/A².
        case none
        /// ESA: σ⁰ = (DN² − N)/A², N = range × azimuth noise (ESA MPC-0392).
        case esa
        /// NERSC: NESZ scaled and balanced per sub-swath (cross-pol) then texture-noise correction (Park et al. 2018/2019).
        case nersc
    }

    /// What happens to pixels whose multilooked denoised power is ≤ 0 (physically impossible, caused by noise over-estimation and speckle).
    public enum NegativePower: String, Codable, Sendable, CaseIterable {
        /// Set to `powerFloor` (−50 dB by default); keeps the pixel usable for models.
        case clampToFloor
        /// Set to NaN (no data).
        case nan
    }

    /// Incidence-angle normalisation of the dB output: dB' = dB − s·(θ − θ_ref).
    public enum IncidenceCorrection: String, Codable, Sendable, CaseIterable {
        /// Leave σ⁰ as is (AI4Arctic practice: the angle is a separate model input, seed 000).
        case none
        /// Fixed NERSC slopes: −0.2 dB/° co-pol, −0.025 dB/° cross-pol.
        case nersc
        /// Seed 002 (after Murashkin et al. 2018): the co-polarised channel only, dB' = dB − s·(e − e_ref) with s the
        /// least-squares slope of dB against the elevation angle e over valid sea pixels of this scene and e_ref the
        /// elevation where the incidence is `referenceIncidence`; the cross-polarised channel is left as is.
        case fitted
    }

    /// Output pixel size in metres; must be a whole multiple of the product's pixel spacing (EW GRDM: 40 m).
    public var pixelSize: Double = 80

    /// The smallest whole multiple of `spacing` (metres) that is at least `size` (metres).
    public static func pixelSize(atLeast size: Double, spacing: Double) -> Double {
        precondition(size > 0 && spacing > 0, "pixel size \(size) m and spacing \(spacing) m must be positive")
        return max(1, (size / spacing - 1e-9).rounded(.up)) * spacing
    }
    /// Thermal-noise removal method (default NERSC, as the AI4Arctic `nersc_sar_*` variables).
    public var noise: NoiseRemoval = .nersc
    /// Handling of multilooked powers ≤ 0.
    public var negativePower: NegativePower = .clampToFloor
    /// Floor for `.clampToFloor`, linear σ⁰ (1e-5 = −50 dB).
    public var powerFloor: Float = 1e-5
    /// Texture-noise correction: Gaussian σ in full-resolution pixels (NERSC `window` = 3).
    public var textureSigma: Double = 3
    /// Texture-noise correction weight (spec and Park et al. 2019: 0.1; sentinel1denoised HEAD defaults to 0.15).
    public var textureWeight: Float = 0.1
    /// Incidence-angle correction of the dB output (default none).
    public var incidenceCorrection: IncidenceCorrection = .none
    /// Reference incidence angle of the correction, degrees (NERSC: 34.5°).
    public var referenceIncidence: Double = 34.5
    /// Rows per processing block (bounded memory: a few blocks of full-width float rows per worker).
    public var blockRows: Int = 256
    /// Worker threads (0: one per active processor).
    public var workers: Int = 0

    /// The default configuration (80 m, NERSC noise removal, no angle correction).
    public init() {}
}
