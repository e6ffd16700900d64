import ArgumentParser
import Foundation
import SeaIceBench
import SeaIcePolarGrids

/// `seaice bench pm-grid`: swath gridding, SeaIceKit against pyresample.
struct BenchPMGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pm-grid",
        abstract: "Grid a synthetic (SIMULATED) day of AMSR2-like swaths to an NSIDC grid: SeaIceKit vs pyresample "
            + "(nearest and gaussian, same parameters and threads); prints times, samples/s, ratio and agreement.",
        discussion: "Default: 8 half-orbit granules × 2000 scans × 243 samples (3.9 M samples, the low-frequency "
            + "channels); --full: 29 granules (14.1 M, a whole AMSR2 day). pyresample comes from .deps/pyresample "
            + "(scripts/setup.sh).")

    @Option(help: "Half-orbit granules (a day has ~29).") var granules = 8
    @Option(help: "Scans per granule.") var scans = 2000
    @Option(help: "Samples per scan (243 low frequency, 486 at 89 GHz).") var samples = 243
    @Flag(help: "A whole day: 29 granules.") var full = false
    @Option(help: "Rounds (pyresample, then SeaIceKit per method); the fastest of each is reported.") var runs = 1
    @Option(help: "Grid.") var grid = "nsidc-north-6.25km"
    @Option(help: "Radius of influence, km.") var radiusKm = 10.0
    @Option(help: "Gaussian sigma, km.") var sigmaKm = 5.0
    @Option(help: "Neighbours (gaussian).") var neighbours = 8
    @Option(help: "Threads on both sides.") var threads = 2
    @Option(help: "Repository holding python/grid_reference.py (default: the current folder).")
    var repository: String = FileManager.default.currentDirectoryPath
    @Option(help: "Folder holding pyresample (default: <repository>/.deps/pyresample).") var pyresample: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard granules > 0, scans > 1, samples > 1, threads > 0, neighbours > 0, runs > 0 else {
            throw ValidationError("--granules, --threads, --neighbours, --runs must be ≥ 1, --scans and --samples ≥ 2")
        }
    }

    func run() throws {
        output.activate()
        let repo = URL(fileURLWithPath: repository)
        let bench = PMGridBenchmark(
            day: SyntheticSwathDay(granules: full ? 29 : granules, scans: scans, samplesPerScan: samples),
            grid: try PolarStereographicGrid(name: grid),
            configuration: GridResamplingConfiguration(method: .gaussian, radiusOfInfluence: radiusKm * 1000,
                                                       sigma: sigmaKm * 1000, neighbours: neighbours),
            threads: threads, repository: repo,
            pyresample: pyresample.map { URL(fileURLWithPath: $0) } ?? repo.appendingPathComponent(".deps/pyresample"),
            runs: runs)
        let (n, rows) = try bench.run { Console.line($0) }
        Console.line("method    SeaIceKit s  pyresample s  ratio  SeaIceKit samples/s  both  one-side  max|Δ| K  agree")
        for r in rows {
            Console.line(String(format: "%-9@ %11.2f %13.2f %6.2f %20.3g %5d %9d %9.2g  %@", r.method.rawValue as NSString,
                                r.swiftSeconds, r.pythonSeconds, r.speedup, Double(n) / r.swiftSeconds, r.bothFilled,
                                r.oneSideOnly, r.maxDifference, (r.agrees ? "yes" : "NO") as NSString))
        }
        if rows.contains(where: { !$0.agrees }) { throw ExitCode(1) }
    }
}
