import Foundation

/// The ten WMO stage-of-development classes of the ten-ice-type classifier (ice-types.md, seed 000,
/// Zhao et al. 2025: CIS charts labelled by the dominant stage of their polygon).
public enum WMOStageClass: UInt8, Sendable, Codable, CaseIterable {
    /// Open water (concentration code 55 / ice free).
    case openWater = 0
    /// New ice, < 10 cm (81; nilas 82 is also < 10 cm).
    case newIce = 1
    /// Grey ice, 10–15 cm (84).
    case greyIce = 2
    /// Grey-white ice, 15–30 cm (85).
    case greyWhiteIce = 3
    /// Thin first-year ice, 30–70 cm (87, and its stages 88, 89).
    case thinFirstYearIce = 4
    /// Medium first-year ice, 70–120 cm (91).
    case mediumFirstYearIce = 5
    /// Thick first-year ice, > 120 cm (93).
    case thickFirstYearIce = 6
    /// Old ice (95).
    case oldIce = 7
    /// Second-year ice (96).
    case secondYearIce = 8
    /// Multi-year ice (97).
    case multiYearIce = 9

    /// SIGRID-3 stage code → class. Codes that name no single one of the ten classes — young ice
    /// unspecified (83), first-year unspecified (86), no stage (80), glacier (98), unknown (99) and
    /// thickness codes — are masked.
    public static func lookup(stageCode code: Int) -> ClassLookup<WMOStageClass> {
        switch code {
        case 81, 82: return .mapped(.newIce)
        case 84: return .mapped(.greyIce)
        case 85: return .mapped(.greyWhiteIce)
        case 87, 88, 89: return .mapped(.thinFirstYearIce)
        case 91: return .mapped(.mediumFirstYearIce)
        case 93: return .mapped(.thickFirstYearIce)
        case 95: return .mapped(.oldIce)
        case 96: return .mapped(.secondYearIce)
        case 97: return .mapped(.multiYearIce)
        default: return .masked
        }
    }
}

/// Labels a polygon with the WMO stage class of its dominant ice type.
///
/// Water polygons (POLY_TYPE W) and polygons whose total concentration is ice free (CT 00, 01, 02,
/// 55, 98) are open water. Otherwise the partial concentrations (CA := CT when only one ice type is
/// present) of ice types with the same class are summed, and the class with the largest sum wins
/// (ties: the thickest) if its share of CT is at least `minimumShare`; else, or when the winning
/// stage is not one of the ten classes, the label is 255. Land, no-data and unknown polygons are 255.
public struct WMOStageConverter: Sendable, Codable, Equatable {
    /// Minimum share of the dominant class in the total concentration (0 = plain majority).
    public var minimumShare: Double

    /// A converter; by default the plain dominant stage.
    public init(minimumShare: Double = 0) { self.minimumShare = minimumShare }

    /// The label of one polygon (`WMOStageClass` raw value or 255).
    public func label(for egg: EggCode) -> UInt8 {
        let masked = ChartLabels.masked
        switch egg.polygonType {
        case .water: return WMOStageClass.openWater.rawValue
        case .land, .noData: return masked
        case .ice, .iceShelf: break
        }
        guard let ct = egg.ct else { return masked }
        if [0, 1, 2, 55, 98].contains(ct) { return WMOStageClass.openWater.rawValue }
        let total = tenths(ct)
        guard let total, total > 0 else { return masked }
        var partials = egg.partialConcentrations.map { $0.flatMap(tenths) }
        if partials[0] == nil { partials[0] = total }
        var sums: [UInt8: Double] = [:]
        var order: [UInt8] = []
        for (stage, partial) in zip(egg.stages, partials) {
            guard let stage, let partial else { continue }
            let cls: UInt8
            switch WMOStageClass.lookup(stageCode: stage) {
            case let .mapped(c): cls = c.rawValue
            case .masked, .unlisted: cls = masked
            }
            if sums[cls] == nil { order.append(cls) }
            sums[cls, default: 0] += partial
        }
        guard var best = order.first else { return masked }
        for cls in order.dropFirst() where sums[cls]! > sums[best]! { best = cls }  // ties keep the thickest
        return sums[best]! / total >= minimumShare ? best : masked
    }

    /// Tenths of a concentration code (intervals at their middle); nil for unknown.
    private func tenths(_ code: Int) -> Double? {
        switch code {
        case 10...90 where code % 10 == 0: return Double(code / 10)
        case 91, 92: return 10
        default:
            return SIGRIDCodes.concentrationIntervals[code].map { Double($0.low + $0.high) / 2 }
        }
    }
}
