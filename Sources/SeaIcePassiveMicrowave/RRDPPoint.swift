import SeaIceAuxiliary

/// One real co-located point of the ESA CCI sea-ice round-robin data package (RRDP; Pedersen et al. 2019,
/// ESA CCI Sea Ice RRDP v3; `../shared/data/cimr-rrdp/SOURCES.md`): the reference concentration, the 14 AMSR2
/// L1R brightness temperatures and the ERA5 (or ERA-Interim) weather at the same place and time.
public struct RRDPPoint: Sendable, Equatable {
    /// Reference latitude (°N) and longitude (°E) of the point.
    public var latitude: Double, longitude: Double
    /// Reference time as the file writes it (ISO 8601 UTC, e.g. "2017-01-05T23:15:16Z").
    public var time: String
    /// Reference year, month (1–12), day of month and day of year (1–366) of `time`.
    public var year: Int, month: Int, day: Int, dayOfYear: Int
    /// Reference ice concentration (fraction, the file's `SIC` column: 1 for the 2017 file, 0 for 2012).
    public var referenceConcentration: Double
    /// Brightness temperatures of the AMSR2 block, K, in `AMSR2Reader.channels` order (6.9H, 6.9V … 89.0V);
    /// NaN where the file writes `noval`.
    public let tb: [Double]
    /// ERA block: 10 m wind components and speed (m/s), 2 m air and skin temperature (K), total column water
    /// vapour and cloud liquid water (kg/m²).
    public var u10: Double, v10: Double, windSpeed: Double, t2m: Double, skt: Double, tcwv: Double, tclw: Double
    /// The 1-based line of the file the point comes from.
    public var line: Int

    /// A point.
    public init(latitude: Double, longitude: Double, time: String, referenceConcentration: Double, tb: [Double],
                u10: Double, v10: Double, windSpeed: Double, t2m: Double, skt: Double, tcwv: Double, tclw: Double,
                line: Int) {
        precondition(tb.count == AMSR2Reader.channels.count, "RRDP point with \(tb.count) brightness temperatures")
        self.latitude = latitude
        self.longitude = longitude
        self.time = time
        (year, month, day, dayOfYear) = Self.calendar(time)
        self.referenceConcentration = referenceConcentration
        self.tb = tb
        brightnessTemperatures = Dictionary(uniqueKeysWithValues: zip(AMSR2Reader.channels, tb))
        (self.u10, self.v10, self.windSpeed, self.t2m, self.skt, self.tcwv, self.tclw) =
            (u10, v10, windSpeed, t2m, skt, tcwv, tclw)
        self.line = line
    }

    /// The brightness temperatures by channel, K (the values of `tb`).
    public let brightnessTemperatures: BrightnessTemperatures

    /// The brightness temperature of `channel`, K.
    public subscript(_ channel: AMSR2Reader.Channel) -> Double {
        tb[AMSR2Reader.channels.firstIndex(of: channel)!]
    }

    /// Year, month, day and day of year of "YYYY-MM-DD…" (proleptic Gregorian); zeros when not a date (the
    /// reader checks the date before building a point).
    static func calendar(_ time: String) -> (Int, Int, Int, Int) {
        let parts = time.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return (0, 0, 0, 0) }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (y, m, d, days.prefix(m - 1).reduce(0, +) + d)
    }
}

/// The documented, deterministic split of the RRDP points into a training half (used to tune the new weather
/// mask and measure the tie-point spreads) and a held-out half (all reported figures): by the parity of the
/// reference day of year — odd days train, even days are held out. Splitting by date rather than by row keeps
/// the points of one day's weather systems (often neighbours in one swath) on the same side.
public enum RRDPSplit: String, Sendable, CaseIterable, Codable {
    /// Odd days of year.
    case training
    /// Even days of year.
    case heldOut = "held-out"

    /// The half `point` belongs to.
    public static func of(_ point: RRDPPoint) -> RRDPSplit { point.dayOfYear % 2 == 1 ? .training : .heldOut }

    /// The points of `points` in this half, in file order.
    public func select(_ points: [RRDPPoint]) -> [RRDPPoint] { points.filter { Self.of($0) == self } }
}
