import SeaIceCharts

/// The surface class of one place of the simulated world: open water, the nine WMO ice stages of
/// `../shared/specs/ice-types.md` (values 0–9 equal `WMOStageClass` raw values) and land (10).
///
/// This is what the `truth_surface_class` layers of simulated files hold.
public enum WorldSurfaceClass: UInt8, CaseIterable, Codable, Sendable {
    case water = 0, newIce, greyIce, greyWhiteIce, thinFirstYear, mediumFirstYear, thickFirstYear
    case oldIce, secondYear, multiYear
    case land = 10

    /// The nine ice stages, thinnest first.
    public static let stages: [WorldSurfaceClass] = Array(allCases[1...9])

    /// The ten-class label (`WMOStageClass`), nil for land.
    public var wmoClass: WMOStageClass? { WMOStageClass(rawValue: rawValue) }

    /// The SIGRID-3 stage of development code (81 new ice … 97 multi-year); nil for water and land.
    public var stageCode: Int? {
        switch self {
        case .water, .land: return nil
        case .newIce: return 81
        case .greyIce: return 84
        case .greyWhiteIce: return 85
        case .thinFirstYear: return 87
        case .mediumFirstYear: return 91
        case .thickFirstYear: return 93
        case .oldIce: return 95
        case .secondYear: return 96
        case .multiYear: return 97
        }
    }

    /// Whether the class is sea ice.
    public var isIce: Bool { self != .water && self != .land }
    /// Whether the class is old, second-year or multi-year ice.
    public var isMultiYear: Bool { self == .oldIce || self == .secondYear || self == .multiYear }

    /// The seven-row surface of the original simulator this class falls in (AI4Arctic SOD, AMSR2 mixing).
    public var surfaceKind: SurfaceKind {
        switch self {
        case .water: return .water
        case .newIce: return .newIce
        case .greyIce, .greyWhiteIce: return .youngIce
        case .thinFirstYear, .mediumFirstYear: return .thinMediumFirstYear
        case .thickFirstYear: return .thickFirstYear
        case .oldIce, .secondYear, .multiYear: return .oldIce
        case .land: return .land
        }
    }

    /// Thickness range of a first-year or younger stage, cm (WMO nomenclature, ice-types.md); nil otherwise.
    public var thicknessCm: ClosedRange<Double>? {
        switch self {
        case .newIce: return 0...10
        case .greyIce: return 10...15
        case .greyWhiteIce: return 15...30
        case .thinFirstYear: return 30...70
        case .mediumFirstYear: return 70...120
        case .thickFirstYear: return 120...1000
        default: return nil
        }
    }

    /// Typical floe diameter of the stage in close pack, m (new ice forms continuous sheets; multi-year
    /// floes are vast, WMO floe-size classes: small 20–100 m, medium 100–500 m, big 0.5–2 km, vast 2–10 km).
    public var floeDiameter: Double {
        switch self {
        case .water, .land: return 1000
        case .newIce: return 20_000
        case .greyIce: return 250
        case .greyWhiteIce: return 500
        case .thinFirstYear: return 1200
        case .mediumFirstYear: return 2000
        case .thickFirstYear: return 3000
        case .oldIce: return 4000
        case .secondYear: return 5000
        case .multiYear: return 8000
        }
    }

    /// The CIS/SIGRID-3 form-of-ice code of a floe diameter in metres (2 brash/ice cake < 20 m, 3 small,
    /// 4 medium, 5 big, 6 vast, 7 giant floes); −9 for continuous new ice.
    public static func formCode(diameter: Double, stage: WorldSurfaceClass) -> Int {
        if stage == .newIce { return -9 }
        switch diameter {
        case ..<20: return 2
        case ..<100: return 3
        case ..<500: return 4
        case ..<2000: return 5
        case ..<10000: return 6
        default: return 7
        }
    }
}
