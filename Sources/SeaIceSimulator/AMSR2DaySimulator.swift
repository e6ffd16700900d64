import Foundation
import Logging
import SeaIceCore
import SeaIcePolarGrids

/// A simulated day of AMSR2 on the NSIDC 25 km north grid (SIMULATED): the daily mean of every swath
/// footprint falling in each cell (drop in the bucket, as NSIDC-0802 grids L1R swaths), NaN where no swath
/// fell, with the truth of each cell.
public struct AMSR2DailyGrid: Sendable {
    /// The day (00:00 UTC).
    public var date: Date
    /// Daily mean TBs (K), [channel][row × 304 + column], NaN without footprints.
    public var tb: [[Float]]
    /// Truth: sea-ice concentration of the sea, multi-year fraction and land fraction of each 25 km cell.
    public var truth: [[Float]]
    /// Number of swaths gridded.
    public var swathCount = 0
    var sums: [[Double]], counts: [[Int32]]

    /// The grid: NSIDC north 25 km in EPSG:3411 (NSIDC-0802's), 304 × 448.
    public static let grid = PolarStereographicGrid(resolution: .km25, projection: .epsg3411)

    /// An empty grid for `date` with the truth of `truth`.
    /// - Throws: `SeaIceError.native` when PROJ cannot locate the cell centres.
    public init(date: Date, truth: any SurfaceTruth) throws {
        self.date = date
        let grid = Self.grid, n = grid.count, columns = grid.width
        let centres = try grid.cellCentres()
        let layers = (0..<3).map { _ in SharedArray<Float>(repeating: .nan, count: n) }
        DispatchQueue.concurrentPerform(iterations: grid.height) { i in
            let cells = i * columns..<(i + 1) * columns
            let row = truth.fractions(latitude: Array(centres.latitude[cells]), longitude: Array(centres.longitude[cells]),
                                      cellSize: grid.cellSize)
            for (j, f) in row.enumerated() {
                let k = i * columns + j
                let sea = 1 - f.land
                layers[0][k] = sea > 1e-9 ? Float((f.firstYear + f.multiYear) / sea) : .nan
                layers[1][k] = Float(f.multiYear)
                layers[2][k] = Float(f.land)
            }
        }
        self.truth = layers.map(\.array)
        tb = [[Float]](repeating: [Float](repeating: .nan, count: n), count: 14)
        sums = [[Double]](repeating: [Double](repeating: 0, count: n), count: 14)
        counts = [[Int32]](repeating: [Int32](repeating: 0, count: n), count: 14)
    }

    /// Adds every footprint of `swath` (each channel at its own footprint and sampling).
    /// - Throws: `SeaIceError.native` when PROJ cannot project the footprints.
    public mutating func add(_ swath: SimulatedAMSR2Swath) throws {
        var cell = [Int](repeating: -1, count: swath.latitude.count)
        let p = try Self.grid.project(latitude: swath.latitude, longitude: swath.longitude)
        for k in cell.indices {
            if let c = Self.grid.cell(x: p.x[k], y: p.y[k]) { cell[k] = c.row * Self.grid.width + c.column }
        }
        for c in AMSR2Channel.allCases {
            let columns = SimulatedAMSR2Swath.samples(c)
            let step = 486 / columns
            for (o, value) in swath.native[c.rawValue].enumerated() where value.isFinite {
                let target = cell[(o / columns) * 486 + (o % columns) * step]
                guard target >= 0 else { continue }
                sums[c.rawValue][target] += value
                counts[c.rawValue][target] += 1
            }
            tb[c.rawValue] = zip(sums[c.rawValue], counts[c.rawValue]).map { $1 > 0 ? Float($0 / Double($1)) : .nan }
        }
        swathCount += 1
    }
}

/// Choices of a simulated AMSR2 day.
public struct AMSR2DayConfiguration: Codable, Sendable, Equatable {
    /// Orbits simulated from the day's first ascending node (nil: every orbit of the day, 14 or 15).
    public var orbits: Int?
    /// Scans are kept while the sub-satellite point is north of this latitude (°N).
    public var minimumLatitude = 40.0
    /// L1R resolutions written besides the native 89 GHz footprint.
    public var resolutions: [L1RResolution] = [.res06]

    /// The defaults (every orbit, res06).
    public init(orbits: Int? = nil) { self.orbits = orbits }
}

/// Simulates and writes AMSR2 for one day (SIMULATED DATA).
public enum AMSR2DaySimulator {
    /// Ascending-node indices of the orbits of the UTC day starting at `date` (first `limit` of them).
    public static func nodes(of date: Date, limit: Int? = nil) -> [Int] {
        let first = AMSR2Orbit.firstNode(after: date)
        var out: [Int] = []
        var n = first
        while AMSR2Orbit.node(n) < date.addingTimeInterval(86400) {
            out.append(n)
            n += 1
        }
        return limit.map { Array(out.prefix($0)) } ?? out
    }

    /// Simulates every half-orbit of the day (ascending then descending per orbit), hands each swath to
    /// `each` (to write it; swaths are not kept: a full day is about 1 GB of them) and returns the daily grid.
    public static func simulate(
        truth: any SurfaceTruth, weather: ArcticWeather, model: AMSR2EmissionModel,
        date: Date, seed: UInt64, configuration: AMSR2DayConfiguration = AMSR2DayConfiguration(),
        each: (SimulatedAMSR2Swath) throws -> Void = { _ in }
    ) throws -> AMSR2DailyGrid {
        let simulator = AMSR2SwathSimulator(
            model: model, weather: weather, truth: truth, seed: seed,
            resolutions: configuration.resolutions)
        var grid = try AMSR2DailyGrid(date: date, truth: truth)
        for node in nodes(of: date, limit: configuration.orbits) {
            for pass in AMSR2Orbit.Pass.allCases {
                let swath = simulator.simulate(node: node, pass: pass, minimumLatitude: configuration.minimumLatitude)
                try each(swath)
                try grid.add(swath)
            }
        }
        return grid
    }

    /// Simulates the day and writes its swaths (`AMSR2SwathFile`) and daily grid (`DailyTBGridFile`) into
    /// `folder`; returns the files written, swaths first.
    public static func write(
        truth: any SurfaceTruth, weather: ArcticWeather, model: AMSR2EmissionModel, date: Date,
        seed: UInt64, configuration: AMSR2DayConfiguration = AMSR2DayConfiguration(),
        to folder: URL, logger: Logger
    ) throws -> [URL] {
        var urls: [URL] = []
        let grid = try simulate(
            truth: truth, weather: weather, model: model, date: date, seed: seed,
            configuration: configuration
        ) { swath in
            urls.append(try AMSR2SwathFile.write(swath, seed: seed, to: folder))
            logger.info("SIMULATED AMSR2 swath \(urls.last!.lastPathComponent): \(swath.scans) scans")
        }
        let day = ISO8601DateFormatter.string(
            from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let url = folder.appendingPathComponent(DailyTBGridFile.fileName(day: day))
        try DailyTBGridFile.write(grid, seed: seed, to: url)
        urls.append(url)
        return urls
    }
}
