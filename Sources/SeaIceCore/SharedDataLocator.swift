import Foundation

/// Finds the folder of real reference data (`shared/data`: Sentinel-1 geometry and noise,
/// ice charts, microwave signatures, land masks) that the simulator and some commands build on.
///
/// Search order: an explicit path; the `SEAICE_DATA` environment variable; `../shared/data`
/// from the current directory; then `shared/data` beside each ancestor folder of the running
/// executable (so `.build/release/seaice` finds `../shared/data` of its checkout from anywhere).
public enum SharedDataLocator {
    /// The environment variable that names the data folder.
    public static let environmentVariable = "SEAICE_DATA"

    /// The data folder, or an error listing every place that was tried.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) throws -> URL {
        var tried: [String] = []
        func accept(_ url: URL) -> URL? {
            let url = url.standardizedFileURL
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue { return url }
            tried.append(url.path)
            return nil
        }
        if let explicit {
            // An explicit choice is final: no silent fallback to another folder.
            if let url = accept(URL(fileURLWithPath: explicit)) { return url }
            throw SeaIceError.missing(file: explicit, item: "shared data folder (given explicitly)")
        }
        if let env = environment[environmentVariable], let url = accept(URL(fileURLWithPath: env)) { return url }
        if let url = accept(URL(fileURLWithPath: "../shared/data")) { return url }
        if let exe = executable?.resolvingSymlinksInPath() {
            var dir = exe.deletingLastPathComponent()
            while dir.path != "/" {
                if let url = accept(dir.deletingLastPathComponent().appendingPathComponent("shared/data")) { return url }
                dir = dir.deletingLastPathComponent()
            }
        }
        throw SeaIceError.missing(file: "shared/data",
                                  item: "reference data folder; pass --data or set \(environmentVariable) (tried: \(tried.joined(separator: ", ")))")
    }
}
