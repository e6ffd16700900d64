import Foundation

/// Command-line tools that tests run (`nccopy`, `ncgen`, …), found on PATH through the project's tool
/// check, `scripts/check-tools.sh`, whose table names the Debian package of each.
public enum ExternalTool {
    /// A tool the tests need is absent; `message` is the tool check's, naming the Debian package.
    public struct Missing: Error, CustomStringConvertible {
        /// The tool check's explanation ("missing command X: install Debian package Y …").
        public var message: String
        /// The same explanation.
        public var description: String { message }
    }

    /// The tool check script.
    public static let checkScript = TestPaths.repository.appendingPathComponent("scripts/check-tools.sh")

    /// The result of running the tool check (exit status: 0 all present, 1 a command missing, 2 a usage
    /// error; standard error has one "missing command …" line per absent tool).
    public typealias CheckResult = CommandRunner.Result

    /// Runs `/bin/bash scripts/check-tools.sh arguments…` with `path` as PATH (the tests' own PATH when nil).
    public static func check(_ arguments: [String] = [], path: String? = nil) throws -> CheckResult {
        var environment = ProcessInfo.processInfo.environment
        if let path { environment["PATH"] = path }
        return try CommandRunner.run(URL(fileURLWithPath: "/bin/bash"), [checkScript.path] + arguments, environment: environment)
    }

    /// The executable `name` on `path` (the tests' PATH when nil); throws `Missing` (naming its Debian
    /// package) when it is absent.
    public static func url(_ name: String, path: String? = nil) throws -> URL {
        let result = try check(["--which", name], path: path)
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !path.isEmpty else {
            throw Missing(message: result.stderr.isEmpty
                          ? "scripts/check-tools.sh --which \(name) exited with \(result.status)" : result.stderr)
        }
        return URL(fileURLWithPath: path)
    }
}
