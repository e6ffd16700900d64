/// One of the three AutoICE ice charts scored by the challenge.
///
/// Classes follow ../shared/specs/ai4arctic.md ("Ice chart → SIC / SOD / FLOE classes"): SIC is
/// the concentration in tenths (0–10), SOD the stage of development (0–5), FLOE the form of ice
/// (0–6). Every chart uses the value 255 for masked / no data.
public enum Chart: String, Codable, CaseIterable, Sendable, Comparable {
    /// Sea-ice concentration, 11 classes (0 %, 10 %, … 100 %), scored by R².
    case sic = "SIC"
    /// Stage of development, 6 classes, scored by weighted F1.
    case sod = "SOD"
    /// Floe size (form of ice), 7 classes, scored by weighted F1.
    case floe = "FLOE"

    /// The label value that marks masked / no-data pixels in every chart.
    public static let maskValue: UInt8 = 255

    /// Number of valid classes (label values 0 ..< `classCount`).
    public var classCount: Int {
        switch self {
        case .sic: return 11
        case .sod: return 6
        case .floe: return 7
        }
    }

    /// Weight of this chart in the combined score, (2·SIC + 2·SOD + 1·FLOE) / 5
    /// (AutoICE starter pack `compute_combined_score`, weights from the challenge rules).
    public var weight: Double {
        switch self {
        case .sic, .sod: return 2
        case .floe: return 1
        }
    }

    /// The challenge's metric for this chart.
    public var metric: ChartMetric { self == .sic ? .r2 : .weightedF1 }

    /// Human-readable class names, index = class value (starter pack `utils.GROUP_NAMES`).
    public var classNames: [String] {
        switch self {
        case .sic:
            return (0...10).map { "\($0 * 10) %" }
        case .sod:
            return ["open water", "new ice", "young ice", "thin first-year ice", "thick first-year ice", "old ice"]
        case .floe:
            return ["open water", "cake ice", "small floe", "medium floe", "big floe", "vast floe", "bergs"]
        }
    }

    /// Name of label value `value` (the class name, "masked" for 255, or the number itself).
    public func labelName(_ value: Int) -> String {
        if value == Int(Chart.maskValue) { return "masked" }
        return classNames.indices.contains(value) ? classNames[value] : "\(value)"
    }

    /// Orders SIC, SOD, FLOE as the challenge lists them.
    public static func < (lhs: Chart, rhs: Chart) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The metric the challenge uses for a chart.
public enum ChartMetric: String, Codable, Sendable {
    /// Coefficient of determination on class indices (scikit-learn `r2_score`).
    case r2
    /// F1 averaged over classes weighted by support (scikit-learn `f1_score(average='weighted')`).
    case weightedF1 = "weighted_f1"
}
