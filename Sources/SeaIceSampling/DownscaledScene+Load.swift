import Foundation
import SeaIceAI4Arctic
import SeaIceCore

extension DownscaledScene {
    /// Reads a ready-to-train file and downscales the variables `channels` need, `rowBlock` output rows at a time
    /// (memory ≈ factor·rowBlock·samples·4 B per variable, never the whole 80 m array).
    ///
    /// Non-finite input values (NaN, ±∞) are read as 0, the ready-to-train value of a missing pixel
    /// (`NonFiniteValues`). Labels are always read (SIC, SOD, FLOE) and reduced by `nearest` (offset 0 for `.nearest`,
    /// ⌊f/2⌋ for `.blockMean`); inputs by the configured downsampling.
    public static func load(_ url: URL, channels: [InputChannel], factor: Int, downsampling: Downsampling,
                            rowBlock: Int = 32) throws -> DownscaledScene {
        let file = try AI4ArcticFile.open(url, expecting: .readyToTrain)
        defer { try? file.close() }
        let attributes = try file.readyAttributes()
        let month = try AI4ArcticNaming.month(ofSceneID: attributes.sceneID)
        for name in AI4ArcticSchema.labelVariables where !file.has(name) {
            throw SeaIceError.missing(file: url.path, item: "variable `\(name)` (training needs labels)")
        }
        let g = file.geometry
        var fullNames: [String] = [], twoKmNames: [String] = []
        for c in channels {
            switch c {
            case let .fullGrid(n): if !fullNames.contains(n) { fullNames.append(n) }
            case let .twoKm(n): if !twoKmNames.contains(n) { twoKmNames.append(n) }
            case .time, .latitude, .longitude: break
            }
        }
        var full = Dictionary(uniqueKeysWithValues: fullNames.map { ($0, [Float]()) })
        var labels = [[UInt8]](repeating: [], count: 3)
        let labelOffset = downsampling == .nearest ? 0 : factor / 2
        let step = factor * max(rowBlock, 1)
        for r0 in stride(from: 0, to: g.lines, by: step) {
            let w = GridWindow(row: r0, col: 0, rows: min(step, g.lines - r0), cols: g.samples)
            for n in fullNames {
                var v = try file.readFloats(n, window: w)
                NonFiniteValues.toZero(&v)  // as the raw → ready conversion writes a missing pixel
                full[n]! += downsampling == .nearest
                    ? BlockReduction.nearest(v, rows: w.rows, cols: w.cols, factor: factor)
                    : BlockReduction.mean(v, rows: w.rows, cols: w.cols, factor: factor)
            }
            for (k, n) in AI4ArcticSchema.labelVariables.enumerated() {
                let v = try file.readLabels(n, window: w)
                labels[k] += BlockReduction.nearest(v, rows: w.rows, cols: w.cols, factor: factor, offset: labelOffset)
            }
        }
        var twoKm: [String: [Float]] = [:]
        for n in twoKmNames { twoKm[n] = try file.readFloats(n) }
        return DownscaledScene(sceneID: attributes.sceneID, month: month, geometry: g, factor: factor,
                               downsampling: downsampling, fullGrid: full, labels: labels, twoKm: twoKm,
                               tiePoints: try file.tiePointGrid())
    }
}
