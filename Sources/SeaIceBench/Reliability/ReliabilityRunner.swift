import Foundation

/// Runs `HostileCase`s against a `seaice` binary, each in a fresh folder, in a child process bounded in
/// time (killed at `timeout`) and address space (`ulimit -v`, so an unbounded allocation ends the
/// child instead of the machine), and classifies each outcome (`HostileOutcome`).
public struct ReliabilityRunner: Sendable {
    /// The `seaice` executable.
    public var binary: URL
    /// Seconds a case may run.
    public var timeout: Double
    /// Address-space bound of the child in bytes.
    public var memoryLimit: UInt64
    /// Where the case folders are made (removed afterwards unless `keep`).
    public var work: URL
    /// Keep each case's folder (for inspection).
    public var keep: Bool

    /// A runner; defaults: 120 s and 8 GiB per case.
    public init(binary: URL, timeout: Double = 120, memoryLimit: UInt64 = 8 << 30,
                work: URL = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-reliability"), keep: Bool = false) {
        self.binary = binary
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.work = work
        self.keep = keep
    }

    /// One case's result.
    public struct Result: Sendable, Codable {
        /// Row and name of the case.
        public var reader: String, name: String
        /// The outcome.
        public var outcome: HostileOutcome
        /// Exit status (or signal), seconds, and the last part of the output.
        public var status: Int32, seconds: Double, output: String
    }

    /// Runs `c` and classifies it.
    public func run(_ c: HostileCase) throws -> Result {
        let folder = work.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let arguments = try c.make(folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let kib = memoryLimit / 1024
        process.arguments = ["-c", "ulimit -v \(kib) && exec \"$0\" \"$@\"", binary.path] + arguments
        process.currentDirectoryURL = folder
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("seaice-reliability-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                process.terminate()
                Thread.sleep(forTimeInterval: 2)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        try handle.close()
        let seconds = Date().timeIntervalSince(start)
        let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        let left = c.mustNotLeave.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        let outcome: HostileOutcome
        if timedOut {
            outcome = .hang
        } else if process.terminationReason == .uncaughtSignal {
            outcome = .crash(signal: process.terminationStatus)
        } else if process.terminationStatus == 0 {
            // A success must still report what it must (e.g. how many damaged values it masked).
            let missing = c.mustMention.filter { !text.contains($0) } + left.map { "left behind: \($0)" }
            outcome = !c.expectSuccess ? .silent : (missing.isEmpty ? .clean : .unclear(missing: missing))
        } else if c.expectSuccess {
            outcome = .unclear(missing: ["exit 0"])
        } else {
            let missing = c.mustMention.filter { !text.contains($0) } + left.map { "left behind: \($0)" }
            outcome = missing.isEmpty ? .clean : .unclear(missing: missing)
        }
        return Result(reader: c.reader, name: c.name, outcome: outcome, status: process.terminationStatus,
                      seconds: seconds, output: String(text.suffix(2000)))
    }

    /// The table `reader × tried / clean / crash / hang / silent / unclear` of `results`, as Markdown,
    /// followed by every case that was not clean.
    public static func table(_ results: [Result]) -> String {
        var rows: [String: [String: Int]] = [:]
        for r in results { rows[r.reader, default: [:]][r.outcome.column, default: 0] += 1 }
        let columns = ["clean", "crash", "hang", "silent", "unclear"]
        var out = "| reader | tried | " + columns.joined(separator: " | ") + " |\n|---|---:|" + String(repeating: "---:|", count: columns.count) + "\n"
        for reader in rows.keys.sorted() {
            let r = rows[reader]!
            out += "| \(reader) | \(r.values.reduce(0, +)) | " + columns.map { "\(r[$0] ?? 0)" }.joined(separator: " | ") + " |\n"
        }
        let total = results.count
        out += "| **all** | \(total) | " + columns.map { c in "\(results.filter { $0.outcome.column == c }.count)" }
            .joined(separator: " | ") + " |\n"
        let bad = results.filter { $0.outcome != .clean }
        if !bad.isEmpty {
            out += "\nNot clean:\n\n"
            for r in bad {
                let tail = r.output.split(separator: "\n").suffix(2).joined(separator: " ⏎ ")
                out += "- \(r.reader) — \(r.name): \(r.outcome) (status \(r.status)): \(tail.prefix(300))\n"
            }
        }
        return out
    }
}
