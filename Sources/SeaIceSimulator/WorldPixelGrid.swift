import Foundation
import SeaIceCore

/// A north-up window of the world in EPSG:3413: `columns × rows` square pixels of `spacing` metres,
/// the top-left corner at (`xMin`, `yMax`) metres. Row-major from the top, like GeoTIFF.
public struct WorldWindow: Sendable, Equatable, Codable {
    /// West edge and north edge, EPSG:3413 metres.
    public var xMin: Double, yMax: Double
    /// Pixel size, metres.
    public var spacing: Double
    /// Size in pixels.
    public var columns: Int, rows: Int

    /// A window; `spacing` > 0, at least one pixel.
    public init(xMin: Double, yMax: Double, spacing: Double, columns: Int, rows: Int) {
        precondition(spacing > 0 && columns > 0 && rows > 0, "bad world window \(columns) × \(rows) at \(spacing) m")
        self.xMin = xMin; self.yMax = yMax; self.spacing = spacing; self.columns = columns; self.rows = rows
    }

    /// The pan-Arctic window of `ArcticBaseMap` at `spacing` metres (25 000 = the base map itself).
    public static func panArctic(spacing: Double) -> WorldWindow {
        let width = Double(ArcticBaseMap.columns) * ArcticBaseMap.cellSize
        let height = Double(ArcticBaseMap.rows) * ArcticBaseMap.cellSize
        return WorldWindow(xMin: ArcticBaseMap.xMin, yMax: ArcticBaseMap.yMax, spacing: spacing,
                           columns: Int((width / spacing).rounded()), rows: Int((height / spacing).rounded()))
    }

    /// x of column centres and y of row centres, metres.
    public var xCentres: [Double] { (0..<columns).map { xMin + (Double($0) + 0.5) * spacing } }
    /// y of row centres (decreasing), metres.
    public var yCentres: [Double] { (0..<rows).map { yMax - (Double($0) + 0.5) * spacing } }
}

/// Where the pixels of an image lie in the world: EPSG:3413 positions of a lattice of nodes every
/// `step` pixels (plus the far edges), bilinear in between. Built from a `WorldWindow` (exact) or from
/// any geolocation (a SAR swath: latitude/longitude at the nodes, projected with PROJ).
public struct WorldPixelGrid: Sendable {
    /// Image size, pixels (lines = rows).
    public let lines: Int, samples: Int
    /// Node spacing, pixels.
    public let step: Int
    let nodeRows: Int, nodeCols: Int
    let nodeX: [Double], nodeY: [Double]
    /// Nominal pixel spacing, metres.
    public let spacing: Double

    /// The pixels of `window` (nodes every `step` pixels).
    public init(window w: WorldWindow, step: Int) {
        lines = w.rows; samples = w.columns; spacing = w.spacing
        self.step = max(1, step)
        nodeRows = (lines - 1) / self.step + 2; nodeCols = (samples - 1) / self.step + 2
        var xs = [Double](), ys = [Double]()
        for r in 0..<nodeRows {
            for c in 0..<nodeCols {
                xs.append(w.xMin + (Double(c * self.step) + 0.5) * w.spacing)
                ys.append(w.yMax - (Double(r * self.step) + 0.5) * w.spacing)
            }
        }
        nodeX = xs; nodeY = ys
    }

    /// Pixels whose centres have geographic positions `location(line, sample)` (degrees east, north);
    /// nodes every `step` pixels are projected to EPSG:3413 by PROJ.
    init(lines: Int, samples: Int, spacing: Double, step: Int, projection: LockedTransform,
         location: (Double, Double) -> (longitude: Double, latitude: Double)) throws {
        self.lines = lines; self.samples = samples; self.spacing = spacing
        self.step = max(1, step)
        nodeRows = (lines - 1) / self.step + 2; nodeCols = (samples - 1) / self.step + 2
        var lon = [Double](), lat = [Double]()
        for r in 0..<nodeRows {
            for c in 0..<nodeCols {
                let p = location(Double(r * self.step), Double(c * self.step))
                lon.append(p.longitude); lat.append(p.latitude)
            }
        }
        let p = try projection.toPolar(longitude: lon, latitude: lat)
        nodeX = p.map(\.x); nodeY = p.map(\.y)
    }

    /// Node cell and weights of pixel position (line, sample) (fractional; extrapolates past the last node).
    @inline(__always)
    func weights(_ line: Double, _ sample: Double) -> (Int, Double, Double) {
        let fr = line / Double(step), fc = sample / Double(step)
        let r = min(max(Int(fr.rounded(.down)), 0), nodeRows - 2), c = min(max(Int(fc.rounded(.down)), 0), nodeCols - 2)
        return (r * nodeCols + c, fr - Double(r), fc - Double(c))
    }

    /// EPSG:3413 metres of pixel position (line, sample) (pixel centres at whole numbers).
    @inline(__always)
    public func position(line: Double, sample: Double) -> (x: Double, y: Double) {
        let (k, u, v) = weights(line, sample)
        func lerp(_ f: [Double]) -> Double {
            (f[k] * (1 - v) + f[k + 1] * v) * (1 - u) + (f[k + nodeCols] * (1 - v) + f[k + nodeCols + 1] * v) * u
        }
        return (lerp(nodeX), lerp(nodeY))
    }
}
