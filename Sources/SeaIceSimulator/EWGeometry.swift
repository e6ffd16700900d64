import Foundation
import SeaIceCore

/// The geolocation grid of a real Sentinel-1 EW GRD product, read from its annotation XML.
///
/// Tie points sit on a rectilinear (line, pixel) grid (about 21 pixels × 20–23 lines for EW);
/// values between them are interpolated bilinearly, as ESA's products intend. Coordinates are in
/// the original product's pixels (40 m GRDM spacing); `Scaled` maps a simulated grid onto them.
public struct EWGeometry: Sendable {
    /// Product lines (azimuth) and samples (range) of the real product.
    public let lines: Int, samples: Int
    /// Pixel spacing of the real product, metres (range, azimuth).
    public let rangeSpacing: Double, azimuthSpacing: Double
    /// Tie-point line and pixel coordinates (ascending).
    public let gridLines: [Double], gridPixels: [Double]
    /// Tie-point values, row-major [gridLines.count × gridPixels.count]: degrees / metres.
    public let latitude: [Double], longitude: [Double], incidence: [Double], height: [Double]
    /// "Ascending" or "Descending".
    public let pass: String
    /// The real product's mission id (S1A/S1B) and first line time (ISO 8601).
    public let mission: String, firstLineTime: String
    /// The annotation file this came from.
    public let source: String

    /// Parses the `<geolocationGrid>` and image information of an annotation XML file.
    public init(annotation url: URL) throws {
        let xml = try XMLScan(contentsOf: url)
        source = url.lastPathComponent
        lines = Int(try xml.double("numberOfLines"))
        samples = Int(try xml.double("numberOfSamples"))
        rangeSpacing = try xml.double("rangePixelSpacing")
        azimuthSpacing = try xml.double("azimuthPixelSpacing")
        pass = try xml.text("pass")
        mission = try xml.text("missionId")
        firstLineTime = try xml.text("productFirstLineUtcTime")
        var points: [(line: Double, pixel: Double, lat: Double, lon: Double, inc: Double, h: Double)] = []
        for r in xml.elements("geolocationGridPoint") {
            points.append((try xml.double("line", in: r), try xml.double("pixel", in: r),
                           try xml.double("latitude", in: r), try xml.double("longitude", in: r),
                           try xml.double("incidenceAngle", in: r), try xml.double("height", in: r)))
        }
        let ls = Array(Set(points.map(\.line))).sorted(), ps = Array(Set(points.map(\.pixel))).sorted()
        guard ls.count >= 2, ps.count >= 2, ls.count * ps.count == points.count else {
            throw SeaIceError.invalidInput(file: url.path, item: "geolocationGridList",
                                           expected: "a rectilinear grid of tie points, found \(points.count) points on \(ls.count) lines × \(ps.count) pixels")
        }
        var lat = [Double](repeating: .nan, count: points.count), lon = lat, inc = lat, h = lat
        let li = Dictionary(uniqueKeysWithValues: ls.enumerated().map { ($1, $0) })
        let pi = Dictionary(uniqueKeysWithValues: ps.enumerated().map { ($1, $0) })
        for p in points {
            let k = li[p.line]! * ps.count + pi[p.pixel]!
            lat[k] = p.lat; lon[k] = p.lon; inc[k] = p.inc; h[k] = p.h
        }
        gridLines = ls; gridPixels = ps
        latitude = lat; longitude = lon; incidence = inc; height = h
    }

    /// Bilinear interpolation of a tie-point field at product coordinates (line, pixel),
    /// extrapolating linearly beyond the outermost tie points.
    public func interpolate(_ field: [Double], line: Double, pixel: Double) -> Double {
        let (i, u) = Self.segment(gridLines, line), (j, v) = Self.segment(gridPixels, pixel)
        let n = gridPixels.count
        let a = field[i * n + j], b = field[i * n + j + 1]
        let c = field[(i + 1) * n + j], d = field[(i + 1) * n + j + 1]
        return (a * (1 - v) + b * v) * (1 - u) + (c * (1 - v) + d * v) * u
    }

    /// The index of the grid segment holding `x` and the fraction along it.
    static func segment(_ grid: [Double], _ x: Double) -> (Int, Double) {
        var lo = 0, hi = grid.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if grid[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        return (lo, (x - grid[lo]) / (grid[lo + 1] - grid[lo]))
    }
}

/// A simulated image grid of `lines × samples` pixels laid over a window of the real product.
///
/// Each simulated pixel covers `pixelSpacing / 40` product pixels per axis; the window starts at
/// (`originLine`, `originPixel`). When the window would be larger than the product it is shrunk to
/// the whole product along that axis (the swath is then slightly stretched; the nominal spacing
/// stays the one the files declare).
public struct ScaledGeometry: Sendable {
    /// The real product geometry.
    public let base: EWGeometry
    /// Simulated image size, pixels.
    public let lines: Int, samples: Int
    /// Nominal pixel spacing of the simulated image, metres (what the files declare).
    public let pixelSpacing: Double
    /// Product pixels per simulated pixel along lines and samples.
    public let scaleLine: Double, scaleSample: Double
    /// Product coordinates of the window's first line and pixel.
    public let originLine: Double, originPixel: Double

    /// A window of `lines × samples` pixels of `pixelSpacing` m; `offset` (0…1 per axis) places it
    /// inside the product (0 = first line / near range).
    public init(base: EWGeometry, lines: Int, samples: Int, pixelSpacing: Double, offset: (line: Double, pixel: Double) = (0, 0)) {
        precondition(lines > 0 && samples > 0 && pixelSpacing > 0, "bad simulated grid \(lines) × \(samples) at \(pixelSpacing) m")
        self.base = base; self.lines = lines; self.samples = samples; self.pixelSpacing = pixelSpacing
        scaleLine = min(pixelSpacing / base.azimuthSpacing, Double(base.lines) / Double(lines))
        scaleSample = min(pixelSpacing / base.rangeSpacing, Double(base.samples) / Double(samples))
        originLine = (Double(base.lines) - Double(lines) * scaleLine) * min(max(offset.line, 0), 1)
        originPixel = (Double(base.samples) - Double(samples) * scaleSample) * min(max(offset.pixel, 0), 1)
    }

    /// Effective range pixel spacing, metres.
    public var rangeSpacing: Double { base.rangeSpacing * scaleSample }
    /// Effective azimuth pixel spacing, metres.
    public var azimuthSpacing: Double { base.azimuthSpacing * scaleLine }

    /// Product line of simulated line `i` (pixel centres aligned).
    public func productLine(_ i: Double) -> Double { originLine + (i + 0.5) * scaleLine - 0.5 }
    /// Product pixel of simulated sample `j`.
    public func productPixel(_ j: Double) -> Double { originPixel + (j + 0.5) * scaleSample - 0.5 }

    /// A per-pixel field (row-major, lines × samples) interpolated from tie points, as Float.
    /// Grid segments are looked up once per row and per column.
    public func grid(_ field: [Double]) -> [Float] {
        let out = SharedArray<Float>(repeating: 0, count: lines * samples)
        let base = self.base, samples = self.samples, n = base.gridPixels.count
        let rows = (0..<lines).map { EWGeometry.segment(base.gridLines, productLine(Double($0))) }
        let cols = (0..<samples).map { EWGeometry.segment(base.gridPixels, productPixel(Double($0))) }
        DispatchQueue.concurrentPerform(iterations: lines) { i in
            let (a, u) = rows[i]
            for j in 0..<samples {
                let (b, v) = cols[j]
                let p = field[a * n + b], q = field[a * n + b + 1], r = field[(a + 1) * n + b], t = field[(a + 1) * n + b + 1]
                out[i * samples + j] = Float((p * (1 - v) + q * v) * (1 - u) + (r * (1 - v) + t * v) * u)
            }
        }
        return out.array
    }

    /// Tie points resampled to a regular `n × n` grid over the simulated image (AI4Arctic uses 21 × 21):
    /// simulated line, sample and the interpolated values, row-major.
    public func tiePoints(_ n: Int = 21) -> (line: [Double], sample: [Double], lat: [Double], lon: [Double], incidence: [Double], height: [Double]) {
        var r: (line: [Double], sample: [Double], lat: [Double], lon: [Double], incidence: [Double], height: [Double]) = ([], [], [], [], [], [])
        for a in 0..<n {
            let line = Double(lines - 1) * Double(a) / Double(n - 1)
            for b in 0..<n {
                let sample = Double(samples - 1) * Double(b) / Double(n - 1)
                let pl = productLine(line), pp = productPixel(sample)
                r.line.append(line); r.sample.append(sample)
                r.lat.append(base.interpolate(base.latitude, line: pl, pixel: pp))
                r.lon.append(base.interpolate(base.longitude, line: pl, pixel: pp))
                r.incidence.append(base.interpolate(base.incidence, line: pl, pixel: pp))
                r.height.append(base.interpolate(base.height, line: pl, pixel: pp))
            }
        }
        return r
    }
}
