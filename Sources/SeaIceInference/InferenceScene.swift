import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceNetCDF
import SeaIceSampling

/// A ready-to-train scene prepared for whole-scene prediction: the downscaled inputs the network
/// needs (as a `DownscaledScene` whose labels are all 255: labels are never read here),
/// where the SAR is valid, and what is needed to write products on the 80 m grid.
public struct InferenceScene: Sendable {
    /// The source file.
    public let url: URL
    /// Scene id (`scene_id` attribute, e.g. `20180124T194759_dmi_prep.nc`).
    public let sceneID: String
    /// The downscaled scene (factor, downsampling and channels of the checkpoint).
    public let scene: DownscaledScene
    /// Downscaled validity: false where both SAR channels are exactly 0 (NaN in the original,
    /// set to 0 by the ready-to-train conversion: outside the swath).
    public let valid: [Bool]
    /// Whether the file's global attributes mark it as simulated (`simulated` attribute).
    public var simulated: Bool
    /// Non-finite 80 m values (NaN, ±∞) per input variable that had any, read as 0 (a missing pixel,
    /// as the raw → ready conversion writes it: `NonFiniteValues`).
    public var nonFiniteValues: [String: Int] = [:]

    /// A one-line account of `nonFiniteValues` ("FILE: 12 NaN/±∞ input values read as missing
    /// (nersc_sar_primary 12)"), nil when none.
    public var nonFiniteSummary: String? {
        guard !nonFiniteValues.isEmpty else { return nil }
        let total = nonFiniteValues.values.reduce(0, +)
        let each = nonFiniteValues.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(url.path): \(total) NaN/±∞ input values read as missing (\(each))"
    }

    /// The acquisition interval (UTC): start and stop from the Sentinel-1 product id that begins the
    /// `original_id` (the raw AI4Arctic file name), else the start that begins `scene_id`; nil when neither
    /// follows the naming rule.
    public var acquisition: DateInterval?

    /// Reads `url` (ready-to-train) and downscales what `configuration`'s channels need, `rowBlock`
    /// downscaled rows at a time (never the whole 80 m array of a variable in memory).
    ///
    /// Non-finite inputs are read as 0 (missing) and counted in `nonFiniteValues`, so a ready file and the raw
    /// file it came from mask the same pixels.
    ///
    /// - Throws: `SeaIceError.missing` listing every variable the channels need that the file lacks;
    ///   `.invalidInput` naming the file and the SAR variables when no pixel has valid SAR (every value 0, NaN
    ///   or ±∞): such a scene has nothing to map.
    public static func load(_ url: URL, configuration: SamplerConfiguration, rowBlock: Int = 64) throws -> InferenceScene {
        let N = AI4ArcticSchema.Name.self
        var fullNames: [String] = [], twoKmNames: [String] = []
        for c in configuration.channels {
            switch c {
            case let .fullGrid(n): if !fullNames.contains(n) { fullNames.append(n) }
            case let .twoKm(n): if !twoKmNames.contains(n) { twoKmNames.append(n) }
            case .time, .latitude, .longitude: break
            }
        }
        let sarNames = [N.sarPrimary, N.sarSecondary]
        let readNames = fullNames + sarNames.filter { !fullNames.contains($0) }
        try checkVariables(readNames + twoKmNames, in: url)
        let file = try AI4ArcticFile.open(url, expecting: .readyToTrain)
        defer { try? file.close() }
        let attributes = try file.readyAttributes()
        let f = configuration.downscaleFactor, g = file.geometry
        var full = Dictionary(uniqueKeysWithValues: readNames.map { ($0, [Float]()) })
        var nonFinite: [String: Int] = [:]
        let step = f * max(rowBlock, 1)
        for r0 in stride(from: 0, to: g.lines, by: step) {
            let w = GridWindow(row: r0, col: 0, rows: min(step, g.lines - r0), cols: g.samples)
            for n in readNames {
                var v = try file.readFloats(n, window: w)
                let bad = NonFiniteValues.toZero(&v)
                if bad > 0 { nonFinite[n, default: 0] += bad }
                full[n]! += configuration.downsampling == .nearest
                    ? BlockReduction.nearest(v, rows: w.rows, cols: w.cols, factor: f)
                    : BlockReduction.mean(v, rows: w.rows, cols: w.cols, factor: f)
            }
        }
        let count = BlockReduction.reducedExtent(g.lines, f) * BlockReduction.reducedExtent(g.samples, f)
        // Labels are not read: prediction does not need them and validation scores at 80 m from the file.
        let labels = [[UInt8]](repeating: [UInt8](repeating: 255, count: count), count: 3)
        let primary = full[N.sarPrimary]!, secondary = full[N.sarSecondary]!
        let valid = (0..<count).map { primary[$0] != 0 || secondary[$0] != 0 }
        guard valid.contains(true) else {
            let counts = sarNames.map { "\($0) \(nonFinite[$0] ?? 0)" }.joined(separator: ", ")
            throw SeaIceError.invalidInput(
                file: url.path, item: "variables `\(N.sarPrimary)`, `\(N.sarSecondary)`",
                expected: "some pixel with valid SAR; every one of the \(g.lines * g.samples) pixels is 0, NaN or ±∞ "
                    + "in both (NaN/±∞ values: \(counts))")
        }
        for n in sarNames where !fullNames.contains(n) { full[n] = nil }
        var twoKm: [String: [Float]] = [:]
        for n in twoKmNames { twoKm[n] = try file.readFloats(n) }
        let scene = DownscaledScene(
            sceneID: attributes.sceneID, month: try AI4ArcticNaming.month(ofSceneID: attributes.sceneID),
            geometry: g, factor: f, downsampling: configuration.downsampling, fullGrid: full, labels: labels,
            twoKm: twoKm, tiePoints: try file.tiePointGrid())
        let original = try file.globalAttributes()[AI4ArcticNaming.ReadyAttribute.originalID]?.text
        let acquisition = original.flatMap(AcquisitionTime.interval(ofProductID:))
            ?? AcquisitionTime.interval(ofSceneID: attributes.sceneID)
        return InferenceScene(url: url, sceneID: attributes.sceneID, scene: scene, valid: valid,
                              simulated: try isSimulated(file), nonFiniteValues: nonFinite, acquisition: acquisition)
    }

    /// Throws `SeaIceError.missing` listing every one of `names` that the netCDF file lacks
    /// (checked before the schema, so that all missing inputs are named at once).
    static func checkVariables(_ names: [String], in url: URL) throws {
        let nc = try NetCDFFile.open(url)
        let present = Set(nc.variableNames)
        try nc.close()
        let missing = names.filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw SeaIceError.missing(file: url.path, item: "variables \(missing.map { "`\($0)`" }.joined(separator: ", ")) (needed by the checkpoint's input channels)")
        }
    }

    /// Whether a global attribute marks the file as simulated (`SimulationMarkers`), or the ready-to-train `original_id` is a product id
    /// of the SeaIceKit simulator (which ends its ids in `SIMU`; the raw → ready conversion keeps the
    /// id but not the attribute).
    static func isSimulated(_ file: AI4ArcticFile) throws -> Bool {
        let attributes = try file.globalAttributes()
        if let original = attributes[AI4ArcticNaming.ReadyAttribute.originalID]?.text, original.contains("_SIMU") { return true }
        return try !SimulationMarkers.markers(of: file.netCDF).isEmpty
    }

    /// Whether the AI4Arctic file at `url` (raw or ready-to-train) is marked simulated.
    public static func isSimulated(_ url: URL) throws -> Bool {
        let file = try AI4ArcticFile.open(url)
        defer { try? file.close() }
        return try isSimulated(file)
    }
}
