/// The classes of one categorical product variable: codes, names, legend labels and colours.
///
/// The one definition every consumer reads: CF `flag_values`/`flag_meanings` (`ClassCoder`),
/// probability class coordinates, GeoTIFF colour tables and category names, quick-look legends and
/// evaluation reports. A new system declares its own table with `init(variable:longName:entries:)`
/// or decodes one from JSON (`Codable`); the AI4Arctic tables are in `ClassTable+AI4Arctic.swift`.
public struct ClassTable: Sendable, Equatable, Hashable, Codable {
    /// One class.
    public struct Entry: Sendable, Equatable, Hashable, Codable {
        /// The value stored in the class map (0…254; `ClassTable.fillCode` marks no data).
        public var code: UInt8
        /// CF flag meaning: one word of letters, digits and `_` (e.g. "thin_first_year_ice").
        public var name: String
        /// Human-readable name for reports and GeoTIFF categories (e.g. "thin first-year ice").
        public var label: String
        /// Short legend text of quick-looks (the 5 × 7 font draws upper case; e.g. "THIN FYI").
        public var legend: String
        /// Colour in pictures and GeoTIFF colour tables.
        public var color: RGB

        /// A class; `legend` defaults to `label`.
        public init(_ code: UInt8, _ name: String, label: String, legend: String? = nil, color: RGB) {
            precondition(code != ClassTable.fillCode, "class code \(code) of \(name) is the fill code")
            precondition(
                !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" },
                "CF flag meaning `\(name)` must be one word of letters, digits and _")
            self.code = code
            self.name = name
            self.label = label
            self.legend = legend ?? label
            self.color = color
        }
    }

    /// The stored value of "no data" in every class map (land, outside the swath, masked).
    public static let fillCode: UInt8 = 255

    /// Short variable name, also the quick-look panel title (e.g. "SOD").
    public var variable: String
    /// CF `long_name` of the class variable (e.g. "stage of development").
    public var longName: String
    /// The classes in legend order (codes ascending by convention, not required).
    public var entries: [Entry]
    /// Colour of the fill code and of codes not in the table.
    public var fillColor: RGB
    /// Legend label of the fill code.
    public var fillLegend: String

    /// A table; codes and names must be unique.
    public init(
        variable: String, longName: String, entries: [Entry],
        fillColor: RGB = RGB(60, 60, 60), fillLegend: String = "no data"
    ) {
        precondition(Set(entries.map(\.code)).count == entries.count, "\(variable): duplicate class codes")
        precondition(Set(entries.map(\.name)).count == entries.count, "\(variable): duplicate class names")
        self.variable = variable
        self.longName = longName
        self.entries = entries
        self.fillColor = fillColor
        self.fillLegend = fillLegend
    }

    /// Number of classes.
    public var count: Int { entries.count }
    /// The class codes in table order (CF `flag_values`).
    public var codes: [UInt8] { entries.map(\.code) }
    /// The CF flag meanings in table order, one word each.
    public var names: [String] { entries.map(\.name) }
    /// The human-readable names in table order.
    public var labels: [String] { entries.map(\.label) }
    /// CF `flag_meanings`: the names joined by single spaces.
    public var flagMeanings: String { names.joined(separator: " ") }

    /// The entry of `code`, nil for the fill code and unknown codes.
    public func entry(_ code: UInt8) -> Entry? { entries.first { $0.code == code } }

    /// The colour of `code` (the fill colour for the fill code and unknown codes).
    public func color(_ code: UInt8) -> RGB { entry(code)?.color ?? fillColor }

    /// The human-readable name of `code` ("masked" for the fill code, the number for unknown codes).
    public func label(_ code: Int) -> String {
        if code == Int(ClassTable.fillCode) { return "masked" }
        return entries.first { Int($0.code) == code }?.label ?? "\(code)"
    }

    /// A 256-entry colour look-up table indexed by code (unknown codes and the fill code: `fillColor`).
    public var colorLookup: [RGB] {
        var lut = [RGB](repeating: fillColor, count: 256)
        for e in entries { lut[Int(e.code)] = e.color }
        return lut
    }
}
