import Foundation
import SeaIceCore
import SeaIceSentinel1

/// The geolocation grid and image information of a real Sentinel-1 EW GRD product, the geometry a
/// simulated scene borrows.
///
/// Read by SeaIceSentinel1 (`ProductAnnotation`, `Sentinel1GeolocationGrid`): tie points sit on a rectilinear
/// (line, pixel) grid (about 21 pixels × 20–23 lines for EW) and values between them come from
/// SeaIceCore's `RectilinearGrid`, bilinear as ESA's products intend, extrapolated linearly beyond the
/// outermost tie points. Coordinates are in the original product's pixels (40 m GRDM spacing);
/// `ScaledGeometry` maps a simulated grid onto them. Longitude is interpolated as annotated, not through
/// the Sentinel-1 grid's unwrapped longitude (`Sentinel1GeolocationGrid.location`): both templates lie far
/// from ±180°, and simulated files stay bit-identical to those of earlier versions.
public struct EWGeometry: Sendable {
    /// The product annotation: image size, pixel spacing, pass, mission, tie points.
    public let annotation: ProductAnnotation
    /// The annotation's tie points as a grid (latitude, incidence, height; positions in `tiePoints.grid`).
    public let tiePoints: Sentinel1GeolocationGrid
    /// Longitude at the tie points as annotated, degrees east, row-major like the fields of `tiePoints`.
    public let longitude: [Double]
    /// The real product's first line time (ISO 8601).
    public let firstLineTime: String
    /// The annotation file this came from.
    public let source: String

    /// Product lines (azimuth) of the real product.
    public var lines: Int { annotation.lines }
    /// Product samples (range) of the real product.
    public var samples: Int { annotation.samples }
    /// Tie-point positions (product lines and pixels) and the interpolation over them.
    public var grid: RectilinearGrid { tiePoints.grid }
    /// Latitude at the tie points, degrees north, row-major.
    public var latitude: [Double] { tiePoints.latitude }
    /// Incidence angle at the tie points, degrees, row-major.
    public var incidence: [Double] { tiePoints.incidence }
    /// Height above the ellipsoid at the tie points, metres, row-major.
    public var height: [Double] { tiePoints.height }

    /// Reads the annotation XML file `url` of a real EW product.
    /// - Throws: `SeaIceError` naming the file when it is missing, is not a GRD product annotation, has no
    ///   `productFirstLineUtcTime` or its tie points do not form a grid.
    public init(annotation url: URL) throws {
        annotation = try ProductAnnotation(data: try SimulatorResources.contents(of: url), file: url.path)
        tiePoints = try Sentinel1GeolocationGrid(points: annotation.geolocation, file: url.path)
        guard let time = annotation.firstLineTime else {
            throw SeaIceError.missing(file: url.path, item: "element <product/imageAnnotation/imageInformation/productFirstLineUtcTime>")
        }
        firstLineTime = time
        // `geolocation` is sorted by (line, pixel): the row-major order of the grid.
        longitude = annotation.geolocation.map(\.longitude)
        source = url.lastPathComponent
    }

    /// Bilinear interpolation of a tie-point field at product coordinates (line, pixel),
    /// extrapolating linearly beyond the outermost tie points.
    public func interpolate(_ field: [Double], line: Double, pixel: Double) -> Double {
        grid.interpolate(field, line: line, sample: pixel)
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
        scaleLine = min(pixelSpacing / base.annotation.azimuthPixelSpacing, Double(base.lines) / Double(lines))
        scaleSample = min(pixelSpacing / base.annotation.rangePixelSpacing, Double(base.samples) / Double(samples))
        originLine = (Double(base.lines) - Double(lines) * scaleLine) * min(max(offset.line, 0), 1)
        originPixel = (Double(base.samples) - Double(samples) * scaleSample) * min(max(offset.pixel, 0), 1)
    }

    /// Effective range pixel spacing, metres.
    public var rangeSpacing: Double { base.annotation.rangePixelSpacing * scaleSample }
    /// Effective azimuth pixel spacing, metres.
    public var azimuthSpacing: Double { base.annotation.azimuthPixelSpacing * scaleLine }

    /// Product line of simulated line `i` (pixel centres aligned).
    public func productLine(_ i: Double) -> Double { originLine + (i + 0.5) * scaleLine - 0.5 }
    /// Product pixel of simulated sample `j`.
    public func productPixel(_ j: Double) -> Double { originPixel + (j + 0.5) * scaleSample - 0.5 }

    /// A per-pixel field (row-major, lines × samples) interpolated from tie points, as Float.
    /// Grid segments are looked up once per row and per column.
    public func grid(_ field: [Double]) -> [Float] {
        let out = SharedArray<Float>(repeating: 0, count: lines * samples)
        let grid = base.grid, samples = self.samples
        let rows = (0..<lines).map { grid.lineCell(productLine(Double($0))) }
        let cols = (0..<samples).map { grid.sampleCell(productPixel(Double($0))) }
        DispatchQueue.concurrentPerform(iterations: lines) { i in
            let r = rows[i]
            for j in 0..<samples { out[i * samples + j] = Float(grid.interpolate(field, line: r, sample: cols[j])) }
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
