/// One simulated Sentinel-1 EW scene with its chart, AMSR2 and ERA5, in AI4Arctic layout.
///
/// Full-grid arrays are row-major `lines × samples` (line = azimuth, sample = range); 2 km
/// arrays are row-major over `coarse`. SIMULATED DATA: nothing here was observed.
public struct SimulatedScene: Sendable {
    /// The seed and configuration that produced the scene.
    public let seed: UInt64, config: SimulationConfig
    /// Image size.
    public let lines: Int, samples: Int
    /// The real geometry template used.
    public let templateName: String
    /// Geometry stretched over the image.
    public let geometry: ScaledGeometry
    /// Month of the scene (1–12) and a simulated acquisition start (ISO 8601, UTC).
    public let month: Int, startTime: String
    /// Speckle looks used.
    public let enl: Double

    /// HH and HV σ⁰ after thermal noise and NERSC-style denoising, dB (what AI4Arctic stores).
    public var hhDB: [Float], hvDB: [Float]
    /// Noise-free HH and HV σ⁰ with speckle, dB (ground truth of the backscatter table).
    public var trueHHDB: [Float], trueHVDB: [Float]
    /// Incidence angle, degrees.
    public var incidence: [Float]
    /// Surface of each pixel (`SurfaceKind` raw values).
    public var surface: [UInt8]
    /// Index into `polygons` of each pixel.
    public var polygonIndex: [Int32]
    /// Chart polygons (ice/water from the chart, plus one land polygon when land is present).
    public var polygons: [SimulatedPolygon]
    /// Distance to land, km (0 on land).
    public var distanceKm: [Float]

    /// The 2 km grid.
    public let coarse: CoarseGrid
    /// AMSR2 brightness temperatures per channel (`AMSR2Channel` order), K.
    public var amsr2: [[Double]]
    /// ERA5-like weather.
    public var weather: WeatherFields
    /// Surface fractions per 2 km cell (the chart truth the AMSR2 was mixed from).
    public var fractions: AMSR2Simulator.CellFractions
    /// Degrees added to the real template's longitudes (a scene placed over the simulated world by a
    /// rotation about the pole; 0 = the real footprint). Written tie-point longitudes include it.
    public var longitudeShift: Double = 0
    /// SIMULATION TRUTH of world scenes: `WorldSurfaceClass` of each pixel (nil for the original simulator).
    public var truthSurfaceClass: [UInt8]? = nil
    /// SIMULATION TRUTH of world scenes: sea-ice concentration of each pixel, 0…1, NaN on land.
    public var truthConcentration: [Float]? = nil

    /// The simulated Sentinel-1 product id (ends in `SIMU` so it is never taken for a real one).
    public var productID: String {
        let compact = startTime.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "").prefix(15)
        let orbit = String(format6(Int(seed % 999_999)))
        return "S1A_EW_GRDM_1SDH_\(compact)_\(compact)_\(orbit)_\(orbit)_SIMU"
    }

    /// The simulated ice chart id, CIS style.
    public var chartID: String {
        let compact = startTime.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "").prefix(13)
        return "cis_SGRDISIM_\(compact)Z_pl_a"
    }

    /// The AI4Arctic raw file name: product id + `_icechart_` + chart id + `.nc`.
    public var rawFileName: String { "\(productID)_icechart_\(chartID).nc" }

    private func format6(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
