import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Reads the SIC/SOD/FLOE label maps of one scene in blocks of rows, checked and converted to
/// class indices (255 = masked). Obtained from `LabelSource.scene(_:)`.
public struct SceneLabelReader {
    /// The scene id.
    public let sceneID: String
    /// The open netCDF file holding the scene.
    public let file: NetCDFFile
    private let variableName: (Chart) -> String

    init(sceneID: String, file: NetCDFFile, variableName: @escaping (Chart) -> String) {
        self.sceneID = sceneID
        self.file = file
        self.variableName = variableName
    }

    /// The netCDF variable holding `chart` (`SIC` or `<scene>_SIC` …).
    public func variable(for chart: Chart) -> String { variableName(chart) }

    /// Shape `[lines, samples]` of `chart`'s variable; throws when it is absent, not 2-D, or not integer.
    public func shape(_ chart: Chart) throws -> [Int] {
        let name = variableName(chart)
        let v = try file.variable(name)
        guard v.shape.count == 2 else {
            throw SeaIceError.invalidInput(file: file.path, item: "variable `\(name)`",
                                           expected: "2 dimensions (lines, samples), found \(v.shape.count)")
        }
        guard v.type.isNumeric, v.type != .float, v.type != .double else {
            throw SeaIceError.invalidInput(file: file.path, item: "variable `\(name)`",
                                           expected: "an integer (uint8) class map, found \(v.type.name)")
        }
        return v.shape
    }

    /// Whether `chart`'s variable stores SIC in percent (attribute `units` = `%` or `percent`).
    public func isPercent(_ chart: Chart) throws -> Bool {
        guard chart == .sic, let units = try file.attribute("units", variable: variableName(chart))?.text else { return false }
        return ["%", "percent"].contains(units.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Reads rows `rows` of `chart` as class indices (C order, `rows.count × samples` values).
    ///
    /// Throws naming file, variable, line and sample when a value is neither a class of `chart`
    /// nor 255 (or, for SIC in percent, outside 0–100 and not 255).
    public func read(_ chart: Chart, rows: Range<Int>) throws -> [UInt8] {
        let name = variableName(chart)
        let shape = try shape(chart)
        let width = shape[1]
        var values = try file.read(name, as: UInt8.self, start: [rows.lowerBound, 0], count: [rows.count, width])
        if try isPercent(chart) {
            for i in values.indices where values[i] != Chart.maskValue {
                guard let tenths = SICClassIndex.fromPercent(values[i]) else {
                    throw invalid(name, rows: rows, width: width, index: i, value: values[i],
                                  expected: "a concentration in percent 0–100 or 255 (units = %)")
                }
                values[i] = tenths
            }
        }
        if let bad = LabelCheck.firstInvalid(values, classCount: chart.classCount) {
            throw invalid(name, rows: rows, width: width, index: bad.index, value: bad.value,
                          expected: "\(chart.rawValue) class indices 0–\(chart.classCount - 1) or 255 (masked)")
        }
        return values
    }

    private func invalid(_ name: String, rows: Range<Int>, width: Int, index: Int, value: UInt8, expected: String) -> SeaIceError {
        let line = rows.lowerBound + index / max(width, 1), sample = index % max(width, 1)
        return .invalidInput(file: file.path, item: "variable `\(name)` at line \(line), sample \(sample)",
                             expected: "\(expected), found \(value)")
    }
}
