import Foundation
import SeaIceCore
import SeaIceNetCDF

/// A whole netCDF file in memory: dimensions, variables with values, global attributes.
///
/// What coders decode from. `read` loads every variable (products are small enough: a 80 m scene
/// of 5000 × 5000 pixels with probabilities is ≈ 1.4 GB of floats, so read products only in tests
/// and tools, never in the prediction loop).
public struct CFDataset: Sendable {
    /// The file the dataset came from (for error messages), or a description.
    public var source: String
    /// Dimensions.
    public var dimensions: [CFDimension]
    /// Variables.
    public var variables: [CFVariable]
    /// Global attributes.
    public var attributes: [CFAttribute]

    /// A dataset.
    public init(source: String, dimensions: [CFDimension], variables: [CFVariable], attributes: [CFAttribute]) {
        self.source = source
        self.dimensions = dimensions
        self.variables = variables
        self.attributes = attributes
    }

    /// Whether variable `name` exists.
    public func has(_ name: String) -> Bool { variables.contains { $0.name == name } }

    /// Variable `name`.
    /// - Throws: `SeaIceError.missing` naming the file and the variable.
    public func variable(_ name: String) throws -> CFVariable {
        guard let v = variables.first(where: { $0.name == name }) else {
            throw SeaIceError.missing(file: source, item: "variable `\(name)`")
        }
        return v
    }

    /// The global attribute `name`, nil when absent.
    public func attribute(_ name: String) -> NetCDFAttribute? { attributes.first { $0.name == name }?.value }

    /// Reads every dimension, variable and attribute of the netCDF file `url`.
    /// Attributes come back sorted by name (netCDF does not promise their order).
    public static func read(_ url: URL) throws -> CFDataset {
        let f = try NetCDFFile.open(url)
        defer { try? f.close() }
        let dimensions = f.dimensions.map { CFDimension($0.key, length: $0.value) }.sorted { $0.name < $1.name }
        var variables: [CFVariable] = []
        for name in f.variableNames {
            let info = try f.variable(name)
            var attributes = try sorted(f.attributes(variable: name))
            let fill = attributes.first { $0.name == "_FillValue" }?.value.number
            attributes.removeAll { $0.name == "_FillValue" }
            if info.dimensions.isEmpty {
                variables.append(CFVariable(container: name, type: info.type, attributes: attributes))
                continue
            }
            let values: CFValues
            switch info.type {
            case .ubyte: values = .ubyte(try f.read(name, as: UInt8.self))
            case .short: values = .short(try f.read(name, as: Int16.self))
            case .int: values = .int(try f.read(name, as: Int32.self))
            case .float: values = .float(try f.read(name, as: Float.self))
            case .double: values = .double(try f.read(name, as: Double.self))
            default:
                throw SeaIceError.invalidInput(
                    file: url.path, item: "variable `\(name)`",
                    expected: "ubyte, short, int, float or double, found \(info.type.name)")
            }
            variables.append(
                CFVariable(name, dimensions: info.dimensions, values: values, fillValue: fill, attributes: attributes))
        }
        return CFDataset(
            source: url.path, dimensions: dimensions, variables: variables,
            attributes: try sorted(f.attributes()))
    }

    private static func sorted(_ attributes: [String: NetCDFAttribute]) -> [CFAttribute] {
        attributes.map { CFAttribute($0.key, $0.value) }.sorted { $0.name < $1.name }
    }
}
