import SeaIceCore
import SeaIceNetCDF

/// Encodes one typed product variable into netCDF variables and attributes and decodes it back
/// (xarray's coders): `decode(from: dataset of encode(x))` returns `x` for every `x` the coder can
/// store exactly.
///
/// Every system fills the one `CFWriter` with coders (`ContinuousCoder`, `ClassCoder`,
/// `ProbabilityCoder`) on a `ProductGrid`; nobody writes netCDF variables by hand.
public protocol CFCoder: Sendable {
    /// The typed value: a raster row-major over the grid (`[line][sample]`), class-major for
    /// per-class layers.
    associatedtype Value

    /// The main netCDF variable's name.
    var name: String { get }

    /// The netCDF variables of `value` on `grid`, linked to the grid (`coordinates` or `grid_mapping`).
    /// - Throws: `SeaIceError.invalidInput` when a value cannot be stored (outside a packed type).
    func encode(_ value: Value, on grid: ProductGrid) throws -> CFEncoded

    /// The value back from a dataset.
    /// - Throws: `SeaIceError` naming the file and variable when it is missing or differs from what
    ///   this coder writes (type, dimensions, class table).
    func decode(from dataset: CFDataset) throws -> Value
}

extension CFDataset {
    /// The raster dimensions of the dataset's grid: (time, yc, xc) in OSI SAF's layout, else (y, x).
    var rasterDimensions: [String] {
        has(OSISAFGrid.mappingVariable) ? OSISAFGrid.dimensions : ProductGrid.dimensions
    }

    /// Variable `name`, checked to be stored over `dimensions` as `type`.
    func variable(_ name: String, dimensions: [String], type: NetCDFType) throws -> CFVariable {
        let v = try variable(name)
        guard v.dimensions == dimensions, v.type == type, v.values != nil else {
            throw SeaIceError.invalidInput(
                file: source, item: "variable `\(name)`",
                expected: "\(type.name) over \(dimensions), found \(v.type.name) over \(v.dimensions)")
        }
        return v
    }

    /// Checks that attribute `attribute` of `variable` is `expected`.
    func expect(_ attribute: String, of variable: CFVariable, _ expected: NetCDFAttribute) throws {
        guard variable.attribute(attribute) == expected else {
            throw SeaIceError.invalidInput(
                file: source, item: "attribute `\(attribute)` of variable `\(variable.name)`",
                expected: "\(expected), found \(variable.attribute(attribute).map { "\($0)" } ?? "none")")
        }
    }
}

extension CFValues {
    /// The values as bytes (nil unless `ubyte`).
    var bytes: [UInt8]? { if case .ubyte(let v) = self { return v } else { return nil } }
    /// The values as floats (nil unless `float`).
    var floats: [Float]? { if case .float(let v) = self { return v } else { return nil } }
    /// The values as doubles (nil unless `double`).
    var doubles: [Double]? { if case .double(let v) = self { return v } else { return nil } }
}
