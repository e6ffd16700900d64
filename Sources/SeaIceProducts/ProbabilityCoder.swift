import SeaIceClasses
import SeaIceCore
import SeaIceNetCDF

/// Per-class probabilities: `name(class, y, x)` float in [0, 1] over a class dimension named after
/// the classes (e.g. `sod_class`), whose coordinate variable holds the class codes with the table's
/// `flag_values`/`flag_meanings`, so xarray labels the planes.
///
/// Value: `classes × height × width` floats, class-major (`[class][line][sample]`), in table order.
/// The plain-text `class_names` attribute of earlier products is kept for existing readers.
public struct ProbabilityCoder: CFCoder {
    /// Variable name, e.g. "SOD_probability".
    public var name: String
    /// The classes, one plane each.
    public var table: ClassTable
    /// The class dimension and its coordinate variable, e.g. "sod_class".
    public var classDimension: String
    /// CF long name.
    public var longName: String

    /// A coder; defaults: `<VARIABLE>_probability` over `<variable>_class`.
    public init(table: ClassTable, name: String? = nil, classDimension: String? = nil, longName: String? = nil) {
        self.table = table
        self.name = name ?? "\(table.variable)_probability"
        self.classDimension = classDimension ?? "\(table.variable.lowercased())_class"
        self.longName = longName ?? "class probability of \(table.variable)"
    }

    /// Encodes `probabilities` with the class dimension and coordinate.
    public func encode(_ probabilities: [Float], on grid: ProductGrid) throws -> CFEncoded {
        precondition(
            probabilities.count == table.count * grid.count,
            "\(name) has \(probabilities.count) values, expected \(table.count) classes"
                + " × \(grid.height) × \(grid.width)"
        )
        let coordinate = CFVariable(
            classDimension, dimensions: [classDimension], values: .ubyte(table.codes),
            attributes: [
                CFAttribute("long_name", .text("\(table.longName) class"))
            ] + ClassCoder.flags(table))
        let v = CFVariable(
            name, dimensions: [classDimension] + ProductGrid.dimensions, values: .float(probabilities),
            attributes: [
                CFAttribute("long_name", .text(longName)),
                CFAttribute("units", .text("1")),
                CFAttribute("valid_range", .floats([0, 1])),
                CFAttribute("class_names", .text(table.flagMeanings)),
                CFAttribute("coverage_content_type", .text("modelResult")),
            ] + grid.links)
        return CFEncoded(dimensions: [CFDimension(classDimension, length: table.count)], variables: [coordinate, v])
    }

    /// The probabilities back; the class coordinate must list the table's codes and names.
    public func decode(from dataset: CFDataset) throws -> [Float] {
        let coordinate = try dataset.variable(classDimension, dimensions: [classDimension], type: .ubyte)
        guard coordinate.values?.bytes == table.codes else {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "variable `\(classDimension)`",
                expected: "the class codes \(table.codes)")
        }
        for flag in ClassCoder.flags(table) { try dataset.expect(flag.name, of: coordinate, flag.value) }
        let v = try dataset.variable(name, dimensions: [classDimension] + ProductGrid.dimensions, type: .float)
        return v.values?.floats ?? []
    }
}
