import ArgumentParser
import Foundation
import SeaIceCore
import SeaIcePMProducts
import SeaIcePassiveMicrowave
import SeaIcePolarGrids

/// `seaice pm concentration`: one day of AMSR2 swaths (or one NSIDC-0802-style gridded TB file) → a daily
/// concentration product (netCDF in OSI SAF layout, GeoTIFF, PNG) on an NSIDC north grid.
struct PMConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concentration",
        abstract: "Grid a day of AMSR2 swaths (or read a gridded TB file) and write the daily concentration "
            + "product (.nc OSI SAF layout, .tif, .png) on an NSIDC polar-stereographic north grid."
    )

    @Argument(help: "AMSR2 L1R/L1B swath files of the day (gridded together), or one NSIDC-0802-style gridded TB netCDF file.")
    var inputs: [String]

    @Option(help: "The day, YYYY-MM-DD (UTC).")
    var date: String

    @Option(help: "Algorithm: nasa-team (NSIDC-0802 AMSR2 tie points) or asi (89 GHz).")
    var algorithm: PMRetrievalMethod.Algorithm = .nasaTeam

    @Option(help: "Weather filter: nasa-team (GR 37/19 > 0.050 or GR 22/19 > 0.045), asi, gr8919 (the new GR 89V/18.7V mask) or none.")
    var filter: PMRetrievalMethod.Filter = .nasaTeam

    @Option(help: "Grid: nsidc-north-25km, nsidc-north-12.5km, nsidc-north-6.25km or nsidc-north-3.125km.")
    var grid = "nsidc-north-25km"

    @Option(help: "Projection EPSG code: 3411 (Hughes ellipsoid, NSIDC's historical) or 3413 (WGS 84).")
    var epsg = 3411

    @Option(help: "Swath resampling: gaussian, nearest or bucket (drop in the bucket).")
    var resampling: GridResamplingConfiguration.Method = .gaussian

    @Option(help: "Radius of influence, km (gaussian, nearest).")
    var radiusKm = 10.0

    @Option(help: "Gaussian sigma, km (weights exp(-d²/σ²), as pyresample).")
    var sigmaKm = 5.0

    @Option(help: "Most samples per cell, nearest first (gaussian).")
    var neighbours = 8

    @Option(help: "NSIDC pole hole to mask: none, ssmi or smmr.")
    var poleHole: NSIDCMasks.PoleHole = .none

    @Option(help: "Gridding threads.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The shared data folder with nsidc-polarstereo/masks and landmask/natural-earth (default: $SEAICE_DATA, ../shared/data).")
    var data: String?

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file") }
        guard PolarStereographicGrid.Projection(rawValue: epsg) != nil else { throw ValidationError("--epsg must be 3411 or 3413") }
        guard UTCTimestamp.date("\(date)T00:00:00Z") != nil else { throw ValidationError("--date must be YYYY-MM-DD, got \(date)") }
        guard threads > 0 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let logger = output.logger("seaice.pm")
        let grid = try PolarStereographicGrid(name: grid, projection: PolarStereographicGrid.Projection(rawValue: epsg)!)
        let day = UTCTimestamp.date("\(date)T00:00:00Z")!
        var configuration = PMConcentrationConfiguration()
        configuration.resampling = GridResamplingConfiguration(method: resampling, radiusOfInfluence: radiusKm * 1000,
                                                               sigma: sigmaKm * 1000, neighbours: neighbours)
        configuration.poleHole = poleHole
        try configuration.resampling.validate()
        let dataFolder = try SharedDataLocator.locate(explicit: data)
        let masks = try NSIDCMasks(grid: grid, folder: dataFolder.appendingPathComponent("nsidc-polarstereo/masks"), poleHole: poleHole)
        let folder = URL(fileURLWithPath: out)
        try OutputFolder.prepare(folder, option: "--out")
        let pipeline = PMConcentrationPipeline(grid: grid, method: .named(algorithm, filter: filter), masks: masks,
                                               configuration: configuration, threads: threads)
        let product = try pipeline.run(inputs: inputs.map { URL(fileURLWithPath: $0) }, day: day, logger: logger)
        let coast = dataFolder.appendingPathComponent("landmask/natural-earth/ne_10m_admin_0_countries_deu.zip")
        let writer = PMConcentrationProductWriter(
            folder: folder, coastlines: FileManager.default.fileExists(atPath: coast.path) ? coast : nil,
            commandLine: CommandLine.arguments.joined(separator: " "))
        let files = try writer.write(product)
        let counts = product.statusCounts
        Console.line((product.simulated ? "SIMULATED input: " : "") + "\(grid.name) EPSG:\(grid.epsg) \(date): "
                     + PMStatusFlag.allCases.map { "\(PMStatusFlag.table.entry($0.rawValue)!.name) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        for line in product.screen.summary { Console.line("masked: \(line)") }
        for f in files { Console.line("wrote \(f.path)") }
    }
}

extension GridResamplingConfiguration.Method: ExpressibleByArgument {}
extension PMRetrievalMethod.Algorithm: ExpressibleByArgument {}
extension PMRetrievalMethod.Filter: ExpressibleByArgument {}
extension NSIDCMasks.PoleHole: ExpressibleByArgument {}
