import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF

/// A Sentinel-1 scene prepared for the sea-ice-cover system (`../shared/specs/seaice-cover.md`, §Preprocessing):
/// calibrated, noise-removed HH and HV of an analysis-ready scene (`seaice preprocess` output or an AI4Arctic
/// raw file, `nersc_sar_primary`/`nersc_sar_secondary` in dB), block-averaged in linear units to `pixelSize`
/// (10 × 10 from 40 m gives the paper's 400 m), land from `distance_map` (0 km = land, GSHHG in
/// `seaice preprocess`) and HH brought to a reference incidence angle by the scene's own regression
/// (`IncidenceCorrection`, fitted on the sea pixels). Arrays are row-major `lines × samples`.
public struct CoverScene: Sendable {
    /// Size at `pixelSize`.
    public let lines: Int, samples: Int
    /// Pixel size, m.
    public let pixelSize: Int
    /// σ⁰ HH after the incidence correction and σ⁰ HV, linear (NaN where no data).
    public let hh: [Float], hv: [Float]
    /// Incidence angle at each pixel centre, degrees.
    public let incidence: [Float]
    /// Latitude (°N) and longitude (°E) of each pixel centre, from the scene's tie points.
    public let latitude: [Float], longitude: [Float]
    /// Land pixels (any land in the block).
    public let land: [Bool]
    /// The fitted HH correction (recorded with every product).
    public let correction: IncidenceCorrection
    /// Ice labels at `pixelSize` (0 water, 1 ice, 255 unknown or land) and where they come from; nil when
    /// loaded without a label source.
    public let label: [UInt8]?, labelSource: CoverLabelSource?
    /// Whether the source scene is marked simulated.
    public let simulated: Bool
    /// Mean ERA5 10 m wind speed over the scene, m s⁻¹ (from `u10m_rotated`/`v10m_rotated`; nil without them).
    public var windSpeed: Double? = nil

    /// Reads and prepares `url`.
    /// - Throws: `SeaIceError` naming the file and variable when a variable is missing or malformed, when
    ///   `pixelSize` is not a multiple of the file's pixel spacing, or when too few sea pixels remain to fit the
    ///   incidence correction.
    public static func load(_ url: URL, pixelSize: Int = 400, referenceDegrees: Double? = nil,
                            labels: CoverLabelSource? = nil) throws -> CoverScene {
        let names = AI4ArcticSchema.Name.self
        do {  // before the schema check, which would only say the variable is missing
            let nc = try NetCDFFile.open(url)
            defer { try? nc.close() }
            guard nc.hasVariable(names.sarSecondary) else {
                throw SeaIceError.missing(file: url.path, item: "variable `\(names.sarSecondary)` (HV): the sea-ice-cover composite needs "
                                              + "a dual-polarisation HH + HV scene; single-polarisation (HH-only) products cannot be mapped")
            }
        }
        let file = try AI4ArcticFile.open(url)
        defer { try? file.close() }
        let g = file.geometry
        guard pixelSize > 0, pixelSize % g.pixelSpacing == 0 else {
            throw SeaIceError.invalidInput(file: url.path, item: "pixel spacing \(g.pixelSpacing) m",
                                           expected: "a divisor of the requested \(pixelSize) m pixel size")
        }
        let f = pixelSize / g.pixelSpacing
        func linear(_ name: String) throws -> [Float] {
            try file.readFloats(name).map { $0.isFinite ? Float(pow(10, Double($0) / 10)) : .nan }
        }
        let hhFull = try linear(names.sarPrimary), hvFull = try linear(names.sarSecondary)
        let landFull: [UInt8] = try file.readFloats(names.distanceMap).map { $0.isFinite && $0 <= 0 ? 1 : 0 }
        let lines = BlockReduction.reducedExtent(g.lines, f), samples = BlockReduction.reducedExtent(g.samples, f)
        let hhDB = BlockReduction.mean(hhFull, rows: g.lines, cols: g.samples, factor: f).map { 10 * log10($0) }
        let hv = BlockReduction.mean(hvFull, rows: g.lines, cols: g.samples, factor: f)
        let land = BlockReduction.max(landFull, rows: g.lines, cols: g.samples, factor: f).map { $0 != 0 }
        let tie = try file.tiePointGrid()
        guard tie.incidenceAngle != nil else {
            throw SeaIceError.missing(file: url.path, item: "variable `\(names.gridIncidenceAngle)` (the incidence correction needs it)")
        }
        var incidence = [Float](repeating: .nan, count: lines * samples), latitude = incidence, longitude = incidence
        for i in 0..<lines {
            let line = min(Double(i * f) + Double(min(f, g.lines - i * f)) / 2 - 0.5, Double(g.lines - 1))
            for j in 0..<samples {
                let sample = min(Double(j * f) + Double(min(f, g.samples - j * f)) / 2 - 0.5, Double(g.samples - 1))
                incidence[i * samples + j] = Float(tie.incidenceAngle(line: line, sample: sample) ?? .nan)
                latitude[i * samples + j] = Float(tie.latitude(line: line, sample: sample))
                longitude[i * samples + j] = Float(tie.longitude(line: line, sample: sample))
            }
        }
        let sea = land.map { !$0 }
        let seaWithHH = zip(hhDB, sea).contains { $0.isFinite && $1 }
        // A scene without one sea pixel with finite HH (entirely land or no data) gets the identity correction
        // (count 0) and yields a product with Mask set and no cover.
        let correction = seaWithHH
            ? try IncidenceCorrection.fit(hhDB: hhDB, incidence: incidence, use: sea, referenceDegrees: referenceDegrees, source: url.path)
            : IncidenceCorrection(slope: 0, intercept: 0, referenceDegrees: referenceDegrees ?? 0, count: 0, rSquared: 0)
        let hh = correction.apply(hhDB: hhDB, incidence: incidence).map { $0.isFinite ? Float(pow(10, Double($0) / 10)) : .nan }
        let label = try labels.map { source in
            let reduced = CoverLabels.reduce(try CoverLabels.fullResolution(file, source: source),
                                             rows: g.lines, cols: g.samples, factor: f)
            return zip(reduced, land).map { $1 ? CoverLabels.unknown : $0 }
        }
        let simulated = !(try SimulationMarkers.markers(of: file.netCDF)).isEmpty
        var wind: Double?
        if file.has("u10m_rotated"), file.has("v10m_rotated") {
            let u = try file.readFloats("u10m_rotated"), v = try file.readFloats("v10m_rotated")
            guard u.count == v.count else {
                throw SeaIceError.invalidInput(file: url.path, item: "variables `u10m_rotated`, `v10m_rotated`", expected: "the same size")
            }
            var sum = 0.0, count = 0
            for (a, b) in zip(u, v) where a.isFinite && b.isFinite { sum += (Double(a * a + b * b)).squareRoot(); count += 1 }
            wind = count > 0 ? sum / Double(count) : nil
        }
        return CoverScene(lines: lines, samples: samples, pixelSize: pixelSize, hh: hh, hv: hv, incidence: incidence,
                          latitude: latitude, longitude: longitude, land: land, correction: correction, label: label,
                          labelSource: labels, simulated: simulated, windSpeed: wind)
    }

    /// The composite of the scene's sea pixels (land is left out of the stretch and drawn black).
    public func composite(_ configuration: CoverCompositeConfiguration = CoverCompositeConfiguration()) throws -> CoverComposite {
        let sea = zip(hh, land).map { $1 ? Float.nan : $0 }
        return try configuration.composite(hh: sea, hv: hv)
    }
}

/// What `seaice cover composite` records beside the picture (`<picture>.json`).
public struct CoverCompositeRecord: Codable, Sendable, Equatable {
    /// The scene file, the pixel size (m) and the grid size.
    public var scene: String, pixelSize: Int, lines: Int, samples: Int
    /// The fitted HH incidence correction.
    public var incidenceCorrection: IncidenceCorrection
    /// The thresholds, and the HV stretch (σ⁰ linear) this scene got.
    public var configuration: CoverCompositeConfiguration
    public var hvLow: Double, hvHigh: Double
}

extension CoverScene {
    /// Writes `composite` as an RGB PNG (`url`) and its record as `url` + ".json", together (both or neither).
    /// - Throws: `SeaIceError` naming the file when writing fails.
    public func write(_ composite: CoverComposite, configuration: CoverCompositeConfiguration, scene: URL, to url: URL) throws {
        let record = CoverCompositeRecord(scene: scene.lastPathComponent, pixelSize: pixelSize, lines: lines, samples: samples,
                                          incidenceCorrection: correction, configuration: configuration,
                                          hvLow: composite.hvLow, hvHigh: composite.hvHigh)
        let json = URL(fileURLWithPath: url.path + ".json")
        try AtomicOutput.writeTogether([url, json]) { urls in
            try PNGFile.write(composite.rgb, width: samples, height: lines, bands: 3, to: urls[0])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(record).write(to: urls[1])
        }
    }
}
