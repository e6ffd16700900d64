import Foundation
import SeaIceCore

/// The annotation's geolocation tie points as a regular (line × pixel) grid, interpolated bilinearly to any pixel.
///
/// Sentinel-1 GRD annotations give ~ 21 × 23 points at fixed pixel columns on every annotated line.
/// Latitude, longitude (unwrapped across ±180°), incidence and elevation angle are interpolated
/// bilinearly in (line, pixel) image coordinates by SeaIceCore's `RectilinearGrid`, with linear
/// extrapolation beyond the outer points.
///
/// A type of its own beside `AI4ArcticTiePointGrid` (both interpolate through `RectilinearGrid`)
/// because the two differ in meaning, not only in names: this one is built from the annotation's scattered
/// points of any grid size and carries height and elevation angle; it unwraps longitude once, against the
/// first tie point, and returns longitudes in [−180, 180). The AI4Arctic grid reads the 21 × 21 netCDF
/// variables, unwraps longitude per cell against the cell's first corner and returns (−180, 180], the
/// convention of the released AI4Arctic files.
public struct Sentinel1GeolocationGrid: Sendable {
    /// Annotated lines and pixel columns (ascending, full-resolution image coordinates) and the interpolation over them.
    public let grid: RectilinearGrid
    /// Annotated lines (ascending), full-resolution image coordinates.
    public var lines: [Double] { grid.lines }
    /// Annotated pixel columns (ascending).
    public var pixels: [Double] { grid.samples }
    /// Values in row-major (line, pixel) order.
    public let latitude: [Double], longitude: [Double], incidence: [Double], elevation: [Double], height: [Double]
    private let lonReference: Double

    /// Builds the grid from the annotation's points.
    /// - Throws: `SeaIceError.invalidInput` naming `file` when the points do not form a complete grid.
    public init(points: [GeolocationPoint], file: String) throws {
        let ls = Array(Set(points.map(\.line))).sorted(), ps = Array(Set(points.map(\.pixel))).sorted()
        guard ls.count >= 2, ps.count >= 2, ls.count * ps.count == points.count else {
            throw SeaIceError.invalidInput(file: file, item: "geolocationGridPointList (\(points.count) points)",
                                           expected: "a complete grid of lines × pixels, found \(ls.count) lines and \(ps.count) pixel columns")
        }
        grid = RectilinearGrid(lines: ls, samples: ps)
        let sorted = points.sorted { ($0.line, $0.pixel) < ($1.line, $1.pixel) }
        for (i, p) in sorted.enumerated() where p.line != ls[i / ps.count] || p.pixel != ps[i % ps.count] {
            throw SeaIceError.invalidInput(file: file, item: "geolocation point at line \(p.line) pixel \(p.pixel)", expected: "one point per (line, pixel column)")
        }
        let ref = sorted[0].longitude
        lonReference = ref
        latitude = sorted.map(\.latitude)
        longitude = sorted.map { var d = $0.longitude - ref; d -= 360 * (d / 360).rounded(); return d }
        incidence = sorted.map(\.incidenceAngle)
        elevation = sorted.map(\.elevationAngle)
        height = sorted.map(\.height)
    }

    /// Longitude, degrees in [−180, 180), at the cells `r` (line) and `c` (pixel): the unwrapped field plus the
    /// reference longitude, wrapped.
    @inline(__always)
    func wrappedLongitude(_ r: RectilinearGrid.Cell, _ c: RectilinearGrid.Cell) -> Double {
        var lon = grid.interpolate(longitude, line: r, sample: c) + lonReference
        lon -= 360 * ((lon + 180) / 360).rounded(.down)
        return lon
    }

    /// Fields of a grid of `width` × `height` output pixels, each `factor` × `factor` full-resolution pixels,
    /// evaluated at the output pixel centres: line = oy·f + (f − 1)/2, pixel = ox·f + (f − 1)/2. Row-major.
    public func fields(width: Int, height: Int, factor f: Int) -> (latitude: [Float], longitude: [Float], incidence: [Float]) {
        let half = Double(f - 1) / 2
        let cols = (0..<width).map { grid.sampleCell(Double($0 * f) + half) }
        var lat = [Float](repeating: 0, count: width * height), lon = lat, inc = lat
        lat.withUnsafeMutableBufferPointer { la in
            lon.withUnsafeMutableBufferPointer { lo in
                inc.withUnsafeMutableBufferPointer { ic in
                    nonisolated(unsafe) let la = la, lo = lo, ic = ic
                    parallelChunks(height, minimumChunk: 16) { rows in
                        for oy in rows {
                            let r = grid.lineCell(Double(oy * f) + half)
                            for ox in 0..<width {
                                let c = cols[ox], o = oy * width + ox
                                la[o] = Float(grid.interpolate(latitude, line: r, sample: c))
                                lo[o] = Float(wrappedLongitude(r, c))
                                ic[o] = Float(grid.interpolate(incidence, line: r, sample: c))
                            }
                        }
                    }
                }
            }
        }
        return (lat, lon, inc)
    }

    /// Elevation (look) angle, degrees, on the same output grid as `fields` (row-major).
    public func elevationField(width: Int, height: Int, factor f: Int) -> [Float] {
        let half = Double(f - 1) / 2
        let cols = (0..<width).map { grid.sampleCell(Double($0 * f) + half) }
        var out = [Float](repeating: 0, count: width * height)
        out.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let o = buf
            parallelChunks(height, minimumChunk: 16) { rows in
                for oy in rows {
                    let r = grid.lineCell(Double(oy * f) + half)
                    for ox in 0..<width { o[oy * width + ox] = Float(grid.interpolate(elevation, line: r, sample: cols[ox])) }
                }
            }
        }
        return out
    }

    /// The elevation angle (degrees) at which the incidence angle is `incidence`, from a least-squares line
    /// through the tie points (the two angles are almost linearly related across the swath).
    public func elevation(atIncidence incidence: Double) -> Double {
        let n = Double(self.incidence.count)
        let sx = self.incidence.reduce(0, +), sy = elevation.reduce(0, +)
        let sxx = self.incidence.reduce(0) { $0 + $1 * $1 }
        let sxy = zip(self.incidence, elevation).reduce(0) { $0 + $1.0 * $1.1 }
        let slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
        return (sy - slope * sx) / n + slope * incidence
    }

    /// The grid resampled to `count` × `count` points evenly spaced between the first and last annotated line and
    /// pixel (exact at the corners), by the same bilinear interpolation: AI4Arctic raw scenes carry 21 × 21 = 441
    /// tie points whatever the product annotated (often 21 × 23). Full-resolution image coordinates, line-major.
    public func resampled(count: Int = 21) -> [GeolocationPoint] {
        precondition(count >= 2, "resampled grid of \(count) points per side")
        var out: [GeolocationPoint] = []
        out.reserveCapacity(count * count)
        for i in 0..<count {
            let line = lines[0] + (lines[lines.count - 1] - lines[0]) * Double(i) / Double(count - 1)
            let r = grid.lineCell(line)
            for j in 0..<count {
                let pixel = pixels[0] + (pixels[pixels.count - 1] - pixels[0]) * Double(j) / Double(count - 1)
                let c = grid.sampleCell(pixel)
                out.append(GeolocationPoint(
                    line: line, pixel: pixel, latitude: grid.interpolate(latitude, line: r, sample: c),
                    longitude: wrappedLongitude(r, c), height: grid.interpolate(height, line: r, sample: c),
                    incidenceAngle: grid.interpolate(incidence, line: r, sample: c),
                    elevationAngle: grid.interpolate(elevation, line: r, sample: c)))
            }
        }
        return out
    }

    /// Latitude and longitude (degrees, longitude in [−180, 180)) at one (line, pixel) of the grid's coordinates,
    /// bilinear inside and linearly extrapolated outside the tie points.
    public func location(line: Double, pixel: Double) -> (latitude: Double, longitude: Double) {
        let c = grid.sampleCell(pixel), r = grid.lineCell(line)
        return (grid.interpolate(latitude, line: r, sample: c), wrappedLongitude(r, c))
    }

    /// Incidence angle (degrees) at one full-resolution (line, pixel).
    public func incidence(line: Double, pixel: Double) -> Double {
        grid.interpolate(incidence, line: line, sample: pixel)
    }

    /// Elevation angle (degrees) at one full-resolution (line, pixel).
    public func elevation(line: Double, pixel: Double) -> Double {
        grid.interpolate(elevation, line: line, sample: pixel)
    }
}
