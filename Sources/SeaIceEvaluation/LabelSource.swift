import Foundation
import Logging
import SeaIceCore
import SeaIceNetCDF

/// A set of per-scene SIC/SOD/FLOE label maps on disk: predictions or references.
///
/// Two layouts are read (../shared/specs/ai4arctic.md, "Scoring" and "Variables"):
/// - `.submission`: one netCDF file holding uint8 variables `<scene>_<chart>`, e.g.
///   `20180124T194759_dmi_SIC`, with dimensions `<scene>_<chart>_dim0/_dim1` — the AutoICE
///   submission format (see `SubmissionWriter`).
/// - `.sceneFolder`: a folder of one netCDF file per scene with 2-D variables `SIC`, `SOD`,
///   `FLOE` — the ready-to-train reference layout (`<YYYYMMDDTHHMMSS>_<dmi|cis>_prep.nc`) and the
///   product layout (`SeaIceProducts.CFProductWriter`). The scene id comes from the global
///   attribute `scene_id` when present (ready-to-train files hold the file name there, products
///   the scene id), else from the file name; either is reduced to its first 19 characters when
///   it starts with `YYYYMMDDTHHMMSS_xxx` (as the challenge names scenes), else `.nc` is dropped.
///
/// Labels are class indices (SIC 0–10 tenths, SOD 0–5, FLOE 0–6) with 255 = masked. A SIC
/// variable whose `units` attribute is `%` or `percent` is read as a concentration in percent
/// (0–100, 255 masked) and converted to tenths (`SICClassIndex.fromPercent`, rounded half to even).
/// Any other value throws a `SeaIceError` naming the file, the variable and the pixel.
///
/// Any global attribute whose name contains "simulat" (e.g. `simulated = "true"`, or the older
/// "yes") marks the input as simulated, unless its value is a plain negative (`no`, `false`, `0`,
/// `none`, empty — products write `simulated = "false"` for real inputs); it is recorded in `simulationNotes` and
/// carried into the report.
public final class LabelSource {
    /// The file layouts `LabelSource` reads.
    public enum Layout: String, Codable, Sendable {
        /// One AutoICE submission file with `<scene>_<chart>` variables.
        case submission
        /// A folder with one file per scene holding `SIC`, `SOD`, `FLOE`.
        case sceneFolder = "scene_folder"
    }

    /// The file or folder read.
    public let url: URL
    /// Which layout `url` has.
    public let layout: Layout
    /// Scene ids found, sorted.
    public let sceneIDs: [String]
    /// "file: attribute = value" for every global attribute naming a simulation.
    public let simulationNotes: [String]

    private let submission: NetCDFFile?
    private let files: [String: URL]

    /// Opens a submission file or a folder of per-scene files (chosen by whether `url` is a folder).
    public init(_ url: URL, logger: Logger) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SeaIceError.missing(file: url.path, item: "file or folder")
        }
        self.url = url
        if isDirectory.boolValue {
            layout = .sceneFolder
            submission = nil
            let scanned = try LabelSource.scanFolder(url)
            files = scanned.files
            simulationNotes = scanned.notes
            sceneIDs = files.keys.sorted()
        } else {
            layout = .submission
            let file = try NetCDFFile.open(url)
            submission = file
            files = [:]
            simulationNotes = try LabelSource.simulationAttributes(of: file)
            sceneIDs = LabelSource.submissionScenes(variableNames: file.variableNames)
            guard !sceneIDs.isEmpty else {
                throw SeaIceError.invalidInput(file: url.path, item: "variables",
                                               expected: "uint8 variables `<scene>_SIC`, `<scene>_SOD`, `<scene>_FLOE` (AutoICE submission format)")
            }
        }
        logger.debug("opened labels", metadata: ["path": "\(url.path)", "layout": "\(layout.rawValue)", "scenes": "\(sceneIDs.count)"])
    }

    /// Whether any input file carries a simulation attribute.
    public var isSimulated: Bool { !simulationNotes.isEmpty }

    /// A reader of scene `id`; throws `.missing` naming this source when the scene is absent.
    public func scene(_ id: String) throws -> SceneLabelReader {
        switch layout {
        case .submission:
            guard let file = submission, sceneIDs.contains(id) else {
                throw SeaIceError.missing(file: url.path, item: "scene `\(id)` (variables `\(id)_SIC`, `\(id)_SOD`, `\(id)_FLOE`)")
            }
            return SceneLabelReader(sceneID: id, file: file) { "\(id)_\($0.rawValue)" }
        case .sceneFolder:
            guard let fileURL = files[id] else {
                throw SeaIceError.missing(file: url.path, item: "scene `\(id)` (a file `\(id)*.nc` with SIC, SOD, FLOE)")
            }
            return SceneLabelReader(sceneID: id, file: try NetCDFFile.open(fileURL)) { $0.rawValue }
        }
    }

    /// The scene id of a per-scene file name (see the type's documentation).
    public static func sceneID(fileName: String) -> String {
        let stem = fileName.hasSuffix(".nc") ? String(fileName.dropLast(3)) : fileName
        let chars = Array(stem)
        guard chars.count >= 19 else { return stem }
        let digits = (0..<8).allSatisfy { chars[$0].isASCII && chars[$0].isNumber }
            && chars[8] == "T" && (9..<15).allSatisfy { chars[$0].isASCII && chars[$0].isNumber }
            && chars[15] == "_" && (16..<19).allSatisfy { chars[$0].isLetter }
        return digits ? String(chars[0..<19]) : stem
    }

    /// Scene ids named by `<scene>_SIC|_SOD|_FLOE` variables, sorted.
    static func submissionScenes(variableNames: [String]) -> [String] {
        var scenes = Set<String>()
        for name in variableNames {
            for chart in Chart.allCases where name.hasSuffix("_\(chart.rawValue)") {
                let scene = String(name.dropLast(chart.rawValue.count + 1))
                if !scene.isEmpty { scenes.insert(scene) }
            }
        }
        return scenes.sorted()
    }

    private static func scanFolder(_ url: URL) throws -> (files: [String: URL], notes: [String]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw SeaIceError.io(file: url.path, message: "cannot list folder: \(error.localizedDescription)")
        }
        var files: [String: URL] = [:]
        var notes: [String] = []
        for name in names.sorted() where name.hasSuffix(".nc") && !name.hasPrefix(".") {
            let fileURL = url.appendingPathComponent(name)
            let file = try NetCDFFile.open(fileURL)
            let attributeID = try file.attribute("scene_id")?.text?.trimmingCharacters(in: .whitespaces)
            let id = sceneID(fileName: attributeID.flatMap { $0.isEmpty ? nil : $0 } ?? name)
            notes += try simulationAttributes(of: file)
            try file.close()
            if let other = files[id] {
                throw SeaIceError.invalidInput(file: fileURL.path, item: "scene id `\(id)`",
                                               expected: "one file per scene, but \(other.lastPathComponent) has the same scene id")
            }
            files[id] = fileURL
        }
        guard !files.isEmpty else {
            throw SeaIceError.missing(file: url.path, item: "per-scene netCDF files (*.nc)")
        }
        return (files, notes)
    }

    private static func simulationAttributes(of file: NetCDFFile) throws -> [String] {
        try SimulationMarkers.markers(of: file)
            .map { name, value in
                var text = value.text ?? value.doubles.map { $0.map { "\($0)" }.joined(separator: ", ") } ?? ""
                // Long values (a whole simulator configuration) are shortened: the note only has to say "simulated".
                if text.count > 60 { text = String(text.prefix(57)) + "…" }
                return "\(URL(fileURLWithPath: file.path).lastPathComponent): \(name) = \(text)"
            }
    }
}
