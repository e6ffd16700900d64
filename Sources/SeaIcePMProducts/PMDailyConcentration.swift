import Foundation
import Logging
import SeaIceAuxiliary
import SeaIceCore
import SeaIceNetCDF
import SeaIcePassiveMicrowave
import SeaIcePolarGrids

/// One day of passive-microwave concentration on an NSIDC north grid: what the product files hold.
///
/// Arrays are row-major over `grid` (row 0 north). Concentration and uncertainty are fractions 0…1, NaN where
/// `status` is not nominal or weather-filtered.
public struct PMDailyConcentration: Sendable {
    /// The grid.
    public var grid: PolarStereographicGrid
    /// The day (00:00 UTC).
    public var day: Date
    /// Total ice concentration, fraction.
    public var concentration: [Float]
    /// One standard uncertainty, fraction (NaN where the algorithm gives none).
    public var uncertainty: [Float]
    /// `PMStatusFlag` codes.
    public var status: [UInt8]
    /// The algorithm's name and documentation.
    public var algorithm: String, algorithmDocumentation: String
    /// Whether any input was simulated.
    public var simulated: Bool
    /// Input file names.
    public var inputs: [String]
    /// What the physical-range screen masked (swath samples for swaths, cells for gridded files).
    public var screen: BrightnessTemperatureScreen

    /// Number of cells with each status.
    public var statusCounts: [PMStatusFlag: Int] {
        var c: [PMStatusFlag: Int] = [:]
        for s in status { if let f = PMStatusFlag(rawValue: s) { c[f, default: 0] += 1 } }
        return c
    }
}

/// Typed choices of the daily product.
public struct PMConcentrationConfiguration: Codable, Sendable, Equatable {
    /// Swath resampling (ignored for gridded inputs).
    public var resampling = GridResamplingConfiguration()
    /// Which NSIDC pole hole to mask (default none: AMSR2 observes to about 89.5° N).
    public var poleHole: NSIDCMasks.PoleHole = .none
    /// The defaults.
    public init() {}
}

/// Builds a `PMDailyConcentration` from AMSR2 swaths or NSIDC-0802-style gridded TB files.
public struct PMConcentrationPipeline: Sendable {
    /// The grid.
    public var grid: PolarStereographicGrid
    /// The algorithm and weather filter.
    public var method: PMRetrievalMethod
    /// The masks (on `grid`).
    public var masks: NSIDCMasks
    /// Choices.
    public var configuration: PMConcentrationConfiguration
    /// Threads for gridding.
    public var threads: Int

    /// A pipeline; `masks` must be on `grid`.
    public init(grid: PolarStereographicGrid, method: PMRetrievalMethod, masks: NSIDCMasks,
                configuration: PMConcentrationConfiguration, threads: Int = 1) {
        precondition(masks.grid == grid, "masks on \(masks.grid.name), grid \(grid.name)")
        self.grid = grid
        self.method = method
        self.masks = masks
        self.configuration = configuration
        self.threads = threads
    }

    /// The day `day` from `inputs`: all AMSR2 swath files (gridded together) or one gridded TB file.
    /// - Throws: `SeaIceError` naming the file: channels the algorithm needs missing (all listed), a gridded
    ///   file on another grid or day, mixed input kinds, and — an empty day — no cell observed on the grid
    ///   (no file is written then: a missing day must stay missing, not become 0 %).
    public func run(inputs: [URL], day: Date, logger: Logger) throws -> PMDailyConcentration {
        precondition(!inputs.isEmpty, "no input")
        let required = method.requiredChannels
        // One probe per input (kind and simulated marker), each file opened once here.
        let probes = try inputs.map { try NetCDFFileProbe($0) }
        let gridded = probes.map(\.isGridded)
        var tb: GriddedBrightnessTemperatures
        var screen: BrightnessTemperatureScreen
        if gridded.allSatisfy({ $0 }) {
            guard inputs.count == 1 else {
                throw SeaIceError.invalidInput(file: inputs[1].path, item: "input", expected: "one gridded TB file per day (got \(inputs.count))")
            }
            tb = try BrightnessTemperatureGridFile.read(inputs[0])
            let missing = required.filter { tb.channels[$0] == nil }
            if !missing.isEmpty {
                throw SeaIceError.missing(file: inputs[0].path, item: "channels " + missing.map(\.gridVariableName).joined(separator: ", ")
                                          + " (needed by \(method.name))")
            }
            guard tb.grid == grid else {
                throw SeaIceError.invalidInput(file: inputs[0].path, item: "grid \(tb.grid.name) \(tb.grid.crs)",
                                               expected: "\(grid.name) \(grid.crs) as requested (regridding gridded files is not supported)")
            }
            guard tb.day == day else {
                throw SeaIceError.invalidInput(file: inputs[0].path, item: "variable `time` (\(UTCTimestamp.string(tb.day)))",
                                               expected: "the requested day \(UTCTimestamp.string(day))")
            }
            screen = BrightnessTemperatureScreen()
            for c in required { screen.screen(&tb.channels[c]!, channel: c) }
        } else if gridded.allSatisfy({ !$0 }) {
            let simulated = zip(inputs, probes).contains { $0.lastPathComponent.contains("_SIMU") || $1.simulated }
            let swaths = try inputs.map { try AMSR2Reader(url: $0).swath(channels: required) }
            let gridder = SwathGridder(grid: grid, configuration: configuration.resampling, threads: threads)
            let result = try gridder.grid(swaths, channels: required, day: day, simulated: simulated)
            tb = result.tb
            screen = result.screen
            logger.info("gridded \(swaths.count) swaths: \(result.samplesOnGrid) samples on \(grid.name)")
        } else {
            throw SeaIceError.invalidInput(file: inputs[gridded.firstIndex(of: true)!].path, item: "input kind",
                                           expected: "either AMSR2 swath files or one gridded TB file, not both")
        }
        for line in screen.summary { logger.warning("masked brightness temperatures: \(line)") }
        return try retrieve(tb, screen: screen, inputs: inputs.map(\.lastPathComponent))
    }

    /// Runs the method on every observed ocean cell of `tb` (already screened): land and pole hole first, then
    /// no observation (no channel seen), then invalid brightness temperatures (a required channel NaN after the
    /// screen), weather-filtered (0 %) and nominal; a non-finite retrieval is `retrievalFailed`.
    public func retrieve(_ tb: GriddedBrightnessTemperatures, screen: BrightnessTemperatureScreen, inputs: [String]) throws
        -> PMDailyConcentration
    {
        let required = method.requiredChannels
        let planes = required.map { tb.channels[$0]! }
        let others = tb.channels.filter { !required.contains($0.key) }.map(\.value)
        let n = grid.count
        var conc = [Float](repeating: .nan, count: n), unc = conc
        var status = [UInt8](repeating: PMStatusFlag.noObservation.rawValue, count: n)
        var observed = 0
        var values = BrightnessTemperatures(minimumCapacity: required.count)
        for i in 0..<n {
            if masks.land[i] { status[i] = PMStatusFlag.land.rawValue; continue }
            if masks.poleHole[i] { status[i] = PMStatusFlag.poleHole.rawValue; continue }
            var anyValid = false, anyNaN = false
            for (k, c) in required.enumerated() {
                let v = planes[k][i]
                values[c] = Double(v)
                if v.isNaN { anyNaN = true } else { anyValid = true }
            }
            let seen = anyValid || others.contains { !$0[i].isNaN }
            if !seen { continue }
            observed += 1
            if anyNaN { status[i] = PMStatusFlag.invalidBrightnessTemperature.rawValue; continue }
            let e = method.algorithm.estimate(values, filter: method.filter)
            if e.flags.contains(.invalidInput) || !e.concentration.isFinite {
                status[i] = PMStatusFlag.retrievalFailed.rawValue
                continue
            }
            status[i] = (e.flags.contains(.weatherFiltered) ? PMStatusFlag.weatherFiltered : .nominal).rawValue
            conc[i] = Float(e.concentration)
            unc[i] = Float(e.uncertainty)
        }
        guard observed > 0 else {
            throw SeaIceError.invalidInput(
                file: inputs.joined(separator: ", "), item: "observations on \(grid.name)",
                expected: "at least one observed ocean cell on \(UTCTimestamp.string(tb.day)) (empty day: the swaths do not reach "
                    + "the grid; no file is written)")
        }
        return PMDailyConcentration(grid: grid, day: tb.day, concentration: conc, uncertainty: unc, status: status,
                                    algorithm: method.name, algorithmDocumentation: method.documentation,
                                    simulated: tb.simulated, inputs: inputs, screen: screen)
    }

}

/// What the pipeline needs to know about an input before reading it: whether it is a gridded TB file, not an
/// AMSR2 swath, and whether it is marked simulated (a `_SIMU` name counts too, checked by the caller).
struct NetCDFFileProbe {
    /// Whether it holds NSIDC-0802-style `TB_*` variables.
    let isGridded: Bool
    /// Whether a global attribute marks it simulated.
    let simulated: Bool

    init(_ url: URL) throws {
        let f = try NetCDFFile.open(url)
        defer { try? f.close() }
        isGridded = f.variableNames.contains { $0.hasPrefix("TB_") }
        simulated = try !SimulationMarkers.markers(of: f).isEmpty
    }
}
