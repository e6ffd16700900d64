/// The surface a simulated pixel shows to the radar: open water, one of five ice stages, or land.
///
/// The five ice rows follow the rows of the backscatter table in `../shared/specs/simulator.md`;
/// `init(stageCode:)` maps WMO/SIGRID-3 stage-of-development codes (SA/SB/SC) onto them.
public enum SurfaceKind: UInt8, CaseIterable, Codable, Sendable {
    /// Open water (backscatter set by the 10 m wind).
    case water = 0
    /// New ice and nilas (SIGRID 81, 82).
    case newIce = 1
    /// Young ice: grey and grey-white (SIGRID 83, 84, 85).
    case youngIce = 2
    /// Thin and medium first-year ice (SIGRID 87, 88, 89, 91).
    case thinMediumFirstYear = 3
    /// Thick, deformed or unspecified first-year ice (SIGRID 86, 93).
    case thickFirstYear = 4
    /// Old, second-year and multi-year ice (SIGRID 95, 96, 97).
    case oldIce = 5
    /// Land and glacier ice (SIGRID 98, or the land mask).
    case land = 6

    /// The surface for a SIGRID-3 stage-of-development code; nil for codes that are not ice stages
    /// (−9 not filled, 99 unknown). 0 and 80 (ice free) map to water.
    public init?(stageCode code: Int) {
        switch code {
        case 0, 80: self = .water
        case 81, 82: self = .newIce
        case 83, 84, 85: self = .youngIce
        case 87, 88, 89, 91: self = .thinMediumFirstYear
        case 86, 93: self = .thickFirstYear
        case 95, 96, 97: self = .oldIce
        case 98: self = .land
        default: return nil
        }
    }

    /// The AI4Arctic SOD class (0 water … 5 old ice) this surface falls in, nil for land.
    /// Source: the SOD table of `../shared/specs/ai4arctic.md` (91 is "thick first-year" there).
    public var sodClass: UInt8? {
        switch self {
        case .water: return 0
        case .newIce: return 1
        case .youngIce: return 2
        case .thinMediumFirstYear: return 3
        case .thickFirstYear: return 4
        case .oldIce: return 5
        case .land: return nil
        }
    }

    /// Whether this surface is sea ice (counts towards the ice concentration).
    public var isIce: Bool { self != .water && self != .land }
}
