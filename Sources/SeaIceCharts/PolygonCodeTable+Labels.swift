import Foundation

/// SIC/SOD/FLOE label rasters of an AI4Arctic raw scene, converted from `polygon_icechart`.
public struct SceneLabels: Sendable, Equatable {
    /// SIC class per pixel, 255 masked. Same layout as the input polygon ids (row-major `sar_lines × sar_samples`).
    public var sic: [UInt8]
    /// SOD class per pixel, 255 masked.
    public var sod: [UInt8]
    /// FLOE class per pixel, 255 masked.
    public var floe: [UInt8]
    /// Pixels per polygon id that is a whole number but not in `polygon_codes` (their labels are masked):
    /// a damaged or mismatched chart, reported by the converter.
    public var unknownPolygonIDs: [Int: Int] = [:]
    /// Pixels whose id is in `polygon_codes`.
    public var chartPixels = 0
}

extension PolygonCodeTable {
    /// Converts the raw `polygon_icechart` raster (polygon id per pixel, float32 in the files, NaN
    /// outside the chart) to label rasters, as `convert_raw_icechart.py` does: each pixel takes its
    /// polygon's labels; pixels whose id is NaN or not in the table are masked (255), and the ids not in the
    /// table are counted in `unknownPolygonIDs`.
    public func labels(polygonIDs: [Float], converter: EggCodeConverter = .init()) -> SceneLabels {
        var table: [Int: ChartLabels] = [:]
        for entry in entries { table[entry.id] = converter.labels(for: entry.code) }
        let none = ChartLabels(sic: ChartLabels.masked, sod: ChartLabels.masked, floe: ChartLabels.masked)
        var sic = [UInt8](repeating: 0, count: polygonIDs.count), sod = sic, floe = sic
        var unknown: [Int: Int] = [:], known = 0
        for (i, id) in polygonIDs.enumerated() {
            // Ids beyond ±1e9 cannot be polygon ids (and would trap in Int()): masked.
            var labels = none
            if id.isFinite && abs(id) < 1e9 && id.rounded() == id {
                if let l = table[Int(id)] { labels = l; known += 1 } else { unknown[Int(id), default: 0] += 1 }
            }
            sic[i] = labels.sic
            sod[i] = labels.sod
            floe[i] = labels.floe
        }
        return SceneLabels(sic: sic, sod: sod, floe: floe, unknownPolygonIDs: unknown, chartPixels: known)
    }
}
