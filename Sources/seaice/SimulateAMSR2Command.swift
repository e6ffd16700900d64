import ArgumentParser
import Foundation
import SeaIceAuxiliary
import SeaIceCore
import SeaIceSimulator

/// `seaice simulate amsr2`: a simulated day of AMSR2 swaths, its daily NSIDC-grid TBs and its ERA5 weather
/// (SIMULATED DATA) over the real 25 km concentration map of `nansat/arctic.nc`.
struct SimulateAMSR2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amsr2",
        abstract:
            "Simulate a day of AMSR2 L1R-like swaths, an NSIDC-0802-like daily grid and ERA5 weather (SIMULATED).",
        discussion: """
            Truth: the real 25 km concentration map nansat/arctic.nc with the NSIDC land mask (multi-year share by a \
            simple documented rule). Weather: smooth random fields with the monthly distributions of the real ERA5 \
            values of the RRDP points. Emission: fitted on half of the real RRDP points. The same --seed gives the same files.
            """
    )

    @Option(help: "The UTC day, YYYY-MM-DD.")
    var date: String

    /// `--out`, `--seed`, `--data` and the output flags are the parent's (`seaice simulate … amsr2` shares them;
    /// ArgumentParser decodes the parent's options from the whole command line first).
    @OptionGroup var simulate: SimulateCommand

    @Option(help: "Orbits from the day's first ascending node (default: all 14–15 of the day).")
    var orbits: Int?

    @Option(help: "Keep scans while the sub-satellite point is north of this latitude (°N; 40 covers the NSIDC grid).")
    var minimumLatitude = 40.0

    @Option(help: "ERA5 grid spacing in degrees (the ERA5 file covers 90–50° N, 6-hourly).")
    var era5Resolution = 0.5

    func validate() throws {
        guard CFTime.parseDate(date) != nil else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        if let n = orbits, n < 1 { throw ValidationError("--orbits must be at least 1") }
        guard (0...81.7).contains(minimumLatitude) else {
            throw ValidationError("--minimum-latitude must be 0…81.7 (the orbit reaches 81.8° N)")
        }
        guard era5Resolution >= 0.1, era5Resolution <= 5 else {
            throw ValidationError("--era5-resolution must be 0.1…5 degrees")
        }
    }

    func run() throws {
        let logger = simulate.output.logger("seaice.simulate.amsr2", normal: .info)
        let day = CFTime.parseDate(date)!
        let folder = URL(fileURLWithPath: simulate.out)
        try OutputFolder.prepare(folder, option: "--out")
        let dataFolder = try SharedDataLocator.locate(explicit: simulate.data)
        let signatures = try MicrowaveSignatures(folder: dataFolder.appendingPathComponent("cimr-rrdp"))
        let truth = try ArcticMapTruth(dataFolder: dataFolder)
        let weather = try ArcticWeather(climatology: WeatherClimatology(signatures: signatures), seed: simulate.seed)
        let model = AMSR2EmissionModel(fitting: signatures)
        let started = Date()
        var configuration = AMSR2DayConfiguration(orbits: orbits)
        configuration.minimumLatitude = minimumLatitude
        let urls = try AMSR2DaySimulator.write(
            truth: truth, weather: weather, model: model, date: day, seed: simulate.seed,
            configuration: configuration, to: folder, logger: logger)
        var grid = ERA5FileGrid()
        grid.resolution = era5Resolution
        let era5 = folder.appendingPathComponent(ERA5FileWriter.fileName(date: day))
        try ERA5FileWriter.write(weather, date: day, grid: grid, truth: truth, to: era5)
        for url in urls + [era5] { Console.line("SIMULATED \(url.path)") }
        Console.line(
            "\(urls.count - 1) swaths, 1 daily grid, 1 ERA5 file in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
    }
}
