import SeaIceClasses

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
    public var classCount: Int { classTable.count }

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

    /// The chart's class table (codes, names, colours), shared with products and quick-looks.
    public var classTable: ClassTable {
        switch self {
        case .sic: return .sic
        case .sod: return .sod
        case .floe: return .floe
        }
    }

    /// Human-readable class names, index = class value (the class table's labels, as the starter
    /// pack's `utils.GROUP_NAMES`).
    public var classNames: [String] { classTable.labels }

    /// Name of label value `value` (the class name, "masked" for 255, or the number itself).
    public func labelName(_ value: Int) -> String {
        classTable.label(value)
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
