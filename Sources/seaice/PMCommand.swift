import ArgumentParser
import Foundation
import SeaIceCore
import SeaIcePassiveMicrowave
import SeaIceQuicklook

/// `seaice pm`: passive-microwave sea-ice concentration (NASA Team, ASI, CCI hybrids, weather filters).
struct PMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pm",
        abstract: "Passive-microwave sea-ice concentration: algorithms, weather filters, validation, daily gridded products.",
        subcommands: [PMValidateCommand.self, PMConcentrationCommand.self]
    )
}

/// `seaice pm validate`: every algorithm and filter on the held-out half of the real RRDP points.
struct PMValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate NASA Team, ASI and the CCI hybrids with each weather filter on the real RRDP points.",
        discussion: """
            Reads the two RRDP files (SIC = 1, Arctic 2017; SIC = 0, 2012) and the CCI tie-point files in \
            DIR/aux, tunes the new GR(89V/18.7V) mask on the training half (odd days of year) and reports bias, \
            standard deviation and RMSE at SIC = 1 and 0, open water let through as ice and ice removed, on the \
            held-out half (even days). Writes validation.md, validation.json and histogram-<algorithm>.png.
            """
    )

    @Option(name: .customLong("rrdp"), help: "The RRDP folder (default: the shared data's cimr-rrdp).")
    var rrdp: String?

    @Option(name: .customLong("data"), help: "The shared data folder (default: located as usual).")
    var data: String?

    @Option(name: .customLong("out"), help: "Output folder for the table, JSON and histograms.")
    var out: String = "pm-validation"

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        let folder = try rrdp.map { URL(fileURLWithPath: $0) }
            ?? SharedDataLocator.locate(explicit: data).appendingPathComponent("cimr-rrdp")
        let points = try RRDPData(folder: folder)
        let algorithms = try PMValidation.standardAlgorithms(data: points, aux: folder.appendingPathComponent("aux"))
        let report = PMValidation(data: points, algorithms: algorithms, filters: PMValidation.standardFilters)
        let outURL = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
        let plots = algorithms.map { algorithm in
            let (ice, water) = PMValidation.heldOutConcentrations(algorithm, data: points)
            return (algorithm.name, HistogramPlot(
                title: "\(algorithm.name): concentration on the held-out RRDP points",
                xLabel: "concentration, unclamped",
                series: [.init(name: "SIC = 1 (2017)", values: ice), .init(name: "SIC = 0 (2012)", values: water)],
                low: -0.4, high: 1.4, bins: 90,
                caption: ["real data: ESA CCI RRDP AMSR2 L1R points, held-out half (even days of year), "
                    + "no weather filter"]))
        }
        let names = ["validation.md", "validation.json"] + plots.map { "histogram-\($0.0).png" }
        try AtomicOutput.writeTogether(names.map { outURL.appendingPathComponent($0) }) { urls in
            try Data(report.markdown.utf8).write(to: urls[0])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            // A half without points has NaN statistics; JSON has no NaN.
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                          negativeInfinity: "-inf", nan: "nan")
            try encoder.encode(report).write(to: urls[1])
            for (k, plot) in plots.enumerated() { try plot.1.write(to: urls[k + 2]) }
        }
        Console.line(report.markdown)
        Console.line("wrote \(names.count) files to \(outURL.path)")
    }
}
