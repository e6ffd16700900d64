import Foundation
import SeaIceCore
import SeaIceNetCDF



/// The 89A geolocation of an AMSR2 swath: `scans × width` points (width 486), degrees; NaN where the file
/// holds no valid position.
public struct AMSR2Geolocation: Sendable, Equatable {
    /// Number of scans.
    public let scans: Int
    /// 89A points per scan.
    public let width: Int
    /// Latitudes, scan-major, degrees.
    public let latitude: [Double]
    /// Longitudes, scan-major, degrees.
    public let longitude: [Double]

    /// A geolocation of `scans × width` points.
    public init(scans: Int, width: Int, latitude: [Double], longitude: [Double]) {
        precondition(latitude.count == scans * width && longitude.count == scans * width,
                     "\(latitude.count) latitudes, \(longitude.count) longitudes for \(scans) × \(width)")
        self.scans = scans
        self.width = width
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The positions of a channel sampled every `step`-th 89A point (1: the 89 GHz channels, 2: the others,
    /// located at 0-based columns 0, 2, 4, …), scan-major.
    public func points(step: Int) -> (latitude: [Double], longitude: [Double]) {
        if step == 1 { return (latitude, longitude) }
        let pick = { (a: [Double]) in (0..<scans).flatMap { s in stride(from: 0, to: width, by: step).map { a[s * width + $0] } } }
        return (pick(latitude), pick(longitude))
    }
}

/// Raw swath samples of an AMSR2 L1R/L1B file: the geolocation and, per channel, the brightness
/// temperatures (K, NaN for JAXA's out-of-range/missing codes and `_FillValue`), scan-major
/// `scans × (width / step)`.
public struct AMSR2Swath: Sendable {
    /// One channel's samples.
    public struct Samples: Sendable {
        /// 1 for a channel at every 89A point (89 GHz), 2 for the low-frequency channels (243 per scan).
        public let step: Int
        /// Brightness temperatures, K (NaN = fill).
        public let values: [Double]
        /// The dataset the values come from.
        public let dataset: String

        /// Samples every `step`-th 89A point.
        public init(step: Int, values: [Double], dataset: String) {
            self.step = step
            self.values = values
            self.dataset = dataset
        }
    }
    /// The file.
    public let url: URL
    /// The 89A geolocation.
    public let geolocation: AMSR2Geolocation
    /// The requested channels' samples.
    public let channels: [AMSR2Reader.Channel: Samples]

    /// A swath (from a file, or made in memory by a simulator or benchmark).
    public init(url: URL, geolocation: AMSR2Geolocation, channels: [AMSR2Reader.Channel: Samples]) {
        for (c, s) in channels {
            precondition(s.values.count == geolocation.scans * (geolocation.width / s.step), "\(c.name): \(s.values.count) samples")
        }
        self.url = url
        self.geolocation = geolocation
        self.channels = channels
    }
}

extension AMSR2Reader {
    /// The raw samples of `channels` (default all 14), for gridding (SeaIcePolarGrids).
    /// - Throws: `SeaIceError.missing` listing every requested channel the file lacks (by its L1R and L1B
    ///   dataset names); `SeaIceError` naming the dataset for missing geolocation, bad shapes or scale factor.
    public func swath(channels: [Channel] = AMSR2Reader.channels) throws -> AMSR2Swath {
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let missing = channels.filter { candidates($0).first(where: nc.hasVariable) == nil }
        if !missing.isEmpty {
            throw SeaIceError.missing(
                file: url.path,
                item: "channels " + missing.map { "\($0.frequency) GHz \($0.polarisation) (`\(candidates($0)[0])`)" }
                    .joined(separator: ", "))
        }
        let geo = try geolocation(nc)
        var samples: [Channel: AMSR2Swath.Samples] = [:]
        for channel in channels {
            let (name, step, tb) = try brightnessTemperatures(nc, channel, geolocation: geo)
            samples[channel] = AMSR2Swath.Samples(step: step, values: tb, dataset: name)
        }
        return AMSR2Swath(url: url, geolocation: geo, channels: samples)
    }

    /// The 89A geolocation of an open file (latitudes beyond ±90°, longitudes beyond ±360° become NaN).
    func geolocation(_ nc: NetCDFFile) throws -> AMSR2Geolocation {
        let file = url.path
        for name in [AMSR2Reader.latitudeName, AMSR2Reader.longitudeName] where !nc.hasVariable(name) {
            throw SeaIceError.missing(file: file, item: "dataset `\(name)`")
        }
        let geoShape = try nc.variable(AMSR2Reader.latitudeName).shape
        guard geoShape.count == 2, try nc.variable(AMSR2Reader.longitudeName).shape == geoShape else {
            throw SeaIceError.invalidInput(file: file, item: "dataset `\(AMSR2Reader.latitudeName)` shape \(geoShape)",
                                           expected: "(scan, pixel), the same as `\(AMSR2Reader.longitudeName)`")
        }
        let lat = try nc.read(AMSR2Reader.latitudeName, as: Double.self).map { abs($0) <= 90 ? $0 : .nan }
        let lon = try nc.read(AMSR2Reader.longitudeName, as: Double.self).map { abs($0) <= 360 ? $0 : .nan }
        return AMSR2Geolocation(scans: geoShape[0], width: geoShape[1], latitude: lat, longitude: lon)
    }

    /// One channel of an open file: its dataset name, its step along the 89A points, and the values in K.
    func brightnessTemperatures(_ nc: NetCDFFile, _ channel: Channel, geolocation geo: AMSR2Geolocation) throws
        -> (name: String, step: Int, values: [Double])
    {
        let file = url.path
        guard let name = candidates(channel).first(where: nc.hasVariable) else {
            throw SeaIceError.missing(file: file, item: "dataset `\(candidates(channel)[0])` (or its L1B name `\(candidates(channel).last!)`)")
        }
        let shape = try nc.variable(name).shape
        guard shape.count == 2, shape[0] == geo.scans, shape[1] > 0, shape[1] == geo.width || shape[1] * 2 == geo.width else {
            throw SeaIceError.invalidInput(file: file, item: "dataset `\(name)` shape \(shape)",
                                           expected: "(\(geo.scans), \(geo.width)) or (\(geo.scans), \(geo.width / 2)) as the 89A geolocation (\(geo.scans), \(geo.width))")
        }
        let attributes = try nc.attributes(variable: name)
        guard let scale = AMSR2Reader.decimal(attributes["SCALE FACTOR"] ?? attributes["scale_factor"]) else {
            throw SeaIceError.missing(file: file, item: "attribute `SCALE FACTOR` of dataset `\(name)`")
        }
        let fills = (attributes["_FillValue"]?.doubles ?? []) + [65534, 65535]
        let tb = try nc.read(name, as: Double.self).map { fills.contains($0) ? Double.nan : $0 * scale }
        return (name, geo.width / shape[1], tb)
    }
}
