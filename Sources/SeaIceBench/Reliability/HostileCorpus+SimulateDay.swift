import Foundation
import SeaIceCore

extension HostileCorpus {
    /// `seaice simulate day` (issue 10): impossible dates, and a data folder whose world base files
    /// (NSIDC masks, nansat arctic.nc) are cut short or not netCDF. The data cases link the rest of the
    /// shared data folder and are left out when it is absent.
    public static var simulateDay: [HostileCase] {
        let reader = "simulate day"
        func date(_ text: String) -> HostileCase {
            HostileCase(reader: reader, name: "date \(text)", mustMention: [text, "YYYY-MM-DD"], mustNotLeave: ["day/manifest.json"]) { folder in
                ["simulate", "day", "--date", text, "--sentinel1", "0", "--out", folder.appendingPathComponent("day").path]
            }
        }
        var cases = [date("2021-02-30"), date("2021-13-01"), date("yesterday")]
        guard let data = try? SharedDataLocator.locate() else { return cases }
        /// A data folder linking every shared subfolder but `replaced`, whose file `file` gets `bytes`.
        @Sendable func dataFolder(_ folder: URL, replaced: String, file: String, bytes: (Data) -> Data) throws -> URL {
            let root = folder.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: data.path) where name != replaced {
                try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(name), withDestinationURL: data.appendingPathComponent(name))
            }
            let source = data.appendingPathComponent(replaced)
            let target = root.appendingPathComponent(replaced)
            for sub in ["", "masks", "grids"] where FileManager.default.fileExists(atPath: source.appendingPathComponent(sub).path) {
                try FileManager.default.createDirectory(at: target.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            let enumerator = FileManager.default.enumerator(atPath: source.path)
            while let relative = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let s = source.appendingPathComponent(relative)
                guard FileManager.default.fileExists(atPath: s.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let original = try Data(contentsOf: s)
                try (relative == file ? bytes(original) : original).write(to: target.appendingPathComponent(relative))
            }
            return root
        }
        @Sendable func run(_ root: URL, _ folder: URL) -> [String] {
            ["simulate", "day", "--date", "2021-11-15", "--sentinel1", "0", "--data", root.path,
             "--out", folder.appendingPathComponent("day").path]
        }
        cases += [
            HostileCase(reader: reader, name: "NSIDC land mask cut in half", mustMention: ["gsfc_25n.msk", "136192 bytes"],
                        mustNotLeave: ["day/manifest.json"]) { folder in
                run(try dataFolder(folder, replaced: "nsidc-polarstereo", file: "masks/gsfc_25n.msk") { $0.prefix($0.count / 2) }, folder)
            },
            HostileCase(reader: reader, name: "arctic.nc not netCDF", mustMention: ["arctic.nc"],
                        mustNotLeave: ["day/manifest.json"]) { folder in
                run(try dataFolder(folder, replaced: "nansat", file: "arctic.nc") { _ in Data("not a netCDF file\n".utf8) }, folder)
            },
        ]
        return cases
    }
}
