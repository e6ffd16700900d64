/// One polygon of a simulated ice chart: its SIGRID-3 egg code and polygon type.
///
/// Codes follow SIGRID-3 (WMO/JCOMM TR-23): concentrations CT/CA/CB/CC in percent codes
/// (01, 02, 10 … 90, 91 = 9+/10, 92 = 10/10), stages SA/SB/SC (81 new … 97 multi-year, thickest
/// first), forms FA/FB/FC (CIS floe-size codes 0 pancake … 7 giant floe, 8 fast ice, 9 bergs);
/// −9 = not filled, as in the AI4Arctic `polygon_codes` rows.
public struct SimulatedPolygon: Codable, Sendable, Equatable {
    /// SIGRID-3 polygon type.
    public enum Kind: String, Codable, Sendable { case water = "W", ice = "I", land = "L" }

    /// Polygon id as written to `polygon_icechart`.
    public var id: Int
    /// W, I or L.
    public var kind: Kind
    /// Total concentration code.
    public var ct: Int
    /// Partial concentration, stage and form codes of the three thickest ice types (A, B, C).
    public var ca: Int, sa: Int, fa: Int
    /// Second type.
    public var cb: Int, sb: Int, fb: Int
    /// Third type.
    public var cc: Int, sc: Int, fc: Int

    /// A polygon with every code given (−9 where not filled).
    public init(id: Int, kind: Kind, ct: Int, ca: Int = -9, sa: Int = -9, fa: Int = -9,
                cb: Int = -9, sb: Int = -9, fb: Int = -9, cc: Int = -9, sc: Int = -9, fc: Int = -9) {
        self.id = id; self.kind = kind; self.ct = ct
        self.ca = ca; self.sa = sa; self.fa = fa
        self.cb = cb; self.sb = sb; self.fb = fb
        self.cc = cc; self.sc = sc; self.fc = fc
    }

    /// The header row of AI4Arctic `polygon_codes`.
    public static let codesHeader = "poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE"

    /// This polygon as an AI4Arctic `polygon_codes` row (two-digit codes, −9 not filled).
    public var codesRow: String {
        func f(_ v: Int) -> String { v < 0 ? "-9" : (v < 10 ? "0\(v)" : "\(v)") }
        return "\(id);\(f(ct));\(f(ca));\(f(sa));\(f(fa));\(f(cb));\(f(sb));\(f(fb));\(f(cc));\(f(sc));\(f(fc));-9;-9;-9;\(kind.rawValue)"
    }

    /// Total ice fraction (0…1) of a SIGRID concentration code: 01/02/55 → 0 (traces, bergy water,
    /// ice free), 10…90 → 0.1…0.9, 91 → 0.95, 92 → 1; other range codes decode as "AB" = A–B tenths, mean.
    public static func fraction(ofConcentration code: Int) -> Double {
        switch code {
        case ..<3, 55: return 0
        case 91: return 0.95
        case 92: return 1
        case let c where c % 10 == 0 && c <= 90: return Double(c) / 100
        default: return Double(code / 10 + code % 10) / 20
        }
    }

    /// One ice type of the egg code: its area fraction (0…1), stage code and form code.
    public struct Partial: Sendable, Equatable {
        /// Area fraction of the polygon (0…1), SIGRID stage code and CIS form code.
        public var fraction: Double, stage: Int, form: Int
    }

    /// The ice types present with their area fractions, thickest first; a single type without a
    /// partial concentration (CA = −9) takes CT. Fractions are scaled down if they exceed CT.
    public var partials: [Partial] {
        guard kind == .ice else { return [] }
        let total = Self.fraction(ofConcentration: ct)
        guard total > 0 else { return [] }
        var out: [Partial] = []
        if ca < 0 {
            if sa >= 0 { out.append(Partial(fraction: total, stage: sa, form: fa)) }
        } else {
            for (c, s, f) in [(ca, sa, fa), (cb, sb, fb), (cc, sc, fc)] where c > 0 && s >= 0 {
                out.append(Partial(fraction: Self.fraction(ofConcentration: c), stage: s, form: f))
            }
        }
        let sum = out.reduce(0) { $0 + $1.fraction }
        if sum > total, sum > 0 { for i in out.indices { out[i].fraction *= total / sum } }
        if sum < total, sum > 0, ct >= 91 { for i in out.indices { out[i].fraction *= total / sum } }
        return out
    }

    /// Open-water fraction inside the polygon (1 − CT; 0 for land).
    public var waterFraction: Double {
        switch kind {
        case .land: return 0
        case .water: return 1
        case .ice: return 1 - partials.reduce(0) { $0 + $1.fraction }
        }
    }
}
