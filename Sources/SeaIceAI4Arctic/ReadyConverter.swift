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
    /// Row blocks of one file converted at the same time (netCDF calls stay serialised; pooling, chart lookup
    /// and scaling run in parallel). `ConversionBatch` raises it when there are fewer files than jobs.
    public var blockWorkers: Int = 1

    /// The organisers' conversion.
    public init() {}
}

/// Converts one raw AI4Arctic scene (40 m) into its ready-to-train file (80 m), as the organisers made them.
///
/// - SAR HH/HV, incidence angle (interpolated from the tie points when a raw file lacks the full-grid
///   variable), distance map: 2 × 2 block mean (`BlockReduction.mean`; a partial edge block
///   averages the pixels it has), then standard scaling z = (x − μ)/σ with `options.statistics`, then NaN → 0.
/// - Labels: `polygon_icechart` ids → SIC/SOD/FLOE per polygon through SeaIceCharts (`PolygonCodeTable.labels`,
///   `EggCodeConverter`; no polygon, NaN or an id missing from `polygon_codes` → 255), then 2 × 2 block max (255 wins), then
///   masked (255) wherever the reduced HH is NaN (no SAR data).
/// - 2 km AMSR2/ERA5: same grid, float64 → float32, standard-scaled, NaN → 0.
/// - Geolocation: the 441 raw tie points reshaped line-major to the 21 × 21 `sar_grid2d_latitude/longitude`.
/// - Global attributes `scene_id` (the ready name), `original_id` (the raw name), `ice_service`,
///   `flip` = 0 (this converter never flips) and `pixel_spacing` = 80.
/// - Damaged input: ±∞ (which the organisers' files never hold) is read as NaN, so it is masked exactly like NaN and
///   never written; ids missing from `polygon_codes` are masked. Both are counted and logged as one warning each
///   (naming the file, the variables or ids and the counts); a chart none of whose pixels has a known id fails the
///   conversion (`ConversionTally`).
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

    /// The raw file's global attributes that mark it simulated (any name containing "simulat"),
    /// carried into the ready file so that figures derived from it can say so.
    func simulationMarkers(of input: AI4ArcticFile) throws -> [(String, NetCDFAttribute)] {
        try SimulationMarkers.attributes(of: input.netCDF).map { ($0.name, $0.value) }
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
        let table = hasChart ? try PolygonCodeTable(rows: input.polygonCodes(), file: input.path) : nil
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
                globalAttributes: AI4ArcticWriter.readyGlobalAttributes(attributes) + simulationMarkers(of: input))
            try out.write(tie.latitude, variable: AI4ArcticSchema.Name.grid2DLatitude)
            try out.write(tie.longitude, variable: AI4ArcticSchema.Name.grid2DLongitude)
            for v in AI4ArcticSchema.twoKmVariables {
                let s = try stats.stats(for: v)
                let values = try input.readDoubles(v).map { Self.scaled($0, s) }
                try out.write(values, variable: v)
            }
            let tally = ConversionTally()
            let blocks = stride(from: 0, to: outGeometry.lines, by: options.rowBlock).map { $0 }
            let queue = BlockQueue(count: blocks.count)
            let workers = min(max(options.blockWorkers, 1), blocks.count)
            // `progress` is only ever called under the queue's lock, one call at a time.
            try withoutActuallyEscaping(progress) { report in
                let reporter = UncheckedSendableBox(report)
                let work: @Sendable (Int) -> Void = { _ in

                    while let b = queue.claim() {
                        do {
                            let r0 = blocks[b]
                            let rows = min(options.rowBlock, outGeometry.lines - r0)
                            try convertBlock(input, out, outRow: r0, outRows: rows, table: table, tally: tally)
                            queue.finished { reporter.value($0) }
                        } catch {
                            queue.fail(error)
                        }
                    }
                }
                if workers <= 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
                if let error = queue.error { throw error }
            }
            try tally.check(file: input.path, logger: logger)
            try out.close()
        }
        return destination
    }

    /// z = (x − μ)/σ with NaN (and ±∞, which the organisers' files never hold) → 0, as Float32.
    @inline(__always)
    static func scaled(_ x: Double, _ s: MeanStd) -> Float {
        let z = Float(s.scale(x))
        return z.isFinite ? z : 0
    }

    /// The incidence angle of every raw pixel of `window`, bilinear in the tie points (`sar_grid_incidenceangle`),
    /// for raw files without the full-grid `sar_incidenceangle`.
    func interpolatedIncidence(_ input: AI4ArcticFile, _ window: GridWindow) throws -> [Float] {
        let grid = try input.tiePointGrid()
        guard grid.incidenceAngle != nil else {
            throw SeaIceError.missing(file: input.path, item: "variable `sar_incidenceangle` (and `sar_grid_incidenceangle` to interpolate it)")
        }
        let lines = (window.row..<(window.row + window.rows)).map(Double.init)
        let samples = (window.col..<(window.col + window.cols)).map(Double.init)
        return grid.evaluate(.incidenceAngle, lines: lines, samples: samples).map { Float($0) }
    }

    /// Converts ready rows `outRow ..< outRow + outRows` (raw rows 2·outRow ..< 2·(outRow + outRows), clipped).
    func convertBlock(_ input: AI4ArcticFile, _ out: NetCDFFile, outRow: Int, outRows: Int, table: PolygonCodeTable?,
                      tally: ConversionTally) throws {
        let g = input.geometry
        let rawRow = 2 * outRow, rawRows = min(2 * outRows, g.lines - rawRow)
        let window = GridWindow(row: rawRow, col: 0, rows: rawRows, cols: g.samples)
        let outCols = BlockReduction.reducedExtent(g.samples, 2)
        let start = [outRow, 0], count = [outRows, outCols]
        var sarMissing = [Bool]()
        for v in AI4ArcticSchema.fullGridInputs {
            var values: [Float]
            if v == AI4ArcticSchema.Name.incidenceAngle && !input.has(v) {
                values = try interpolatedIncidence(input, window)
            } else {
                values = try input.readFloats(v, window: window)
            }
            // ±∞ is missing like NaN: it must not reach the ready file (nor leave the labels unmasked).
            tally.addInfinite(NonFiniteValues.toNaN(&values), variable: v)
            let reduced = BlockReduction.mean(values, rows: rawRows, cols: g.samples, factor: 2)
            if v == AI4ArcticSchema.Name.sarPrimary { sarMissing = reduced.map(\.isNaN) }
            let s = try options.statistics.stats(for: v)
            try out.write(reduced.map { Self.scaled(Double($0), s) }, variable: v, start: start, count: count)
        }
        guard let table else { return }
        // Ids beyond any polygon id are no polygon (and would not fit an Int).
        let ids = try input.readFloats(AI4ArcticSchema.Name.polygonIcechart, window: window).map { abs($0) < 1e9 ? $0 : .nan }
        let labels = table.labels(polygonIDs: ids, converter: options.chartConverter)
        tally.add(labels)
        for (v, labels) in [(AI4ArcticSchema.Name.sic, labels.sic), (AI4ArcticSchema.Name.sod, labels.sod), (AI4ArcticSchema.Name.floe, labels.floe)] {
            var reduced = BlockReduction.max(labels, rows: rawRows, cols: g.samples, factor: 2)
            for i in reduced.indices where sarMissing[i] { reduced[i] = AI4ArcticSchema.labelFill }
            try out.write(reduced, variable: v, start: start, count: count)
        }
    }
}

/// Counts, over the blocks of one conversion, the raw ±∞ values masked as missing, and the `polygon_icechart`
/// pixels whose id is in `polygon_codes` and those whose id is not (their labels are masked).
///
/// Rule: ±∞ and unknown ids are reported as warnings naming the file, the variables or ids and their counts;
/// when no pixel of the chart has a known id (every label would be masked) the conversion fails instead.
final class ConversionTally: @unchecked Sendable {
    private let lock = NSLock()
    private var unknown: [Int: Int] = [:]
    private var known = 0
    private var infinite: [String: Int] = [:]

    /// Adds one block's label counts.
    func add(_ labels: SceneLabels) {
        lock.lock(); defer { lock.unlock() }
        known += labels.chartPixels
        unknown.merge(labels.unknownPolygonIDs, uniquingKeysWith: +)
    }

    /// Adds `count` ±∞ values of `variable` (read as NaN).
    func addInfinite(_ count: Int, variable: String) {
        guard count > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        infinite[variable, default: 0] += count
    }

    /// The report of the unknown ids ("3 pixels of `polygon_icechart` have ids not in …: 7 (1 px), …"), nil when none.
    var report: String? {
        lock.lock(); defer { lock.unlock() }
        guard !unknown.isEmpty else { return nil }
        let pixels = unknown.values.reduce(0, +)
        let ids = unknown.sorted { $0.key < $1.key }.prefix(10).map { "\($0.key) (\($0.value) px)" }
            .joined(separator: ", ")
        return "\(pixels) pixels of `polygon_icechart` have ids not in `polygon_codes`, labels masked: "
            + "\(ids)\(unknown.count > 10 ? ", …" : "") (\(known) pixels with a known id)"
    }

    /// Warns through `logger` about ±∞ inputs and unknown ids; throws when no pixel has a known id.
    func check(file: String, logger: Logger) throws {
        lock.lock(); let known = self.known, infinite = self.infinite; lock.unlock()
        if !infinite.isEmpty {
            let each = infinite.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }.joined(separator: ", ")
            logger.warning("\(file): \(infinite.values.reduce(0, +)) ±∞ input values read as missing (NaN): \(each)")
        }
        guard let report else { return }
        guard known > 0 else {
            throw SeaIceError.invalidInput(file: file, item: "variable `polygon_icechart`",
                                           expected: "ids listed in `polygon_codes`; \(report)")
        }
        logger.warning("\(file): \(report)")
    }
}

/// Hands out row-block indices to the workers of one conversion, counts finished blocks and keeps the first error.
private final class BlockQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private var done = 0
    private(set) var error: Error?

    init(count: Int) { self.count = count }

    /// The next block to convert; nil when all are handed out or a block failed.
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard error == nil, next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Counts a finished block and reports the fraction done (under the lock, so reports are serialised and increasing).
    func finished(_ report: (Double) -> Void) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        report(Double(done) / Double(count))
    }

    /// Records the first failure; the other workers stop after their current block.
    func fail(_ e: Error) {
        lock.lock(); defer { lock.unlock() }
        if error == nil { error = e }
    }
}

/// Carries a value the compiler cannot prove Sendable into concurrent code whose synchronisation is manual.
private struct UncheckedSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
