import Foundation
import SeaIceCore

/// The annotation's geolocation tie points as a regular (line × pixel) grid, interpolated bilinearly to any pixel.
///
/// Sentinel-1 GRD annotations give ~ 21 × 23 points at fixed pixel columns on every annotated line.
/// Latitude, longitude (unwrapped across ±180°), incidence and elevation angle are interpolated
/// bilinearly in (line, pixel) image coordinates, with linear extrapolation beyond the outer points.
public struct TiePointGrid: Sendable {
    /// Annotated lines (ascending) and pixel columns (ascending), full-resolution image coordinates.
    public let lines: [Double]
    /// Annotated pixel columns (ascending).
    public let pixels: [Double]
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
        lines = ls; pixels = ps
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

    /// Index of the cell containing `v` in `axis` and the fraction along it (may be < 0 or > 1 outside).
    @inline(__always)
    static func cell(_ axis: [Double], _ v: Double) -> (Int, Double) {
        var lo = 0, hi = axis.count - 1
        if v <= axis[0] { hi = 1 } else if v >= axis[hi] { lo = hi - 1 } else {
            while hi - lo > 1 { let m = (lo + hi) / 2; if axis[m] <= v { lo = m } else { hi = m } }
        }
        return (lo, (v - axis[lo]) / (axis[lo + 1] - axis[lo]))
    }

    @inline(__always)
    func bilinear(_ f: [Double], _ c: (Int, Double), _ r: (Int, Double)) -> Double {
        let n = pixels.count
        let i = r.0 * n + c.0
        let top = f[i] + c.1 * (f[i + 1] - f[i])
        let bottom = f[i + n] + c.1 * (f[i + n + 1] - f[i + n])
        return top + r.1 * (bottom - top)
    }

    /// Fields of a grid of `width` × `height` output pixels, each `factor` × `factor` full-resolution pixels,
    /// evaluated at the output pixel centres: line = oy·f + (f − 1)/2, pixel = ox·f + (f − 1)/2. Row-major.
    public func fields(width: Int, height: Int, factor f: Int) -> (latitude: [Float], longitude: [Float], incidence: [Float]) {
        let half = Double(f - 1) / 2
        let cols = (0..<width).map { TiePointGrid.cell(pixels, Double($0 * f) + half) }
        var lat = [Float](repeating: 0, count: width * height), lon = lat, inc = lat
        lat.withUnsafeMutableBufferPointer { la in
            lon.withUnsafeMutableBufferPointer { lo in
                inc.withUnsafeMutableBufferPointer { ic in
                    nonisolated(unsafe) let la = la, lo = lo, ic = ic
                    parallelChunks(height, minimumChunk: 16) { rows in
                        for oy in rows {
                            let r = TiePointGrid.cell(lines, Double(oy * f) + half)
                            for ox in 0..<width {
                                let c = cols[ox], o = oy * width + ox
                                la[o] = Float(bilinear(latitude, c, r))
                                var l = bilinear(longitude, c, r) + lonReference
                                l -= 360 * ((l + 180) / 360).rounded(.down)
                                lo[o] = Float(l)
                                ic[o] = Float(bilinear(incidence, c, r))
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
        let cols = (0..<width).map { TiePointGrid.cell(pixels, Double($0 * f) + half) }
        var out = [Float](repeating: 0, count: width * height)
        out.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let o = buf
            parallelChunks(height, minimumChunk: 16) { rows in
                for oy in rows {
                    let r = TiePointGrid.cell(lines, Double(oy * f) + half)
                    for ox in 0..<width { o[oy * width + ox] = Float(bilinear(elevation, cols[ox], r)) }
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
            let r = TiePointGrid.cell(lines, line)
            for j in 0..<count {
                let pixel = pixels[0] + (pixels[pixels.count - 1] - pixels[0]) * Double(j) / Double(count - 1)
                let c = TiePointGrid.cell(pixels, pixel)
                var lon = bilinear(longitude, c, r) + lonReference
                lon -= 360 * ((lon + 180) / 360).rounded(.down)
                out.append(GeolocationPoint(
                    line: line, pixel: pixel, latitude: bilinear(latitude, c, r), longitude: lon, height: bilinear(height, c, r),
                    incidenceAngle: bilinear(incidence, c, r), elevationAngle: bilinear(elevation, c, r)))
            }
        }
        return out
    }

    /// Latitude and longitude (degrees, longitude in [−180, 180)) at one (line, pixel) of the grid's coordinates,
    /// bilinear inside and linearly extrapolated outside the tie points.
    public func location(line: Double, pixel: Double) -> (latitude: Double, longitude: Double) {
        let c = TiePointGrid.cell(pixels, pixel), r = TiePointGrid.cell(lines, line)
        var lon = bilinear(longitude, c, r) + lonReference
        lon -= 360 * ((lon + 180) / 360).rounded(.down)
        return (bilinear(latitude, c, r), lon)
    }

    /// Incidence angle (degrees) at one full-resolution (line, pixel).
    public func incidence(line: Double, pixel: Double) -> Double {
        bilinear(incidence, TiePointGrid.cell(pixels, pixel), TiePointGrid.cell(lines, line))
    }

    /// Elevation angle (degrees) at one full-resolution (line, pixel).
    public func elevation(line: Double, pixel: Double) -> Double {
        bilinear(elevation, TiePointGrid.cell(pixels, pixel), TiePointGrid.cell(lines, line))
    }
}
