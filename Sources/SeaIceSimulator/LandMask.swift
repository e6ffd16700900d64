import Foundation
import SeaIceCore
import SeaIceGDAL

/// A land/sea raster window in geographic coordinates, read through GDAL.
///
/// The default source is the 1 km GLOBE land mask in `../shared/data/landmask/global-land-mask/`
/// (EPSG:4326, 1 = land). Only the window covering the requested latitude/longitude box is read.
public struct LandMask: Sendable {
    let values: [UInt8]
    let width: Int, height: Int
    /// Geographic position of the window's top-left corner and pixel size, degrees.
    let west: Double, north: Double, dLon: Double, dLat: Double

    /// Reads the part of `url` covering latitudes `lat` and longitudes `lon` (degrees, plus a margin).
    public init(url: URL, latitude lat: ClosedRange<Double>, longitude lon: ClosedRange<Double>) throws {
        let raster: GDALRaster
        do { raster = try GDALRaster(path: url.path) } catch {
            throw SeaIceError.invalidInput(file: url.path, item: "raster", expected: "a GDAL-readable land mask (\(error))")
        }
        guard let gt = raster.geoTransform, gt[2] == 0, gt[4] == 0, gt[5] < 0 else {
            throw SeaIceError.invalidInput(file: url.path, item: "geotransform", expected: "a north-up geographic grid")
        }
        let fullW = raster.width, fullH = raster.height
        let margin = 0.1
        let x0 = max(0, Int(((lon.lowerBound - margin) - gt[0]) / gt[1]))
        let x1 = min(fullW, Int(((lon.upperBound + margin) - gt[0]) / gt[1]) + 1)
        let y0 = max(0, Int(((lat.upperBound + margin) - gt[3]) / gt[5]))
        let y1 = min(fullH, Int(((lat.lowerBound - margin) - gt[3]) / gt[5]) + 1)
        guard x1 > x0, y1 > y0 else {
            throw SeaIceError.invalidInput(file: url.path, item: "window \(lat) °N, \(lon) °E", expected: "a window inside the raster")
        }
        let w = x1 - x0, h = y1 - y0
        width = w; height = h
        let buffer = try raster.readBytes(band: 1, x: x0, y: y0, width: w, height: h)
        values = buffer
        west = gt[0] + Double(x0) * gt[1]; north = gt[3] + Double(y0) * gt[5]
        dLon = gt[1]; dLat = gt[5]
    }

    /// Whether (lat, lon) is land (nearest raster cell; outside the window counts as sea).
    public func isLand(latitude: Double, longitude: Double) -> Bool {
        let x = Int(((longitude - west) / dLon).rounded(.down)), y = Int(((latitude - north) / dLat).rounded(.down))
        guard x >= 0, x < width, y >= 0, y < height else { return false }
        return values[y * width + x] != 0
    }
}
