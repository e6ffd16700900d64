import Foundation
import Logging
import SeaIceCore

/// The passive-microwave and weather files of a simulated day (SIMULATED DATA): AMSR2 L1R-like swaths
/// (`AMSR2SwathFile`) and the NSIDC-0802-like daily 25 km grid (`DailyTBGridFile`) of the day's
/// `ArcticWorld` seen through `weather`, and the ERA5-like file of the same weather (`ERA5FileWriter`).
///
/// One weather for the whole day: give the world `weather.wind(at:)` as its wind (as `seaice simulate day`
/// does) and the SAR open water, the AMSR2 gradient ratios and the ERA5 winds agree. Emission model fitted on
/// the real RRDP points of `SimulatorResources.signatures`.
public struct WorldAMSR2Producer: SimulatedDayProducer {
    /// The day's weather (cloud liquid water, vapour, wind, temperatures).
    public let weather: ArcticWeather
    /// Orbits (nil = every orbit of the day, 14–15), the northern scan limit and the L1R resolutions.
    public var configuration: AMSR2DayConfiguration
    /// ERA5 file grid (default 0.5°, 90–50° N, 6-hourly).
    public var era5Grid = ERA5FileGrid()
    let logger: Logger

    /// A producer; `orbits` nil = all orbits of the day.
    public init(weather: ArcticWeather, orbits: Int?, logger: Logger) {
        self.weather = weather; configuration = AMSR2DayConfiguration(orbits: orbits); self.logger = logger
    }

    /// Writes the swaths, the daily grid and the ERA5 file; entries in that order.
    public func write(_ context: SimulatedDayContext, to folder: URL) throws -> [SimulatedDayManifest.Entry] {
        let date = context.world.date.start
        let model = AMSR2EmissionModel(fitting: context.resources.signatures)
        var entries: [SimulatedDayManifest.Entry] = []
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "UTC")
        let grid = try AMSR2DaySimulator.simulate(
            truth: context.world, weather: weather, model: model, date: date, seed: context.seed,
            configuration: configuration
        ) { swath in
            let url = try AMSR2SwathFile.write(swath, seed: context.seed, to: folder)
            logger.info("SIMULATED AMSR2 swath \(url.lastPathComponent): \(swath.scans) scans")
            entries.append(.init(kind: "amsr2-l1r-swath", path: url.lastPathComponent,
                                 footprint: Self.corners(swath), time: swath.scanTimes.first.map(iso.string) ?? ""))
        }
        let noon = "\(context.world.date)T12:00:00Z"
        let gridName = DailyTBGridFile.fileName(day: context.world.date.description)
        try DailyTBGridFile.write(grid, seed: context.seed, to: folder.appendingPathComponent(gridName))
        let panArctic = try context.world.footprint(of: .panArctic(spacing: ArcticBaseMap.cellSize))
        entries.append(.init(kind: "amsr2-daily-grid-nsidc0802", path: gridName, footprint: panArctic, time: noon))
        let era5 = ERA5FileWriter.fileName(date: date)
        try ERA5FileWriter.write(weather, date: date, grid: era5Grid, truth: context.world, to: folder.appendingPathComponent(era5))
        let lat = era5Grid.latitudes, lon = era5Grid.longitudes
        entries.append(.init(kind: "era5-single-levels", path: era5,
                             footprint: [[lon.first!, lat.first!], [lon.last!, lat.first!], [lon.last!, lat.last!], [lon.first!, lat.last!]],
                             time: noon))
        return entries
    }

    /// First scan's first and last footprint, last scan's last and first, [longitude, latitude] degrees.
    static func corners(_ s: SimulatedAMSR2Swath) -> [[Double]] {
        guard s.scans > 0 else { return [] }
        let w = 486, last = (s.scans - 1) * w
        return [0, w - 1, last + w - 1, last].map { [s.longitude[$0], s.latitude[$0]] }
    }

}
