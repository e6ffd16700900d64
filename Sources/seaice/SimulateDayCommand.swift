import ArgumentParser
import Foundation
import SeaIceCore
import SeaIceSimulator

/// `seaice simulate day`: one consistent simulated Arctic day (SIMULATED DATA).
struct SimulateDayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "Simulate one consistent Arctic day: Sentinel-1 EW and RCM scenes, AMSR2, ERA5, a SIGRID-3 chart and the world's truth.",
        discussion: """
        Every file is sampled from one simulated world (real 25 km concentration and NSIDC masks, ten WMO \
        stages, floes, leads, drift): scenes as AI4Arctic raw netCDF with truth_surface_class and \
        truth_sea_ice_concentration layers, RCM GRD products (the real RCM-2 metadata moved onto the world's ice, \
        simulated DN), AMSR2 L1R-like swaths and an NSIDC-0802-like daily grid, an ERA5-like file of the same \
        weather (the SAR open water follows its wind), the chart as a SIGRID-3 GeoPackage, the world's truth on the \
        EPSG:3413 grid, and manifest.json listing every file with its kind, footprint and time. \
        The same --date and --seed give the same files. --out, --seed, --data and -v/-q are the options of \
        `seaice simulate` and may stand anywhere on the line: seaice simulate day --date 2021-11-15 --out DIR.
        """
    )

    @Option(help: "The day, YYYY-MM-DD.")
    var date: String

    @Option(help: "Number of Sentinel-1 EW scenes.")
    var sentinel1: Int = 2

    @Option(help: "Number of RCM products.")
    var rcm: Int = 1

    @Option(help: "AMSR2 orbits from the day's first ascending node (0: no AMSR2 or ERA5; default 2, all of the day with --full-size).")
    var orbits: Int?

    @Flag(help: "Full-size products (EW scenes of 10 000 × 10 000 pixels at 40 m, truth at 6.25 km) instead of small ones.")
    var fullSize = false

    /// `seaice simulate`, whose --out, --seed, --data and output options the day takes.
    @ParentCommand var simulate: SimulateCommand

    func validate() throws {
        guard sentinel1 >= 0 else { throw ValidationError("--sentinel1 must be 0 or more") }
        guard rcm >= 0 else { throw ValidationError("--rcm must be 0 or more") }
        if let orbits, orbits < 0 { throw ValidationError("--orbits must be 0 or more") }
        _ = try WorldDate(date)
    }

    func run() throws {
        let logger = simulate.output.logger("seaice.simulate.day", normal: .info)
        let folder = URL(fileURLWithPath: simulate.out)
        try OutputFolder.prepare(folder, option: "--out")
        let dataFolder = try SharedDataLocator.locate(explicit: simulate.data)
        let started = Date()
        let writer = try SimulatedDayWriter.standardDay(
            dataFolder: dataFolder, date: try WorldDate(date), seed: simulate.seed, sentinel1: sentinel1, rcm: rcm,
            orbits: orbits, fullSize: fullSize, logger: logger)
        let manifest = try writer.write(to: folder)
        for entry in manifest.files { Console.line("SIMULATED \(entry.kind): \(folder.appendingPathComponent(entry.path).path)") }
        Console.line("SIMULATED day \(manifest.date): \(manifest.files.count) files and manifest.json in "
            + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
