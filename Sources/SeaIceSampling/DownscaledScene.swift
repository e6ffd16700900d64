import SeaIceAI4Arctic

/// One ready-to-train scene reduced to the training resolution, ready for patch extraction.
///
/// Full-grid inputs and labels are stored downscaled (`rows × cols`, row-major, one array per
/// variable); the 2 km variables stay on their native grid and are interpolated per patch
/// (`TwoKmSampling`); latitude/longitude come from the 21 × 21 tie-point grid of the 80 m scene.
/// Values are those of the file: inputs already standard-scaled, NaN already 0, labels 255 = masked.
public struct DownscaledScene: Sendable {
    /// Ready-to-train scene id, e.g. `20180607T184326_dmi_prep.nc`.
    public let sceneID: String
    /// Acquisition month 1 … 12.
    public let month: Int
    /// Geometry of the 80 m scene (and its 2 km grid).
    public let geometry: AI4ArcticGeometry
    /// Downscaling factor from 80 m.
    public let factor: Int
    /// How the full grid was downscaled (decides which 80 m point each pixel stands for).
    public let downsampling: Downsampling
    /// Downscaled rows: ⌈lines / factor⌉.
    public let rows: Int
    /// Downscaled columns: ⌈samples / factor⌉.
    public let cols: Int
    /// Downscaled full-grid inputs by variable name (`rows × cols`).
    public let fullGrid: [String: [Float]]
    /// Downscaled labels: SIC, SOD, FLOE (`rows × cols` each).
    public let labels: [[UInt8]]
    /// 2 km variables on their grid (`geometry.twoKmLines × geometry.twoKmSamples`).
    public let twoKm: [String: [Float]]
    /// Geolocation tie points positioned on the 80 m grid.
    public let tiePoints: AI4ArcticTiePointGrid

    /// A scene from already downscaled arrays; checks every array's size.
    public init(sceneID: String, month: Int, geometry: AI4ArcticGeometry, factor: Int, downsampling: Downsampling,
                fullGrid: [String: [Float]], labels: [[UInt8]], twoKm: [String: [Float]],
                tiePoints: AI4ArcticTiePointGrid) {
        let rows = BlockReduction.reducedExtent(geometry.lines, factor)
        let cols = BlockReduction.reducedExtent(geometry.samples, factor)
        precondition((1...12).contains(month), "month \(month)")
        precondition(labels.count == 3 && labels.allSatisfy { $0.count == rows * cols }, "labels must be 3 × \(rows) × \(cols)")
        precondition(fullGrid.values.allSatisfy { $0.count == rows * cols }, "full-grid arrays must be \(rows) × \(cols)")
        let cells = geometry.twoKmLines * geometry.twoKmSamples
        precondition(twoKm.values.allSatisfy { $0.count == cells }, "2 km arrays must be \(geometry.twoKmLines) × \(geometry.twoKmSamples)")
        self.sceneID = sceneID
        self.month = month
        self.geometry = geometry
        self.factor = factor
        self.downsampling = downsampling
        self.rows = rows
        self.cols = cols
        self.fullGrid = fullGrid
        self.labels = labels
        self.twoKm = twoKm
        self.tiePoints = tiePoints
    }

    /// Bytes held by the arrays (for cache accounting).
    public var byteCount: Int {
        fullGrid.values.reduce(0) { $0 + $1.count * 4 } + labels.reduce(0) { $0 + $1.count }
            + twoKm.values.reduce(0) { $0 + $1.count * 4 }
    }

    /// Valid (≠ 255) SIC pixels in the window rows `r0 ..< r0 + size`, columns `c0 ..< c0 + size` (clipped).
    public func validSICCount(row r0: Int, col c0: Int, size: Int) -> Int {
        var n = 0
        let sic = labels[0]
        for r in max(r0, 0)..<min(r0 + size, rows) {
            let base = r * cols
            for c in max(c0, 0)..<min(c0 + size, cols) where sic[base + c] != 255 { n += 1 }
        }
        return n
    }
}
