import Foundation
import Logging
import SeaIceCharts
import SeaIceCore
import SeaIceNetCDF

/// Options of the raw → ready-to-train conversion (defaults reproduce the released files).
public struct ReadyConversionOptions: Codable, Sendable, Equatable {
    /// Standard-scaling statistics (the challenge's official global ones by default).
    public var statistics: AI4ArcticStatistics = .official
    /// Egg code → SIC/SOD/FLOE conversion (reference mode reproduces the released labels).
    public var chartConverter = EggCodeConverter()
    /// Ready-to-train rows converted per block (memory: ≈ 2·rowBlock·samples·4 B per variable at 40 m).
    public var rowBlock: Int = 256
    /// zlib level of the full-grid output variables (nil = uncompressed).
    public var compression: Int? = 1

    /// The organisers' conversion.
    public init() {}
}

/// Converts one raw AI4Arctic scene (40 m) into its ready-to-train file (80 m), as the organisers made them.
///
/// - SAR HH/HV, incidence angle, distance map: 2 × 2 block mean (`BlockReduction.mean`; a partial edge block
///   averages the pixels it has), then standard scaling z = (x − μ)/σ with `options.statistics`, then NaN → 0.
/// - Labels: `polygon_icechart` ids → SIC/SOD/FLOE per polygon through SeaIceCharts' `EggCodeConverter`
///   (no polygon, NaN or an id missing from `polygon_codes` → 255), then 2 × 2 block max (255 wins), then
///   masked (255) wherever the reduced HH is NaN (no SAR data).
/// - 2 km AMSR2/ERA5: same grid, float64 → float32, standard-scaled, NaN → 0.
/// - Geolocation: the 441 raw tie points reshaped line-major to the 21 × 21 `sar_grid2d_latitude/longitude`.
/// - Global attributes `scene_id` (the ready name), `original_id` (the raw name), `ice_service`,
///   `flip` = 0 (this converter never flips) and `pixel_spacing` = 80.
/// The output is written block by block to a temporary file renamed at the end (`AtomicOutput`).
public struct ReadyConverter: Sendable {
    /// Conversion options.
    public let options: ReadyConversionOptions
    /// Where progress and decisions are logged.
    public let logger: Logger

    /// A converter.
    public init(options: ReadyConversionOptions = .init(), logger: Logger = Logger(label: "seaice.ai4arctic.convert")) {
        self.options = options
        self.logger = logger
    }

    /// Converts `raw` into `outputDirectory/<ready name>`; `progress` receives the fraction done (0 … 1).
    /// - Returns: the written file.
    @discardableResult
    public func convert(raw: URL, outputDirectory: URL, progress: (Double) -> Void = { _ in }) throws -> URL {
        let name = try AI4ArcticNaming.parseRaw(raw.lastPathComponent, path: raw.path)
        let input = try AI4ArcticFile.open(raw, expecting: .raw)
        defer { try? input.close() }
        let stats = options.statistics
        for v in AI4ArcticSchema.fullGridInputs + AI4ArcticSchema.twoKmVariables { _ = try stats.stats(for: v) }
        let hasChart = input.has(AI4ArcticSchema.Name.polygonIcechart)
        let lookup = hasChart ? try polygonLabels(input) : [:]
        let tie = try input.tiePointGrid()
        let outGeometry = input.geometry.reduced(by: 2)
        let destination = outputDirectory.appendingPathComponent(name.readyName)
        let attributes = ReadyAttributes(sceneID: name.readyName, originalID: name.fileName, iceService: name.iceService,
                                         flip: 0, pixelSpacing: outGeometry.pixelSpacing)
        logger.debug("converting \(name.fileName) (\(input.geometry.lines) × \(input.geometry.samples)) → \(name.readyName)")
        try AtomicOutput.write(to: destination) { tmp in
            let out = try AI4ArcticWriter.create(
                tmp, layout: .init(version: .readyToTrain, geometry: outGeometry, chartRows: hasChart ? 1 : nil,
                                   compression: options.compression),
                globalAttributes: AI4ArcticWriter.readyGlobalAttributes(attributes))
            try out.write(tie.latitude, variable: AI4ArcticSchema.Name.grid2DLatitude)
            try out.write(tie.longitude, variable: AI4ArcticSchema.Name.grid2DLongitude)
            for v in AI4ArcticSchema.twoKmVariables {
                let s = try stats.stats(for: v)
                let values = try input.readDoubles(v).map { Self.scaled($0, s) }
                try out.write(values, variable: v)
            }
            let blocks = stride(from: 0, to: outGeometry.lines, by: options.rowBlock).map { $0 }
            for (b, r0) in blocks.enumerated() {
                let rows = min(options.rowBlock, outGeometry.lines - r0)
                try convertBlock(input, out, outRow: r0, outRows: rows, lookup: hasChart ? lookup : nil)
                progress(Double(b + 1) / Double(blocks.count))
            }
            try out.close()
        }
        return destination
    }

    /// z = (x − μ)/σ with NaN → 0, as Float32.
    @inline(__always)
    static func scaled(_ x: Double, _ s: MeanStd) -> Float {
        let z = Float(s.scale(x))
        return z.isNaN ? 0 : z
    }

    /// Per-polygon labels from the `polygon_codes` table, keyed by polygon id.
    func polygonLabels(_ input: AI4ArcticFile) throws -> [Int: ChartLabels] {
        let table = try PolygonCodeTable(rows: input.polygonCodes(), file: input.path)
        var lookup: [Int: ChartLabels] = [:]
        for entry in table.entries { lookup[entry.id] = options.chartConverter.labels(for: entry.code) }
        return lookup
    }

    /// Converts ready rows `outRow ..< outRow + outRows` (raw rows 2·outRow ..< 2·(outRow + outRows), clipped).
    func convertBlock(_ input: AI4ArcticFile, _ out: NetCDFFile, outRow: Int, outRows: Int, lookup: [Int: ChartLabels]?) throws {
        let g = input.geometry
        let rawRow = 2 * outRow, rawRows = min(2 * outRows, g.lines - rawRow)
        let window = GridWindow(row: rawRow, col: 0, rows: rawRows, cols: g.samples)
        let outCols = BlockReduction.reducedExtent(g.samples, 2)
        let start = [outRow, 0], count = [outRows, outCols]
        var sarMissing = [Bool]()
        for v in AI4ArcticSchema.fullGridInputs {
            let reduced = BlockReduction.mean(try input.readFloats(v, window: window), rows: rawRows, cols: g.samples, factor: 2)
            if v == AI4ArcticSchema.Name.sarPrimary { sarMissing = reduced.map(\.isNaN) }
            let s = try options.statistics.stats(for: v)
            try out.write(reduced.map { Self.scaled(Double($0), s) }, variable: v, start: start, count: count)
        }
        guard let lookup else { return }
        let ids = try input.readFloats(AI4ArcticSchema.Name.polygonIcechart, window: window)
        let masked = ChartLabels(sic: 255, sod: 255, floe: 255)
        var sic = [UInt8](repeating: 255, count: ids.count), sod = sic, floe = sic
        for (i, id) in ids.enumerated() where id.isFinite && id == id.rounded() && abs(id) < 1e9 {
            let l = lookup[Int(id)] ?? masked
            sic[i] = l.sic; sod[i] = l.sod; floe[i] = l.floe
        }
        for (v, labels) in [(AI4ArcticSchema.Name.sic, sic), (AI4ArcticSchema.Name.sod, sod), (AI4ArcticSchema.Name.floe, floe)] {
            var reduced = BlockReduction.max(labels, rows: rawRows, cols: g.samples, factor: 2)
            for i in reduced.indices where sarMissing[i] { reduced[i] = AI4ArcticSchema.labelFill }
            try out.write(reduced, variable: v, start: start, count: count)
        }
    }
}
