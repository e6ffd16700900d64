import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Writes the AutoICE submission file: one netCDF-4 file with a uint8 class map per scene and
/// chart, named `<scene>_<chart>` (e.g. `20180124T194759_dmi_SIC`) over dimensions
/// `<scene>_<chart>_dim0` (lines) and `<scene>_<chart>_dim1` (samples), zlib level 1, at the
/// reference grid (80 m). ../shared/specs/ai4arctic.md, "Scoring"; starter pack
/// `quickstart.ipynb` / `test_upload.ipynb` write the same layout with xarray.
///
/// Use `SubmissionWriter.write(to:_:)`: the file appears under its final name only when every
/// scene has been written (`AtomicOutput`).
public final class SubmissionWriter {
    private let file: NetCDFFile
    private var written = Set<String>()

    private init(file: NetCDFFile) { self.file = file }

    /// Creates the submission at `url`, lets `body` add scenes, then closes and renames it.
    /// - Returns: whatever `body` returns.
    @discardableResult
    public static func write<T>(to url: URL, simulated: Bool = false, _ body: (SubmissionWriter) throws -> T) throws -> T {
        try AtomicOutput.write(to: url) { tmp in
            let file = try NetCDFFile.create(tmp)
            do {
                let writer = SubmissionWriter(file: file)
                try file.setAttribute("title", .text("AutoICE submission: SIC, SOD, FLOE class maps (255 = masked)"))
                try file.setAttribute("source", .text("SeaIceKit"))
                if simulated { try file.setAttribute(SimulationMarkers.name, .text(SimulationMarkers.text(true))) }
                let result = try body(writer)
                try file.close()
                return result
            } catch {
                try? file.close()
                throw error
            }
        }
    }

    /// Adds the class map of `chart` for `scene`: `lines × samples` values in C order (row by row),
    /// class indices of the chart or 255 (masked).
    /// - Throws: when the size does not match, a value is out of range, or the variable exists.
    public func add(scene: String, chart: Chart, lines: Int, samples: Int, values: [UInt8]) throws {
        let name = "\(scene)_\(chart.rawValue)"
        guard !scene.isEmpty, !scene.contains("/") else {
            throw SeaIceError.invalidInput(file: file.path, item: "scene id `\(scene)`", expected: "a non-empty id without `/`")
        }
        guard values.count == lines * samples, lines > 0, samples > 0 else {
            throw SeaIceError.invalidInput(file: file.path, item: "variable `\(name)`",
                                           expected: "\(lines) × \(samples) values, got \(values.count)")
        }
        if let bad = LabelCheck.firstInvalid(values, classCount: chart.classCount) {
            throw SeaIceError.invalidInput(file: file.path, item: "variable `\(name)` value \(bad.index)",
                                           expected: "\(chart.rawValue) class indices 0–\(chart.classCount - 1) or 255, found \(bad.value)")
        }
        guard written.insert(name).inserted else {
            throw SeaIceError.invalidInput(file: file.path, item: "variable `\(name)`", expected: "each scene and chart written once")
        }
        try file.defineDimension("\(name)_dim0", length: lines)
        try file.defineDimension("\(name)_dim1", length: samples)
        try file.defineVariable(name, type: .ubyte, dimensions: ["\(name)_dim0", "\(name)_dim1"], compression: 1)
        try file.setAttribute("long_name", .text("\(chart.rawValue) class index (255 = masked)"), variable: name)
        try file.write(values, variable: name)
    }

    /// Adds SIC, SOD and FLOE of one scene at once (each `lines × samples`, C order).
    public func add(scene: String, lines: Int, samples: Int, sic: [UInt8], sod: [UInt8], floe: [UInt8]) throws {
        try add(scene: scene, chart: .sic, lines: lines, samples: samples, values: sic)
        try add(scene: scene, chart: .sod, lines: lines, samples: samples, values: sod)
        try add(scene: scene, chart: .floe, lines: lines, samples: samples, values: floe)
    }

    /// Names of the variables written so far.
    public var variables: [String] { written.sorted() }
}
