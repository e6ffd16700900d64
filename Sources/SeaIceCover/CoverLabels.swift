import Foundation
import SeaIceAI4Arctic
import SeaIceCharts
import SeaIceCore

/// Where the ice/water labels of a scene come from (`../shared/specs/seaice-cover.md`; issue 13, item 3).
public enum CoverLabelSource: Codable, Sendable, Equatable {
    /// The simulator's pixel truth (`truth_surface_class`: 0 water, 1–9 ice, 10 land). SIMULATION TRUTH.
    case truth
    /// The scene's ice chart (`polygon_icechart` + `polygon_codes`): ice where the total concentration is at
    /// least `thresholdPercent` (the chart's SIC class × 10 %; 15 % by default, the extent convention, so
    /// 1/10 is water and 2/10 ice).
    case chart(thresholdPercent: Int)

    /// The label name written into products.
    public var name: String {
        switch self {
        case .truth: return "simulation truth (truth_surface_class)"
        case .chart(let t): return "ice chart, ice where total concentration >= \(t) %"
        }
    }
}

/// Labels at the cover grid: 0 water, 1 ice, 255 unknown (no label, or land), by majority of the labelled
/// full-resolution pixels of each block (ties count as ice).
enum CoverLabels {
    static let unknown: UInt8 = 255

    /// Full-resolution labels of `file` from `source`.
    static func fullResolution(_ file: AI4ArcticFile, source: CoverLabelSource) throws -> [UInt8] {
        switch source {
        case .truth:
            let name = "truth_surface_class"
            guard file.variableNames.contains(name) else {
                throw SeaIceError.missing(file: file.path, item: "variable `\(name)` (the simulator's pixel truth; only simulated scenes have it)")
            }
            return try file.readLabels(name).map { $0 == 0 ? 0 : ($0 <= 9 ? 1 : unknown) }
        case .chart(let threshold):
            let name = AI4ArcticSchema.Name.polygonIcechart
            guard file.variableNames.contains(name) else {
                throw SeaIceError.missing(file: file.path, item: "variable `\(name)` (the scene has no ice chart)")
            }
            let table = try PolygonCodeTable(rows: file.polygonCodes(), file: file.path)
            let labels = table.labels(polygonIDs: try file.readFloats(name))
            return labels.sic.map { $0 == ChartLabels.masked ? unknown : (Int($0) * 10 >= threshold ? 1 : 0) }
        }
    }

    /// Block majority over `factor` × `factor` blocks (ceil at the edges) of row-major `rows × cols` labels.
    static func reduce(_ labels: [UInt8], rows: Int, cols: Int, factor f: Int) -> [UInt8] {
        let outRows = BlockReduction.reducedExtent(rows, f), outCols = BlockReduction.reducedExtent(cols, f)
        var out = [UInt8](repeating: unknown, count: outRows * outCols)
        for i in 0..<outRows {
            for j in 0..<outCols {
                var ice = 0, water = 0
                for r in i * f..<min((i + 1) * f, rows) {
                    for c in j * f..<min((j + 1) * f, cols) {
                        switch labels[r * cols + c] { case 0: water += 1; case 1: ice += 1; default: break }
                    }
                }
                if ice + water > 0 { out[i * outCols + j] = ice >= water ? 1 : 0 }
            }
        }
        return out
    }
}
