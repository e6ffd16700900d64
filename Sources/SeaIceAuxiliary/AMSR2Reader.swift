import Foundation
import Logging
import SeaIceCore
import SeaIceNetCDF

/// Reads a JAXA AMSR2 L1R or L1B swath file (HDF5, opened through netCDF-C, which gives its unnamed axes
/// `phony_dim_*` names; a netCDF-4 file with the same dataset names works the same) and resamples the 14
/// brightness temperatures to a scene's 2 km grid as `btemp_6_9h` … `btemp_89_0v` (K).
///
/// Datasets: `Brightness Temperature (res06,6.9GHz,H)` (L1R; the resolution is `AMSR2Configuration.resolution`,
/// else the first of res06, res10, res23, res36 that exists) or `Brightness Temperature (6.9GHz,H)`,
/// `(89.0GHz-A,H)` (L1B), shaped (scan, pixel), uint16 with a `SCALE FACTOR` attribute (0.01 K); raw 65534
/// and 65535 (JAXA "out of range"/"missing") and `_FillValue` become NaN. Geolocation:
/// `Latitude/Longitude of Observation Point for 89A`, (scan, 486). A channel with half as many pixels as the
/// 89A geolocation (the low-frequency channels, 243 per scan) is located at the odd-numbered 89A points
/// (1-based 1, 3, 5, …, i.e. 0-based columns 0, 2, 4, …), where JAXA L1R/L1B place the low-frequency
/// observations; a channel with as many pixels uses the 89A points directly. Resampling: `SwathResampler`.
public struct AMSR2Reader: Sendable {
    /// One AMSR2 channel.
    public struct Channel: Sendable, Hashable {
        /// Frequency as JAXA writes it (GHz), e.g. "6.9", "89.0".
        public var frequency: String
        /// Polarisation, "H" or "V".
        public var polarisation: String
        /// AI4Arctic variable name, e.g. `btemp_6_9h`.
        public var name: String { "btemp_\(frequency.replacingOccurrences(of: ".", with: "_"))\(polarisation.lowercased())" }
    }

    /// The 14 channels in AI4Arctic order.
    public static let channels: [Channel] = ["6.9", "7.3", "10.7", "18.7", "23.8", "36.5", "89.0"].flatMap { f in
        ["H", "V"].map { Channel(frequency: f, polarisation: $0) }
    }
    /// Geolocation dataset names.
    public static let latitudeName = "Latitude of Observation Point for 89A", longitudeName = "Longitude of Observation Point for 89A"

    /// The AMSR2 file.
    public let url: URL
    /// Resolution and resampling choices.
    public let configuration: AMSR2Configuration

    /// A reader of the file at `url`.
    public init(url: URL, configuration: AMSR2Configuration = AMSR2Configuration()) {
        self.url = url
        self.configuration = configuration
    }

    /// Dataset names tried for `channel`, in order.
    func candidates(_ channel: Channel) -> [String] {
        let resolutions = [configuration.resolution] + AMSR2Configuration.Resolution.allCases.filter { $0 != configuration.resolution }
        let l1b = channel.frequency == "89.0" ? "89.0GHz-A" : "\(channel.frequency)GHz"
        return resolutions.map { "Brightness Temperature (\($0.rawValue),\(channel.frequency)GHz,\(channel.polarisation))" }
            + ["Brightness Temperature (\(l1b),\(channel.polarisation))"]
    }

    /// The 14 brightness-temperature fields on `grid`.
    /// - Throws: `SeaIceError` naming the file and dataset: geolocation or a channel missing, shapes that do not
    ///   match the 89A geolocation, a missing `SCALE FACTOR`, or no footprint near the scene at all.
    public func fields(on grid: AuxiliaryGrid, logger: Logger) throws -> [AuxiliaryField] {
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let file = url.path
        let geo = try geolocation(nc)
        var resamplers: [Int: SwathResampler] = [:]
        var fields: [AuxiliaryField] = []
        for channel in AMSR2Reader.channels {
            let (name, step, tb) = try brightnessTemperatures(nc, channel, geolocation: geo)
            if resamplers[step] == nil {
                let (lat, lon) = geo.points(step: step)
                resamplers[step] = SwathResampler(grid: grid, latitude: lat, longitude: lon,
                                                  radiusKm: configuration.radiusKm, sigmaKm: configuration.sigmaKm)
            }
            let values = resamplers[step]!.resample(tb)
            fields.append(AuxiliaryField(name: channel.name, units: "K",
                                         longName: "AMSR2 \(channel.frequency) GHz \(channel.polarisation) brightness temperature (\(name))", values: values))
        }
        if fields.allSatisfy({ $0.values.allSatisfy(\.isNaN) }) {
            throw SeaIceError.invalidInput(file: file, item: "footprints of \(AMSR2Reader.latitudeName)",
                                           expected: "observations within \(configuration.radiusKm) km of the scene's 2 km cells (the swath does not cover the scene)")
        }
        let covered = fields[0].values.filter { !$0.isNaN }.count
        logger.info("AMSR2 \(url.lastPathComponent): \(covered) of \(grid.count) cells covered at 6.9 GHz")
        return fields
    }
}

extension AMSR2Reader {
    /// The number an attribute holds; a float32 attribute (JAXA's `SCALE FACTOR` 0.01) is taken as the decimal it
    /// was written from (its shortest representation), so 20000 × 0.01 is 200 K, not 199.999996 K.
    static func decimal(_ a: NetCDFAttribute?) -> Double? {
        if case let .floats(f)? = a, let first = f.first { return Double("\(first)") }
        return a?.number
    }
}

/// Typed choices of AMSR2 resampling.
public struct AMSR2Configuration: Codable, Sendable, Equatable {
    /// L1R footprint resolution (the channel's own resolution is used where the chosen one does not exist).
    public enum Resolution: String, Codable, Sendable, CaseIterable {
        /// 6.925 GHz footprint (35 × 62 km), all channels.
        case res06
        /// 10.65 GHz footprint (24 × 42 km).
        case res10
        /// 23.8 GHz footprint (15 × 26 km).
        case res23
        /// 36.5 GHz footprint (7 × 12 km).
        case res36
    }
    /// L1R resolution (default res06, every channel at the 6.9 GHz footprint).
    public var resolution: Resolution = .res06
    /// Search radius around each 2 km cell centre, km (≥ the 10 km L1R sampling).
    public var radiusKm: Double = 20
    /// Gaussian σ of the distance weights, km.
    public var sigmaKm: Double = 10

    /// The defaults.
    public init() {}
}
