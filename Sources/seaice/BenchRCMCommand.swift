import ArgumentParser
import Foundation
import Logging
import SeaIceCore
import SeaIceRCM
import SeaIceSAR
import SeaIceSimulator

/// `seaice bench rcm`: a full-size simulated RCM product → 200 m analysis-ready netCDF, with stage timings and peak RSS.
struct BenchRCMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rcm",
        abstract: "Benchmark RCM preprocessing on a full-size simulated product (real RCM-2 metadata, simulated DN).",
        discussion: "Builds <work>/<template>_SIMU.zip (the reference σ⁰ field, thermal noise, seed 0) if it is missing, then times preprocessing to --pixel-size (default 200 m, the fusion grid). Run twice: the first run's peak RSS includes building the product. Figures are from simulated pixel data.")

    @Option(help: "Folder for the simulated product and the output scene.")
    var work: String = "/tmp/seaicekit-bench-rcm"
    @Option(help: "Template RCM product (default: rcm-metadata/… in the shared data folder).")
    var template: String?
    @OptionGroup var options: PreprocessOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let logger = output.logger("seaice.bench-rcm", normal: .info)
        let dir = URL(fileURLWithPath: work)
        let templateURL = try template.map { URL(fileURLWithPath: $0) } ?? SharedDataLocator.locate(explicit: options.data)
            .appendingPathComponent("rcm-metadata/RCM2_OK2116806_PK2116811_1_16M5_20220605_070317_HH_HV_GRD")
        let zip = dir.appendingPathComponent(templateURL.lastPathComponent + "_SIMU.zip")
        if !FileManager.default.fileExists(atPath: zip.path) {
            let t = Date()
            let (w, h) = try SimulatedRCMWriter.size(of: templateURL, reduction: 1)
            let pols = try RCMProduct(url: templateURL, requireImagery: false).metadata.polarisations
            var fields: [Polarisation: [Float]] = [:]
            for p in pols { fields[p] = SimulatedRCMWriter.referenceField(width: w, height: h, polarisation: p) }
            try SimulatedRCMWriter.write(.init(template: templateURL, reduction: 1, sigma0: fields), into: dir, zip: true)
            Console.line(String(format: "built %@ in %.1f s (rerun for a clean peak-RSS figure)", zip.path, Date().timeIntervalSince(t)))
        }
        var preprocessor = try options.rcmPreprocessor()
        if options.pixelSize == nil { preprocessor.pipeline.configuration.pixelSize = 200 }
        let start = Date()
        let scene = try preprocessor.run(zip, logger: logger)
        Console.line("SIMULATED RCM product \(scene.productName) → \(scene.width) × \(scene.height) at \(Int(scene.pixelSpacing)) m")
        try BenchPreprocessCommand.writeAndReport(scene, to: dir.appendingPathComponent("scene.nc"),
                                                  compression: options.deflate, since: start)
    }
}
