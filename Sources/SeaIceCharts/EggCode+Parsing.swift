import Foundation
import SeaIceCore

extension EggCode {
    /// Reads an egg code from a SIGRID-3 attribute table row (GeoPackage, shapefile): fields CT, CA,
    /// SA, FA, CB, SB, FB, CC, SC, FC, CN, CD, CF and POLY_TYPE, as text or numbers.
    ///
    /// Blank, NULL/absent and `-9` values are "not filled". POLY_TYPE is required.
    /// - Parameters:
    ///   - value: the attribute text of a field name ("CT"), nil when null or absent.
    ///   - file: the chart file, for error messages.
    ///   - polygon: the polygon's id (e.g. "fid 12"), for error messages.
    /// - Throws: `SeaIceError.invalidInput` naming the file, the polygon and the field of the first invalid value.
    public init(attributes value: (String) -> String?, file: String, polygon: String) throws {
        func code(_ field: EggField) throws -> Int? {
            try Self.parseCode(value(field.rawValue), field: field, file: file, polygon: polygon)
        }
        let typeText = value(EggField.polygonType.rawValue)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let type = PolygonType(rawValue: typeText.uppercased()) else {
            throw SeaIceError.invalidInput(
                file: file, item: "polygon \(polygon) field POLY_TYPE",
                expected: "one of I, W, L, N, S (SIGRID-3 Table 4), found \"\(typeText)\"")
        }
        let cf = try Self.parseFormPair(value(EggField.cf.rawValue), file: file, polygon: polygon)
        self.init(
            ct: try code(.ct), ca: try code(.ca), sa: try code(.sa), fa: try code(.fa),
            cb: try code(.cb), sb: try code(.sb), fb: try code(.fb),
            cc: try code(.cc), sc: try code(.sc), fc: try code(.fc),
            cn: try code(.cn), cd: try code(.cd), cf: cf, polygonType: type)
    }

    /// Parses one integer code of `field`: nil for blank or `-9`; otherwise a 1–2 digit figure valid in the field's table.
    /// - Throws: `SeaIceError.invalidInput` naming the file, the polygon and the field.
    public static func parseCode(_ text: String?, field: EggField, file: String, polygon: String) throws -> Int? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty, raw != "-9" else { return nil }
        let expected: String
        switch field.table {
        case .concentration: expected = "a SIGRID-3 concentration code (Table 1: 01, 02, 10–92, intervals such as 46, 98, 99)"
        case .stage: expected = "a SIGRID-3 stage of development code (Table 2: 01–89, 91, 93–99)"
        case .form: expected = "a SIGRID-3 form of ice code (Table 3: 01–22, 91, 99)"
        case .formPair, .polygonType: preconditionFailure("\(field) is not an integer field")
        }
        guard raw.count <= 2, raw.allSatisfy(\.isASCIIDigit), let code = Int(raw),
              SIGRIDCodes.isValid(code, in: field.table)
        else {
            throw SeaIceError.invalidInput(
                file: file, item: "polygon \(polygon) field \(field.rawValue)", expected: "\(expected), found \"\(raw)\"")
        }
        return code
    }

    /// Parses CF: two 2-character form codes ("0499", "08-9"); nil when blank or entirely not filled.
    static func parseFormPair(_ text: String?, file: String, polygon: String) throws -> String? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty, raw != "-9", raw != "-9-9" else { return nil }
        let chars = Array(raw)
        let valid = chars.count == 4 && [String(chars[0..<2]), String(chars[2..<4])].allSatisfy { half in
            half == "-9" || (half.allSatisfy(\.isASCIIDigit) && SIGRIDCodes.isValid(Int(half)!, in: .form))
        }
        guard valid else {
            throw SeaIceError.invalidInput(
                file: file, item: "polygon \(polygon) field CF",
                expected: "two 2-character form of ice codes such as \"0499\" or \"08-9\", found \"\(raw)\"")
        }
        return raw
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// The AI4Arctic raw-scene `polygon_codes` table: one egg code per polygon id of `polygon_icechart`.
///
/// Rows are `poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE`; the first row is that header.
public struct PolygonCodeTable: Equatable, Sendable {
    /// The header row the table must start with.
    public static let header = "poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE"

    /// One row: the polygon id (the value of `polygon_icechart` pixels) and its egg code.
    public struct Entry: Equatable, Sendable {
        /// The polygon id.
        public var id: Int
        /// The polygon's egg code.
        public var code: EggCode
    }

    /// The rows after the header, in file order.
    public var entries: [Entry]

    /// Parses the rows (header first) of `polygon_codes` read from `file`.
    /// - Throws: `SeaIceError.invalidInput` naming the file, the row/polygon and the field.
    public init(rows: [String], file: String) throws {
        guard let first = rows.first, first.trimmingCharacters(in: .whitespaces) == Self.header else {
            throw SeaIceError.invalidInput(file: file, item: "polygon_codes row 0", expected: "the header \"\(Self.header)\"")
        }
        let names = Self.header.split(separator: ";").map(String.init)
        var entries: [Entry] = []
        for (index, row) in rows.enumerated().dropFirst() {
            let columns = row.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == names.count else {
                throw SeaIceError.invalidInput(
                    file: file, item: "polygon_codes row \(index)", expected: "\(names.count) ';'-separated columns, found \(columns.count)")
            }
            guard let id = Int(columns[0].trimmingCharacters(in: .whitespaces)) else {
                throw SeaIceError.invalidInput(
                    file: file, item: "polygon_codes row \(index) field poly_id", expected: "an integer, found \"\(columns[0])\"")
            }
            let values = Dictionary(uniqueKeysWithValues: zip(names, columns))
            let code = try EggCode(attributes: { values[$0] }, file: file, polygon: String(id))
            entries.append(Entry(id: id, code: code))
        }
        self.entries = entries
    }
}
