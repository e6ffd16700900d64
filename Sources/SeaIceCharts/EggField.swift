import Foundation

/// A field of the SIGRID-3 egg code and the code table (JCOMM TR-23, 2014 rev 3) its values come from.
public enum EggField: String, Codable, Sendable, CaseIterable {
    /// Total concentration.
    case ct = "CT"
    /// Partial concentration, stage and form of the thickest ice (A).
    case ca = "CA", sa = "SA", fa = "FA"
    /// Partial concentration, stage and form of the second thickest ice (B).
    case cb = "CB", sb = "SB", fb = "FB"
    /// Partial concentration, stage and form of the third thickest ice (C).
    case cc = "CC", sc = "SC", fc = "FC"
    /// Stage of ice thicker than A below 1/10 (CN), stage of remaining ice (CD), predominant/secondary form (CF).
    case cn = "CN", cd = "CD", cf = "CF"
    /// Polygon type (Table 4).
    case polygonType = "POLY_TYPE"

    /// The code table a field's values belong to.
    public enum Table: Sendable {
        /// Table 1, concentrations (CT, CA, CB, CC).
        case concentration
        /// Table 2, stage of development or thickness (SA, SB, SC, CN, CD).
        case stage
        /// Table 3, form of ice (FA, FB, FC).
        case form
        /// Two form codes side by side (CF).
        case formPair
        /// Table 4, polygon type.
        case polygonType
    }

    /// The fields holding one integer code, in the AI4Arctic `polygon_codes` column order.
    public static let integerFields: [EggField] = [.ct, .ca, .sa, .fa, .cb, .sb, .fb, .cc, .sc, .fc, .cn, .cd]

    /// The code table of this field.
    public var table: Table {
        switch self {
        case .ct, .ca, .cb, .cc: return .concentration
        case .sa, .sb, .sc, .cn, .cd: return .stage
        case .fa, .fb, .fc: return .form
        case .cf: return .formPair
        case .polygonType: return .polygonType
        }
    }
}

/// Valid SIGRID-3 code figures (JCOMM TR-23 Tables 1–3) and the meaning of concentration intervals.
public enum SIGRIDCodes {
    /// Concentration interval codes (Table 1) with their lowest and highest tenths, e.g. 46 → 4/10–6/10.
    /// 91 (9+/10) is listed as an interval in Table 1 but is a class of its own in the conversions.
    public static let concentrationIntervals: [Int: (low: Int, high: Int)] = [
        12: (1, 2), 13: (1, 3), 23: (2, 3), 24: (2, 4), 34: (3, 4), 35: (3, 5), 45: (4, 5), 46: (4, 6),
        56: (5, 6), 57: (5, 7), 67: (6, 7), 68: (6, 8), 78: (7, 8), 79: (7, 9), 81: (8, 10), 89: (8, 9),
    ]

    /// Whether `code` is a valid figure of `table`.
    ///
    /// Concentration: 00 and 55 (ice free in older SIGRID charts, used by CIS and AI4Arctic), 01, 02,
    /// 10–90 by 10, 91, 92, the intervals above, 98 (ice free), 99 (unknown). Stage: 00 (legacy ice
    /// free), 01–89, 91, 93–99 (90 and 92 are reserved "for later use"). Form: 00, 01–22, 91, 99.
    public static func isValid(_ code: Int, in table: EggField.Table) -> Bool {
        switch table {
        case .concentration:
            return [0, 1, 2, 55, 91, 92, 98, 99].contains(code)
                || (code % 10 == 0 && (10...90).contains(code))
                || concentrationIntervals[code] != nil
        case .stage:
            return (0...99).contains(code) && code != 90 && code != 92
        case .form:
            return (0...22).contains(code) || code == 91 || code == 99
        case .formPair, .polygonType:
            return false
        }
    }
}
