import Foundation
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF

/// Land mask and distance to land at arbitrary latitudes and longitudes.
///
/// Distance: great-circle distance to the GSHHG full-resolution coastline on a 0.1° grid
/// (`landmetrics` `distance_to_land_0.1deg_gt0km2.nc`, km, negative over land), interpolated
/// bilinearly. Mask (optional): the 1 km NOAA GLOBE land mask GeoTIFF (`globe_land_1km.tif`,
/// 1 = land), nearest pixel; without it, land is where the interpolated distance is ≤ 0.
/// Chosen over Debian's `gmt-gshhg` packages because both files are already in `../shared/data`,
/// cover the globe in 7 MB, and need no polygon rasterisation at run time. Only the window covering
/// the requested points is read.
public struct LandLookup: Sendable {
    /// The distance-to-land netCDF file.
    public let distanceFile: URL
    /// The land-mask GeoTIFF, or nil.
    public let maskFile: URL?

    /// A lookup over the distance netCDF and, optionally, the land-mask GeoTIFF.
    public init(distanceFile: URL, maskFile: URL? = nil) {
        self.distanceFile = distanceFile
        self.maskFile = maskFile
    }

    /// Distance to land (km, 0 over land) and land flag (1 land, 0 sea) at each point.
    /// - Throws: `SeaIceError` naming the land file when it lacks the expected variables or cannot be read.
    public func evaluate(latitude: [Float], longitude: [Float]) throws -> (distanceKm: [Float], land: [UInt8]) {
        precondition(latitude.count == longitude.count, "\(latitude.count) latitudes, \(longitude.count) longitudes")
        var latMin = Float.infinity, latMax = -Float.infinity, lonMin = Float.infinity, lonMax = -Float.infinity
        for i in latitude.indices where latitude[i].isFinite && longitude[i].isFinite {
            latMin = min(latMin, latitude[i]); latMax = max(latMax, latitude[i])
            lonMin = min(lonMin, longitude[i]); lonMax = max(lonMax, longitude[i])
        }
        guard latMin <= latMax else { return ([Float](repeating: .nan, count: latitude.count), [UInt8](repeating: 0, count: latitude.count)) }
        let box = (Double(latMin), Double(latMax), Double(lonMin), Double(lonMax))
        let distance = try readDistance(latitude: latitude, longitude: longitude, box: box)
        let land: [UInt8]
        if let maskFile {
            land = try readMask(maskFile, latitude: latitude, longitude: longitude, box: box)
        } else {
            land = distance.withUnsafeBufferPointer { d in
                nonisolated(unsafe) let d = d
                return parallelFill(d.count) { d[$0].isFinite && d[$0] <= 0 ? 1 : 0 }
            }
        }
        let clipped = distance.withUnsafeBufferPointer { d in
            nonisolated(unsafe) let d = d
            return parallelFill(d.count) { d[$0].isFinite ? max(0, d[$0]) : .nan }
        }
        return (clipped, land)
    }

    private func readDistance(latitude: [Float], longitude: [Float], box: (Double, Double, Double, Double)) throws -> [Float] {
        let file = try NetCDFFile.open(distanceFile)
        defer { try? file.close() }
        let v = try file.requireVariable("distance_to_land", dimensions: ["lat", "lon"])
        let lats = try file.read("lat", as: Double.self), lons = try file.read("lon", as: Double.self)
        guard lats.count == v.shape[0], lons.count == v.shape[1], lats.count > 1, lons.count > 1 else {
            throw SeaIceError.invalidInput(file: distanceFile.path, item: "lat/lon", expected: "coordinate vectors matching distance_to_land")
        }
        let dLat = lats[1] - lats[0], dLon = lons[1] - lons[0]
        let scale = try file.attribute("scale_factor", variable: "distance_to_land")?.number ?? 1
        let offset = try file.attribute("add_offset", variable: "distance_to_land")?.number ?? 0
        let r0 = max(0, Int(((box.0 - lats[0]) / dLat).rounded(.down)) - 1)
        let r1 = min(lats.count - 1, Int(((box.1 - lats[0]) / dLat).rounded(.up)) + 1)
        let rows = r1 - r0 + 1, cols = lons.count
        let raw = try file.read("distance_to_land", as: Int16.self, start: [r0, 0], count: [rows, cols])
        let lat0 = lats[0], lon0 = lons[0]
        return raw.withUnsafeBufferPointer { rawBuf in
            latitude.withUnsafeBufferPointer { latBuf in
                longitude.withUnsafeBufferPointer { lonBuf in
                    nonisolated(unsafe) let g = rawBuf, la = latBuf, lo = lonBuf
                    return parallelFill(latitude.count) { i -> Float in
                        let lat = la[i], lon = lo[i]
                        guard lat.isFinite && lon.isFinite else { return .nan }
                        let fy = (Double(lat) - lat0) / dLat - Double(r0)
                        var fx = (Double(lon) - lon0) / dLon
                        fx -= Double(cols) * (fx / Double(cols)).rounded(.down)
                        let y0 = min(max(0, Int(fy)), rows - 2), x0 = min(Int(fx), cols - 1)
                        let x1 = x0 + 1 == cols ? 0 : x0 + 1
                        let ty = min(max(fy - Double(y0), 0), 1), tx = fx - Double(x0)
                        let a = Double(g[y0 * cols + x0]), b = Double(g[y0 * cols + x1])
                        let c = Double(g[(y0 + 1) * cols + x0]), d = Double(g[(y0 + 1) * cols + x1])
                        let top = a + tx * (b - a), bottom = c + tx * (d - c)
                        return Float((top + ty * (bottom - top)) * scale + offset)
                    }
                }
            }
        }
    }

    private func readMask(_ url: URL, latitude: [Float], longitude: [Float], box: (Double, Double, Double, Double)) throws -> [UInt8] {
        let r = try GDALRaster(path: url.path)
        guard let t = r.geoTransform, t[2] == 0, t[4] == 0 else {
            throw SeaIceError.invalidInput(file: url.path, item: "geotransform", expected: "a north-up latitude/longitude grid")
        }
        let x0 = max(0, Int(((box.2 - t[0]) / t[1]).rounded(.down)) - 1), x1 = min(r.width - 1, Int(((box.3 - t[0]) / t[1]).rounded(.up)) + 1)
        let y0 = max(0, Int(((box.1 - t[3]) / t[5]).rounded(.down)) - 1), y1 = min(r.height - 1, Int(((box.0 - t[3]) / t[5]).rounded(.up)) + 1)
        let w = x1 - x0 + 1, h = y1 - y0 + 1
        let window = try r.readFloat(x: x0, y: y0, width: w, height: h)
        return window.withUnsafeBufferPointer { winBuf in
            latitude.withUnsafeBufferPointer { latBuf in
                longitude.withUnsafeBufferPointer { lonBuf in
                    nonisolated(unsafe) let m = winBuf, la = latBuf, lo = lonBuf
                    let ox = t[0], dx = t[1], oy = t[3], dy = t[5]
                    return parallelFill(latitude.count) { i -> UInt8 in
                        let lat = la[i], lon = lo[i]
                        guard lat.isFinite && lon.isFinite else { return 0 }
                        let px = Int(((Double(lon) - ox) / dx).rounded(.down)) - x0
                        let py = Int(((Double(lat) - oy) / dy).rounded(.down)) - y0
                        return px >= 0 && px < w && py >= 0 && py < h && m[py * w + px] >= 0.5 ? 1 : 0
                    }
                }
            }
        }
    }
}

/// `[value(0), …, value(count − 1)]` computed in contiguous chunks on all cores.
func parallelFill<T: BitwiseCopyable>(_ count: Int, _ value: @Sendable (Int) -> T) -> [T] {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / 65_536))
    let chunk = (count + workers - 1) / workers
    return [T](unsafeUninitializedCapacity: count) { buf, n in
        nonisolated(unsafe) let out = buf
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = w * chunk, hi = min(count, lo + chunk)
            if lo < hi { for i in lo..<hi { out.initializeElement(at: i, to: value(i)) } }
        }
        n = count
    }
}
