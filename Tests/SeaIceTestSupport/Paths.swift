import Foundation

/// Locations of test inputs: the repository and the read-only `../shared` folder beside it.
public enum TestPaths {
    /// The repository root (found from this source file's path).
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared` beside the repository (seeds, specs, real data). Tests read it in place.
    public static let shared: URL = repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// The real-data folder tests read: `$SEAICE_DATA` when set (the variable SeaIceCore's `SharedDataLocator`
    /// reads first; set it to an empty folder to see every data test skip), else `../shared/data`.
    public static let sharedDataFolder: URL = {
        if let folder = ProcessInfo.processInfo.environment["SEAICE_DATA"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return shared.appendingPathComponent("data")
    }()

    /// A file under the real-data folder (`sharedDataFolder`, normally `../shared/data/`).
    public static func sharedData(_ relative: String) -> URL {
        sharedDataFolder.appendingPathComponent(relative)
    }

    /// A fresh empty temporary folder for one test.
    public static func temporaryDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("seaicekit-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
