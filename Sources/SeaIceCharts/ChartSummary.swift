import Foundation

/// A per-polygon table of a chart's egg codes and classes, for `seaice chart decode`.
public struct ChartSummary: Sendable {
    /// One polygon's row.
    public struct Row: Sendable, Equatable {
        /// Feature id.
        public var id: Int64
        /// The egg code.
        public var code: EggCode
        /// SIC/SOD/FLOE labels.
        public var labels: ChartLabels
        /// WMO stage label.
        public var stage: UInt8
        /// Area in km² (projected charts; squared degrees / 10⁶ for geographic ones).
        public var areaSquareKilometres: Double
    }

    /// The rows in file order.
    public var rows: [Row]

    /// Converts every polygon of `chart`.
    public init(chart: IceChart, converter: EggCodeConverter = .init(), stageConverter: WMOStageConverter = .init()) {
        rows = chart.polygons.map { p in
            Row(id: p.id, code: p.code, labels: converter.labels(for: p.code), stage: stageConverter.label(for: p.code),
                areaSquareKilometres: p.geometry.area / 1e6)
        }
    }

    /// Fixed-width text: one line per polygon (id, type, CT … FC codes, SIC, SOD, FLOE, STAGE, area),
    /// then the number of polygons per SIC, SOD, FLOE and STAGE label.
    public func formattedTable() -> String {
        func label(_ v: UInt8) -> String { v == ChartLabels.masked ? "-" : String(v) }
        func code(_ v: Int?) -> String { v.map { String(format: "%02d", $0) } ?? "-9" }
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = ["   fid T  CT CA SA FA CB SB FB CC SC FC   SIC SOD FLOE STAGE      km²"]
        for r in rows {
            let c = r.code
            let codes = [c.ct, c.ca, c.sa, c.fa, c.cb, c.sb, c.fb, c.cc, c.sc, c.fc].map(code).joined(separator: " ")
            let classes = [(r.labels.sic, 4), (r.labels.sod, 4), (r.labels.floe, 5), (r.stage, 6)]
                .map { pad(label($0.0), $0.1) }.joined()
            lines.append(pad(String(r.id), 6) + " \(c.polygonType.rawValue)  \(codes) " + classes + pad(String(format: "%.0f", r.areaSquareKilometres), 9))
        }
        lines.append("\(rows.count) polygons; labels (\"-\" = masked, 255):")
        for (name, values) in [("SIC", rows.map(\.labels.sic)), ("SOD", rows.map(\.labels.sod)),
                               ("FLOE", rows.map(\.labels.floe)), ("STAGE", rows.map(\.stage))] {
            let counts = Dictionary(grouping: values, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key }
            lines.append("  \(name): " + counts.map { "\(label($0.key))×\($0.value)" }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
