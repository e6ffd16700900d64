import Foundation
import SeaIceCore

/// Resamples swath samples (latitude, longitude, value) to a `PolarStereographicGrid`.
///
/// Built once per geolocation (every channel sharing it reuses the neighbour table): the samples are
/// projected through PROJ, binned by grid cell (a counting sort into a grid widened by the search margin),
/// and for every cell centre the candidates of the surrounding cells are ranked by chord distance on the
/// sphere of `GridResamplingConfiguration.earthRadius` (the search window is widened by 1/0.9 to cover the
/// projection's scale factor, ≥ 0.94 north of 30° N for both EPSG:3411 and 3413). Bucket gridding keeps
/// the samples whose projected position lies inside the cell.
///
/// Values: one Float per sample, NaN = invalid (skipped: nearest takes the nearest valid sample, the
/// averages renormalise their weights); output row-major over the grid, NaN where no valid sample counts.
public struct SwathGridResampler: Sendable {
    /// The target grid.
    public let grid: PolarStereographicGrid
    /// The configuration.
    public let configuration: GridResamplingConfiguration
    /// Number of samples the resampler was built for.
    public let sampleCount: Int
    /// Number of samples with a geolocation projecting onto the grid (or within the radius of it).
    public let samplesOnGrid: Int
    /// Neighbours per cell (k = `configuration.neighbours`; 0 for bucket, which keeps `bins`).
    let slots: Int
    /// Per cell `slots` sample indices, nearest first; −1 = none.
    let indices: [Int32]
    /// Per cell `slots` weights (gaussian), 1 for nearest.
    let weights: [Float]
    /// Bucket gridding: the samples of each cell.
    let bins: CellBins?

    /// A resampler from samples at `latitude`/`longitude` (degrees; NaN = no geolocation) to `grid`,
    /// using `threads` threads.
    /// - Throws: `SeaIceError.configuration` for an invalid configuration; what PROJ throws.
    public init(grid: PolarStereographicGrid, latitude: [Double], longitude: [Double],
                configuration: GridResamplingConfiguration, threads: Int = 1) throws {
        precondition(latitude.count == longitude.count, "\(latitude.count) latitudes, \(longitude.count) longitudes")
        try configuration.validate()
        self.grid = grid
        self.configuration = configuration
        sampleCount = latitude.count
        let threads = max(1, threads)
        let (px, py) = try grid.project(latitude: latitude, longitude: longitude, threads: threads)
        let bucket = configuration.method == .bucket
        let margin = bucket ? 0 : Int((configuration.radiusOfInfluence / 0.9 / grid.cellSize).rounded(.up))
        let bins = CellBins(grid: grid, x: px, y: py, margin: margin)
        samplesOnGrid = bins.order.count
        if bucket {
            slots = 0
            indices = []
            weights = []
            self.bins = bins
            return
        }
        self.bins = nil
        let k = configuration.neighbours
        slots = k
        let R = GridResamplingConfiguration.earthRadius
        // Only the cells with a sample within the search window get a centre: the rest of the grid stays
        // empty whatever the values, and its inverse projection would be wasted work.
        let cells = bins.cellsWithCandidates(grid: grid)
        let centres = try grid.cellCentres(of: cells, threads: threads)
        let target = Self.cartesian(latitude: centres.latitude, longitude: centres.longitude, radius: R, threads: threads)
        // Sample positions in bin order: the bins of one window row are adjacent in `order`, so each row of the
        // window is one contiguous run of positions (read in the same order as bin by bin).
        let sample = Self.cartesian(latitude: latitude, longitude: longitude, order: bins.order, radius: R, threads: threads)
        let r2 = configuration.radiusOfInfluence * configuration.radiusOfInfluence
        let sigma2 = configuration.sigma * configuration.sigma
        let gaussian = configuration.method == .gaussian
        var idx = [Int32](repeating: -1, count: grid.count * k)
        var wts = [Float](repeating: 0, count: grid.count * k)
        let width = grid.width, binWidth = bins.width, span = 2 * margin
        let cellCount = cells.count, block = Self.block, blocks = (cellCount + block - 1) / block
        // The hot loop reads raw buffers: per-bin slices and captured arrays cost a retain/release each.
        idx.withUnsafeMutableBufferPointer { ib in
            wts.withUnsafeMutableBufferPointer { wb in
                sample.withUnsafeBufferPointer { sp in
                    target.withUnsafeBufferPointer { tp in
                        bins.starts.withUnsafeBufferPointer { starts in
                            bins.order.withUnsafeBufferPointer { order in
                                cells.withUnsafeBufferPointer { cp in
                                    nonisolated(unsafe) let ib = ib, wb = wb, sp = sp, tp = tp, starts = starts,
                                        order = order, cp = cp
                                    DispatchQueue.concurrentPerform(iterations: threads) { t in
                                        let bestD = UnsafeMutablePointer<Double>.allocate(capacity: k)
                                        let bestI = UnsafeMutablePointer<Int32>.allocate(capacity: k)
                                        defer { bestD.deallocate(); bestI.deallocate() }
                                        for b in stride(from: t, to: blocks, by: threads) {
                                            for i in (b * block)..<min(cellCount, (b + 1) * block) {
                                                let q = tp[i]
                                                guard q.x.isFinite else { continue }
                                                let cell = cp[i], r = cell / width, c = cell % width
                                                if k == 1 {
                                                    // One neighbour: a running minimum. The first sample within
                                                    // the radius is taken, later ones only when strictly nearer
                                                    // (the general loop's order and ties).
                                                    var best = r2, bestIndex: Int32 = -1
                                                    for dr in 0...span {
                                                        let first = (r + dr) * binWidth + c
                                                        for o in Int(starts[first])..<Int(starts[first + span + 1]) {
                                                            let d = sp[o] - q
                                                            let d2 = (d * d).sum()
                                                            if d2 < best || (bestIndex < 0 && d2 == best) {
                                                                best = d2; bestIndex = order[o]
                                                            }
                                                        }
                                                    }
                                                    if bestIndex >= 0 {
                                                        ib[cell] = bestIndex
                                                        wb[cell] = gaussian ? Float(exp(-best / sigma2)) : 1
                                                    }
                                                    continue
                                                }
                                                var n = 0
                                                // Window row dr: bins (r + dr, c − margin … c + margin) of the
                                                // widened grid, which always lie inside it.
                                                for dr in 0...span {
                                                    let first = (r + dr) * binWidth + c
                                                    for o in Int(starts[first])..<Int(starts[first + span + 1]) {
                                                        let d = sp[o] - q
                                                        let d2 = (d * d).sum()
                                                        guard d2 <= r2, n < k || d2 < bestD[k - 1] else { continue }
                                                        var j = min(n, k - 1)
                                                        while j > 0 && bestD[j - 1] > d2 {
                                                            bestD[j] = bestD[j - 1]; bestI[j] = bestI[j - 1]; j -= 1
                                                        }
                                                        bestD[j] = d2; bestI[j] = order[o]
                                                        n = min(n + 1, k)
                                                    }
                                                }
                                                for j in 0..<n {
                                                    ib[cell * k + j] = bestI[j]
                                                    wb[cell * k + j] = gaussian ? Float(exp(-bestD[j] / sigma2)) : 1
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        indices = idx
        weights = wts
    }

    /// Whether any sample counts for each cell (before values are known), row-major.
    public var reach: [Bool] {
        (0..<grid.count).map { cell in
            if let bins { return !bins.samples(in: bins.bin(row: cell / grid.width, column: cell % grid.width)).isEmpty }
            return indices[cell * slots] >= 0
        }
    }

    /// The gridded field of one value per sample (NaN = invalid), row-major over the grid, NaN where no
    /// valid sample counts.
    public func resample(_ values: [Float], threads: Int = 1) -> [Float] {
        precondition(values.count == sampleCount, "\(values.count) values for \(sampleCount) samples")
        let k = slots, method = configuration.method, n = grid.count, threads = max(1, threads)
        var out = [Float](repeating: .nan, count: n)
        out.withUnsafeMutableBufferPointer { ob in
            nonisolated(unsafe) let ob = ob
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                for cell in stride(from: t, to: n, by: threads) {
                    var sw = 0.0, swx = 0.0
                    if let bins {
                        for s in bins.samples(in: bins.bin(row: cell / grid.width, column: cell % grid.width)) {
                            let v = values[Int(s)]
                            if !v.isNaN { sw += 1; swx += Double(v) }
                        }
                    }
                    for j in 0..<k {
                        let s = indices[cell * k + j]
                        if s < 0 { break }
                        let v = values[Int(s)]
                        if v.isNaN { continue }
                        if method == .nearest { sw = 1; swx = Double(v); break }
                        let w = Double(weights[cell * k + j])
                        sw += w
                        swx += w * Double(v)
                    }
                    if sw > 0 { ob[cell] = Float(swx / sw) }
                }
            }
        }
        return out
    }

    /// Cells per unit of work in the neighbour search (threads take blocks in turn).
    static let block = 4096

    /// Points on a sphere of `radius` (metres) from latitudes/longitudes in degrees; NaN vectors where not finite.
    static func cartesian(latitude: [Double], longitude: [Double], radius: Double, threads: Int) -> [SIMD3<Double>] {
        cartesian(latitude: latitude, longitude: longitude, order: nil, radius: radius, threads: threads)
    }

    /// `cartesian(latitude:longitude:radius:threads:)` of the points `order` lists, in that order (all points
    /// when nil).
    static func cartesian(latitude: [Double], longitude: [Double], order: [Int32]?, radius: Double,
                          threads: Int) -> [SIMD3<Double>] {
        let n = order?.count ?? latitude.count
        var out = [SIMD3<Double>](repeating: SIMD3(repeating: .nan), count: n)
        out.withUnsafeMutableBufferPointer { ob in
            latitude.withUnsafeBufferPointer { la in
                longitude.withUnsafeBufferPointer { lo in
                    (order ?? []).withUnsafeBufferPointer { op in
                        nonisolated(unsafe) let ob = ob, la = la, lo = lo, op = op
                        let indexed = order != nil
                        DispatchQueue.concurrentPerform(iterations: threads) { t in
                            for i in (n * t / threads)..<(n * (t + 1) / threads) {
                                let s = indexed ? Int(op[i]) : i
                                guard la[s].isFinite && lo[s].isFinite else { continue }
                                let phi = la[s] * .pi / 180, lambda = lo[s] * .pi / 180
                                ob[i] = SIMD3(radius * cos(phi) * cos(lambda), radius * cos(phi) * sin(lambda),
                                              radius * sin(phi))
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
