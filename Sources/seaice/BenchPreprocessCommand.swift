import ArgumentParser
import Foundation
import Logging
import SeaIceCore
import SeaIceSentinel1

/// `seaice bench preprocess`: full-size EW HH/HV zip → 80 m netCDF, with stage timings and peak memory.
struct BenchPreprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preprocess",
        abstract: "Benchmark Sentinel-1 preprocessing on a full-size synthetic EW product (real XML, simulated DN).",
        discussion: "Builds <work>/S1A_EW_GRDM_1SDH_…_BB15.zip from the real stactools EW metadata at the real size (10708 × 10487, HH and HV) if it is missing, then times preprocessing. Run twice: the peak RSS of the first run includes building the product. Figures are from simulated pixel data.")

    @Option(help: "Folder for the synthetic product and the output scene.")
    var work: String = "/tmp/seaicekit-bench-s1"
    @Option(help: "Template SAFE product with real annotation, calibration and noise XML (default: the stactools EW product in the shared data folder).")
    var template: String?
    @OptionGroup var options: PreprocessOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let logger = output.logger("seaice.bench-preprocess", normal: .info)
        let dir = URL(fileURLWithPath: work)
        let templateURL = try template.map { URL(fileURLWithPath: $0) } ?? SharedDataLocator.locate(explicit: options.data)
            .appendingPathComponent("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")
        let zip = dir.appendingPathComponent(templateURL.deletingPathExtension().lastPathComponent + ".zip")
        if !FileManager.default.fileExists(atPath: zip.path) {
            let b = SyntheticProduct(template: templateURL)
            let t = Date()
            try b.writeZip(to: zip)
            Console.line(String(format: "built %@ in %.1f s (rerun for a clean peak-RSS figure)", zip.path, Date().timeIntervalSince(t)))
        }
        let start = Date()
        let scene = try options.preprocessor().run(zip, logger: logger)
        try Self.writeAndReport(scene, to: dir.appendingPathComponent("scene.nc"), compression: options.deflate, since: start)
    }
}

extension BenchPreprocessCommand {
    /// Writes `scene` to `out` (timed as the stage "write netCDF") and prints the stage table, the total since
    /// `start` and the peak RSS (shared by `bench preprocess` and `bench rcm`).
    static func writeAndReport(_ scene: AnalysisReadyScene, to out: URL, compression: Int?, since start: Date) throws {
        var stages = scene.stageTimings
        let t = Date(), cpu = StageTiming.processCPUSeconds()
        try AI4ArcticSceneWriter.write(scene, to: out, compression: compression)
        stages.append(StageTiming(name: "write netCDF", wall: Date().timeIntervalSince(t), cpu: StageTiming.processCPUSeconds() - cpu))
        let total = Date().timeIntervalSince(start)
        Console.line("stage                                     wall s   CPU s")
        for s in stages { Console.line(s.name.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: " %7.2f %7.2f", s.wall, s.cpu)) }
        Console.line("total".padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: " %7.2f %7.2f", total, stages.reduce(0) { $0 + $1.cpu }))
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        Console.line(String(format: "peak RSS %.0f MiB; output %d × %d at %.0f m; %d threads available",
                     Double(usage.ru_maxrss) / 1024, scene.width, scene.height, scene.pixelSpacing, ProcessInfo.processInfo.activeProcessorCount))
    }
}
