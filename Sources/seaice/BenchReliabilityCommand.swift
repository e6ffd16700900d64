import ArgumentParser
import Foundation
import SeaIceBench

/// `seaice bench reliability`: runs the hostile-input corpus against this binary and prints the table.
struct BenchReliabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "Run the hostile-input corpus (damaged files, bad configurations, misuse) and print the outcome table.",
        discussion: """
        Each case runs this seaice binary in a fresh folder, bounded in time and memory. Outcomes: clean \
        (non-zero exit naming the file and the item at fault), crash (signal or trap), hang (past the time \
        bound), silent (exit 0 for an input that must be refused), unclear (the message misses what it must \
        name, or a half-written output was left). Exits non-zero unless every case is clean.
        """)

    @Option(help: "Seconds each case may run.")
    var timeout: Double = 120
    @Option(help: "Address-space bound of each case in GiB.")
    var memoryGib: Double = 8
    @Option(help: "Only cases whose reader or name contains this text.")
    var filter: String?
    @Flag(help: "Keep each case's folder under the temporary directory.")
    var keep = false
    @Option(help: "Run the corpus against another seaice binary (e.g. an older build, to compare outcomes).")
    var binary: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        output.activate()
        // This very executable (Linux: /proc/self/exe), whatever the working folder.
        let binary = self.binary.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let runner = ReliabilityRunner(binary: binary, timeout: timeout, memoryLimit: UInt64(memoryGib * 1_073_741_824), keep: keep)
        let cases = HostileCorpus.all.filter { c in filter.map { c.reader.contains($0) || c.name.contains($0) } ?? true }
        var results: [ReliabilityRunner.Result] = []
        for (k, c) in cases.enumerated() {
            let r = try runner.run(c)
            results.append(r)
            Console.line("[\(k + 1)/\(cases.count)] \(c.reader) — \(c.name): \(r.outcome.column)")
        }
        Console.line("")
        Console.line(ReliabilityRunner.table(results))
        if results.contains(where: { $0.outcome != .clean }) { throw ExitCode(1) }
    }
}
