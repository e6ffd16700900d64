import Foundation

/// The CF checkers users run on netCDF files, installed by `scripts/setup.sh` from PyPI into
/// `.deps/checkers` (pip `--target`; `$SEAICE_CF_CHECKERS` names another folder): NCAS's `cfchecks`
/// (cfchecker, needs Debian's `libudunits2-0`) and the IOOS `compliance-checker`.
///
/// Both run offline: `cfchecks` reads the standard-name table bundled with compliance-checker and two
/// empty area-type and region tables written here (the products use neither), instead of downloading
/// them from cfconventions.org. cfchecker 4.1.0, the newest on PyPI, knows CF up to 1.8; it checks
/// against CF-1.8 and reports one error for every file that declares a newer CF
/// (`cfchecksVersionLimit`).
public enum CFCheckers {
    /// What one checker found in one file.
    public struct Findings: Sendable, CustomStringConvertible {
        /// Errors (cfchecks `ERROR`; IOOS high-priority failures).
        public var errors: [String]
        /// Warnings (cfchecks `WARN`; IOOS medium-priority failures).
        public var warnings: [String]
        /// The checker's whole report.
        public var report: String
        /// The errors, then the warnings.
        public var description: String {
            (errors.map { "ERROR " + $0 } + warnings.map { "WARN " + $0 }).joined(separator: "\n")
        }
    }

    /// The folder holding the checkers.
    public static var folder: URL {
        if let f = ProcessInfo.processInfo.environment["SEAICE_CF_CHECKERS"], !f.isEmpty {
            return URL(fileURLWithPath: f)
        }
        return TestPaths.repository.appendingPathComponent(".deps/checkers")
    }

    /// Why the checkers cannot run here, nil when they can.
    public static var unavailableReason: String? {
        for script in ["cfchecks", "compliance-checker"] {
            let path = folder.appendingPathComponent("bin/\(script)").path
            if !FileManager.default.fileExists(atPath: path) {
                return "\(path) is missing: scripts/setup.sh installs cfchecker and compliance-checker there"
            }
        }
        return nil
    }

    /// The error cfchecker 4.1.0 reports for `Conventions = "CF-1.10 …"`: it knows no CF after 1.8.
    public static let cfchecksVersionLimit =
        "ERROR: (2.6.1): This netCDF file does not appear to contain CF Convention data."

    /// `cfchecks -v 1.8 file` (its newest CF) with the offline tables: its `ERROR`/`WARN` lines; a run that
    /// ends without its summary ("ERRORS detected: n") is itself an error.
    public static func cfchecks(_ url: URL) throws -> Findings {
        let tables = try offlineTables()
        let out = try run(
            "cfchecks", ["-v", "1.8", "-s", tables.names, "-a", tables.areas, "-r", tables.regions, url.path])
        let lines = out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var errors = lines.filter { $0.hasPrefix("ERROR:") }
        if !lines.contains(where: { $0.hasPrefix("ERRORS detected:") }) { errors.append("cfchecks did not finish") }
        return Findings(errors: errors, warnings: lines.filter { $0.hasPrefix("WARN:") }, report: out)
    }

    /// The standard-name table compliance-checker bundles and empty area-type and region tables.
    private static func offlineTables() throws -> (names: String, areas: String, regions: String) {
        let names = folder.appendingPathComponent("compliance_checker/data/cf-standard-name-table.xml").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seaicekit-cf-tables")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let empty = { (root: String) in
            "<?xml version=\"1.0\"?>\n<\(root)>\n<version_number>0</version_number>\n<date>none</date>\n</\(root)>\n"
        }
        let areas = dir.appendingPathComponent("area-type-table.xml")
        let regions = dir.appendingPathComponent("standardized-region-list.xml")
        try empty("area_type_table").write(to: areas, atomically: true, encoding: .utf8)
        try empty("standardized_region_list").write(to: regions, atomically: true, encoding: .utf8)
        return (names, areas.path, regions.path)
    }

    /// `compliance-checker --test cf:<version> -f json`: failed checks of weight 3 (high) as errors and
    /// of weight 2 (medium) as warnings.
    public static func ioos(_ url: URL, version: String = "1.10") throws -> Findings {
        let suite = "cf:\(version)"
        let out = try run("compliance-checker", ["--test", suite, "-f", "json", "-o", "-", url.path])
        guard let start = out.firstIndex(of: "{"),
            let json = try? JSONSerialization.jsonObject(with: Data(out[start...].utf8)) as? [String: Any],
            let result = json[suite] as? [String: Any], result["high_priorities"] != nil
        else { return Findings(errors: ["unreadable compliance-checker output"], warnings: [], report: out) }
        func failures(_ key: String) -> [String] {
            (result[key] as? [[String: Any]] ?? []).compactMap { check in
                let value = check["value"] as? [Int] ?? []
                guard value.count == 2, value[0] < value[1] else { return nil }
                let messages = (check["msgs"] as? [String] ?? []).joined(separator: "; ")
                return "\(check["name"] as? String ?? "?"): \(messages)"
            }
        }
        return Findings(errors: failures("high_priorities"), warnings: failures("medium_priorities"), report: out)
    }

    private static func run(_ script: String, _ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = folder.path
        return try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", folder.appendingPathComponent("bin/\(script)").path] + arguments,
            environment: environment
        ).output
    }
}
