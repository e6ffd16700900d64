import SeaIceClasses
import SeaIceCore
import SeaIceNetCDF

/// A categorical variable on the grid: `ubyte` codes with CF `flag_values`/`flag_meanings` from a
/// `ClassTable`, `_FillValue` = `ClassTable.fillCode` (255) and ACDD `coverage_content_type
/// thematicClassification`.
///
/// Value: `height × width` class codes, row-major, 255 = no data. Decoding checks that the file
/// declares the same table and that every stored code is a class of it or the fill code.
public struct ClassCoder: CFCoder {
    /// Variable name, e.g. "SOD".
    public var name: String
    /// The classes.
    public var table: ClassTable
    /// CF long name (default: the table's).
    public var longName: String
    /// CF standard name, e.g. "sea_ice_classification"; nil for none.
    public var standardName: String?
    /// Optional CF comment, e.g. where the classes come from.
    public var comment: String?

    /// A coder for `table`, named after the table's variable unless `name` is given.
    public init(
        table: ClassTable, name: String? = nil, longName: String? = nil, standardName: String? = nil,
        comment: String? = nil
    ) {
        self.name = name ?? table.variable
        self.table = table
        self.longName = longName ?? table.longName
        self.standardName = standardName
        self.comment = comment
    }

    /// The flag attributes of `table` (also used for class coordinates).
    static func flags(_ table: ClassTable) -> [CFAttribute] {
        [CFAttribute("flag_values", .ubytes(table.codes)), CFAttribute("flag_meanings", .text(table.flagMeanings))]
    }

    /// Encodes `codes` as `name(y, x)`.
    public func encode(_ codes: [UInt8], on grid: ProductGrid) throws -> CFEncoded {
        precondition(
            codes.count == grid.count, "\(name) has \(codes.count) values, grid \(grid.height) × \(grid.width)")
        var attributes = standardName.map { [CFAttribute("standard_name", .text($0))] } ?? []
        attributes += [CFAttribute("long_name", .text(longName))] + Self.flags(table)
        if let comment { attributes.append(CFAttribute("comment", .text(comment))) }
        attributes.append(CFAttribute("coverage_content_type", .text("thematicClassification")))
        let v = CFVariable(
            name, dimensions: grid.rasterDimensions, values: .ubyte(codes),
            fillValue: Double(ClassTable.fillCode), attributes: attributes + grid.links)
        return CFEncoded(dimensions: [], variables: [v])
    }

    /// The codes back.
    public func decode(from dataset: CFDataset) throws -> [UInt8] {
        let v = try dataset.variable(name, dimensions: dataset.rasterDimensions, type: .ubyte)
        for flag in Self.flags(table) { try dataset.expect(flag.name, of: v, flag.value) }
        let codes = v.values?.bytes ?? []
        let known = Set(table.codes + [ClassTable.fillCode])
        if let bad = codes.firstIndex(where: { !known.contains($0) }) {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "variable `\(name)` value \(codes[bad]) at index \(bad)",
                expected: "one of the flag_values \(table.codes) or \(ClassTable.fillCode)")
        }
        return codes
    }
}
