import Foundation

/// The result of looking a SIGRID-3 code up in a class table.
public enum ClassLookup<Class: Sendable & Equatable>: Sendable, Equatable {
    /// The code belongs to this class.
    case mapped(Class)
    /// The table lists the code as masked (ambiguous or unusable, label 255).
    case masked
    /// The table does not list the code (e.g. concentration intervals such as 46, thickness codes).
    case unlisted
}

/// Sea-ice concentration class: tenths of ice cover, 0 (open water) … 10 (9+/10 and 10/10).
/// Table of the AI4Arctic challenge (starter pack `utils.py` SIC_LOOKUP; ai4arctic.md).
public struct SICClass: RawRepresentable, Hashable, Sendable, Codable, Comparable {
    /// Tenths, 0…10.
    public let rawValue: UInt8
    /// A class of `rawValue` tenths (0…10).
    public init?(rawValue: UInt8) {
        guard rawValue <= 10 else { return nil }
        self.rawValue = rawValue
    }
    /// The class of `tenths` (0…10; larger values are clamped to 10).
    public init(tenths: Int) { rawValue = UInt8(min(max(tenths, 0), 10)) }

    /// Orders classes by concentration.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// SIGRID-3 concentration code → class: 00, 01, 02, 55 → 0; 10 … 90 → 1 … 9; 91, 92 → 10.
    public static func lookup(code: Int) -> ClassLookup<SICClass> {
        switch code {
        case 0, 1, 2, 55: return .mapped(SICClass(tenths: 0))
        case 10, 20, 30, 40, 50, 60, 70, 80, 90: return .mapped(SICClass(tenths: code / 10))
        case 91, 92: return .mapped(SICClass(tenths: 10))
        default: return .unlisted
        }
    }
}

/// Stage-of-development class of the AI4Arctic challenge (six classes; starter pack SOD_LOOKUP).
public enum SODClass: UInt8, Sendable, Codable, CaseIterable {
    /// Open water / no stage (00, 80).
    case openWater = 0
    /// New ice and nilas, < 10 cm (81, 82).
    case newIce = 1
    /// Young ice: grey and grey-white, 10–30 cm (83, 84, 85).
    case youngIce = 2
    /// Thin first-year ice, 30–70 cm (87, 88, 89).
    case thinFirstYearIce = 3
    /// Medium and thick first-year ice, ≥ 70 cm, and first-year ice unspecified (86, 91, 93).
    case thickFirstYearIce = 4
    /// Old, second-year and multi-year ice (95, 96, 97).
    case oldIce = 5

    /// SIGRID-3 stage code → class: 00, 80 → open water; 81, 82 → new ice; 83, 84, 85 → young ice;
    /// 87, 88, 89 → thin first-year; 86, 91, 93 → thick first-year; 95, 96, 97 → old ice; 98 (glacier), 99 → masked.
    public static func lookup(code: Int) -> ClassLookup<SODClass> {
        switch code {
        case 0, 80: return .mapped(.openWater)
        case 81, 82: return .mapped(.newIce)
        case 83, 84, 85: return .mapped(.youngIce)
        case 87, 88, 89: return .mapped(.thinFirstYearIce)
        case 86, 91, 93: return .mapped(.thickFirstYearIce)
        case 95, 96, 97: return .mapped(.oldIce)
        case 98, 99: return .masked
        default: return .unlisted
        }
    }

    /// Class of a Table 2 thickness code (01 ice free, 02–78 thickness in cm), used by the corrected
    /// conversion: < 10 cm new ice, 10–30 cm young, 30–70 cm thin first-year, ≥ 70 cm thick first-year
    /// (the thickness ranges of the WMO stages in Table 2). 79 (brash) and other codes: nil.
    public static func fromThicknessCode(_ code: Int) -> SODClass? {
        guard let cm = SIGRIDCodes.thicknessCentimetres(code) else { return code == 1 ? .openWater : nil }
        switch cm {
        case ..<10: return .newIce
        case ..<30: return .youngIce
        case ..<70: return .thinFirstYearIce
        default: return .thickFirstYearIce
        }
    }
}

/// Floe-size class of the AI4Arctic challenge (seven classes; starter pack FLOE_LOOKUP).
public enum FLOEClass: UInt8, Sendable, Codable, CaseIterable {
    /// Open water (00).
    case openWater = 0
    /// Ice cake, < 20 m (02).
    case cake = 1
    /// Small floe, 20–100 m (03).
    case smallFloe = 2
    /// Medium floe, 100–500 m (04).
    case mediumFloe = 3
    /// Big floe, 500 m–2 km (05).
    case bigFloe = 4
    /// Vast and giant floes, ≥ 2 km (06, 07).
    case vastFloe = 5
    /// Growlers, floebergs, floebits and icebergs (09, 10).
    case bergs = 6

    /// SIGRID-3 form code → class: 00 → open water; 02 → cake; 03 → small; 04 → medium; 05 → big;
    /// 06, 07 → vast; 09, 10 → bergs; 01 (shuga), 08 (fast ice), 21 (level), 22 (pancake) → masked.
    public static func lookup(code: Int) -> ClassLookup<FLOEClass> {
        switch code {
        case 0: return .mapped(.openWater)
        case 2: return .mapped(.cake)
        case 3: return .mapped(.smallFloe)
        case 4: return .mapped(.mediumFloe)
        case 5: return .mapped(.bigFloe)
        case 6, 7: return .mapped(.vastFloe)
        case 9, 10: return .mapped(.bergs)
        case 1, 8, 21, 22: return .masked
        default: return .unlisted
        }
    }
}

extension SIGRIDCodes {
    /// Thickness in cm of a Table 2 thickness code: 02–50 → 2–50 cm (02 = 1–2 cm), 51–59 → 55–95 cm,
    /// 60–69 → 100–190 cm, 70–73 → 200–350 cm, 74–78 → 400–800 cm; nil for other codes.
    public static func thicknessCentimetres(_ code: Int) -> Int? {
        switch code {
        case 2...50: return code
        case 51...59: return 50 + 5 * (code - 50)
        case 60...69: return 100 + 10 * (code - 60)
        case 70...73: return 200 + 50 * (code - 70)
        case 74...78: return 400 + 100 * (code - 74)
        default: return nil
        }
    }
}
