import Foundation

/// The kind of a chart polygon (SIGRID-3 `POLY_TYPE`, JCOMM TR-23 Table 4).
public enum PolygonType: String, Codable, Sendable, CaseIterable {
    /// Ice of any concentration (`I`).
    case ice = "I"
    /// Water, sea-ice free (`W`).
    case water = "W"
    /// Land (`L`).
    case land = "L"
    /// No data (`N`).
    case noData = "N"
    /// Ice shelf / ice of land origin (`S`).
    case iceShelf = "S"
}

/// The SIGRID-3 egg code of one chart polygon: total and partial concentrations, stages of
/// development and forms of ice of up to three ice types (A thickest, B, C), as two-digit
/// SIGRID-3 code figures (JCOMM TR-23 Tables 1–3), `nil` where the chart leaves a field not filled
/// (`-9`, blank or NULL).
///
/// Concentration codes (CT, CA, CB, CC) are in tenths ×10 (`70` = 7/10, `91` = 9+/10, `92` = 10/10,
/// `46` = the interval 4/10–6/10); stage codes (SA, SB, SC, CN, CD) are WMO stages (`81` new ice …
/// `97` multi-year ice) or thicknesses; form codes (FA, FB, FC) are floe sizes (`02` ice cake …
/// `08` fast ice, `10` icebergs).
public struct EggCode: Equatable, Hashable, Sendable, Codable {
    /// Total concentration (CT).
    public var ct: Int?
    /// Partial concentration of the thickest ice (CA); when only one ice type is present CA is not filled and equals CT.
    public var ca: Int?
    /// Stage of development of the thickest ice (SA).
    public var sa: Int?
    /// Form of the thickest ice (FA).
    public var fa: Int?
    /// Partial concentration of the second thickest ice (CB).
    public var cb: Int?
    /// Stage of development of the second thickest ice (SB).
    public var sb: Int?
    /// Form of the second thickest ice (FB).
    public var fb: Int?
    /// Partial concentration of the third thickest ice (CC).
    public var cc: Int?
    /// Stage of development of the third thickest ice (SC).
    public var sc: Int?
    /// Form of the third thickest ice (FC).
    public var fc: Int?
    /// Stage of development of ice thicker than SA but with concentration below 1/10 (CN).
    public var cn: Int?
    /// Stage of development of any remaining ice class (CD).
    public var cd: Int?
    /// Predominant and secondary form of ice (CF) as written in the chart: two 2-character form
    /// codes, e.g. `"0499"` or `"08-9"` (second not filled). Kept verbatim; not used by the conversions.
    public var cf: String?
    /// The polygon kind.
    public var polygonType: PolygonType

    /// An egg code from its fields (all optional fields default to not filled).
    public init(
        ct: Int? = nil, ca: Int? = nil, sa: Int? = nil, fa: Int? = nil,
        cb: Int? = nil, sb: Int? = nil, fb: Int? = nil,
        cc: Int? = nil, sc: Int? = nil, fc: Int? = nil,
        cn: Int? = nil, cd: Int? = nil, cf: String? = nil, polygonType: PolygonType
    ) {
        self.ct = ct; self.ca = ca; self.sa = sa; self.fa = fa
        self.cb = cb; self.sb = sb; self.fb = fb
        self.cc = cc; self.sc = sc; self.fc = fc
        self.cn = cn; self.cd = cd; self.cf = cf
        self.polygonType = polygonType
    }

    /// The partial concentrations (CA, CB, CC), thickest first.
    public var partialConcentrations: [Int?] { [ca, cb, cc] }
    /// The stages of development (SA, SB, SC), thickest first.
    public var stages: [Int?] { [sa, sb, sc] }
    /// The forms of ice (FA, FB, FC), thickest first.
    public var forms: [Int?] { [fa, fb, fc] }

    /// The value of an integer field.
    public subscript(field: EggField) -> Int? {
        switch field {
        case .ct: return ct
        case .ca: return ca
        case .sa: return sa
        case .fa: return fa
        case .cb: return cb
        case .sb: return sb
        case .fb: return fb
        case .cc: return cc
        case .sc: return sc
        case .fc: return fc
        case .cn: return cn
        case .cd: return cd
        case .cf, .polygonType: return nil
        }
    }

    /// The fields in SIGRID-3/AI4Arctic order as code text ("-9" for not filled), e.g. `92;-9;95;06;…;I`.
    public var codeString: String {
        let numbers = EggField.integerFields.map { field in self[field].map { String(format: "%02d", $0) } ?? "-9" }
        return (numbers + [cf ?? "-9", polygonType.rawValue]).joined(separator: ";")
    }
}
