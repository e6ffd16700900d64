import Foundation
import SeaIceCharts
import SeaIceClasses
import SeaIceCore
import SeaIceNetCDF

/// Quick-look of an AI4Arctic scene file (raw or ready-to-train): HH, HV, SIC, SOD and FLOE side by side.
///
/// Raw files: σ⁰ in dB under the fixed EW stretches (HH −30…−5 dB, HV −35…−15 dB); labels from
/// `polygon_icechart` + `polygon_codes` through SeaIceCharts' `EggCodeConverter` (reference mode,
/// as the released labels). Ready-to-train files: standard-scaled inputs under a 2–98 % stretch;
/// labels read as stored. Large scenes are reduced by block mean (SAR) and block mode (labels),
/// reading `factor` rows at a time so memory stays bounded. Files marked simulated (SeaIceNetCDF's
/// `SimulationMarkers`: `simulated = "true"`, or an old spelling such as "yes" or "1") get a red
/// "SIMULATED DATA" caption.
public enum AI4ArcticQuicklook {
    /// Renders `url` with the longer side of each panel at most `maxSide` pixels.
    public static func render(_ url: URL, maxSide: Int = 500) throws -> RGBImage {
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let lines = try nc.dimensionLength("sar_lines"), samples = try nc.dimensionLength("sar_samples")
        let f = Downsample.factor(width: samples, height: lines, maxSide: maxSide)
        let hasSceneID = try nc.attribute("scene_id") != nil
        let ready = nc.hasVariable("SIC") || hasSceneID
        let hh = try reducedFloats(nc, "nersc_sar_primary", lines: lines, samples: samples, factor: f)
        let hv = try reducedFloats(nc, "nersc_sar_secondary", lines: lines, samples: samples, factor: f)
        var panels: [Panel] = []
        if ready {
            let shh = GrayStretch.percentiles(hh.values) ?? GrayStretch(low: -3, high: 3)
            let shv = GrayStretch.percentiles(hv.values) ?? GrayStretch(low: -3, high: 3)
            panels.append(Panel(title: "HH", values: hh.values, width: hh.width, height: hh.height, stretch: shh, unit: "SCALED"))
            panels.append(Panel(title: "HV", values: hv.values, width: hv.width, height: hv.height, stretch: shv, unit: "SCALED"))
        } else {
            panels.append(Panel(title: "HH", values: hh.values, width: hh.width, height: hh.height, stretch: .hhDB, unit: "DB"))
            panels.append(Panel(title: "HV", values: hv.values, width: hv.width, height: hv.height, stretch: .hvDB, unit: "DB"))
        }
        if let labels = try labelMaps(nc, ready: ready, lines: lines, samples: samples, factor: f) {
            for (map, table) in zip(labels, [ClassTable.sic, .sod, .floe]) {
                panels.append(Panel(classes: map.values, width: map.width, height: map.height, table: table))
            }
        }
        var caption = [url.lastPathComponent, "\(lines) X \(samples) PIXELS, SHOWN 1:\(f)"]
        if try !SimulationMarkers.markers(of: nc).isEmpty { caption.insert("SIMULATED DATA - NOT REAL", at: 0) }
        return PanelLayout.compose(panels, caption: caption)
    }

    /// Renders `url` and writes the picture to `png`.
    public static func write(_ url: URL, to png: URL, maxSide: Int = 500) throws {
        try PNGWriter.write(try render(url, maxSide: maxSide), to: png)
    }

    static func reducedFloats(_ nc: NetCDFFile, _ name: String, lines: Int, samples: Int, factor f: Int) throws -> (values: [Float], width: Int, height: Int) {
        var out: [Float] = []
        var width = 0, height = 0
        var row = 0
        while row < lines {
            let n = min(lines - row, f * 64)
            let block = try nc.readFloats(name, start: [row, 0], count: [n, samples])
            let r = Downsample.mean(block, width: samples, height: n, factor: f)
            out += r.values; width = r.width; height += r.height
            row += n
        }
        return (out, width, height)
    }

    /// SIC, SOD and FLOE maps reduced by block mode, or nil when the file has no chart.
    static func labelMaps(_ nc: NetCDFFile, ready: Bool, lines: Int, samples: Int, factor f: Int) throws -> [(values: [UInt8], width: Int, height: Int)]? {
        if nc.hasVariable("SIC") && nc.hasVariable("SOD") && nc.hasVariable("FLOE") {
            return try ["SIC", "SOD", "FLOE"].map { name in
                try reducedLabels(lines: lines, samples: samples, factor: f) { start, count in
                    try nc.read(name, as: UInt8.self, start: [start, 0], count: [count, samples])
                }
            }
        }
        guard nc.hasVariable("polygon_icechart"), nc.hasVariable("polygon_codes") else { return nil }
        let table = try PolygonCodeTable(rows: try nc.readStrings("polygon_codes"), file: nc.path)
        let converter = EggCodeConverter()
        var byID: [Int: ChartLabels] = [:]
        for e in table.entries { byID[e.id] = converter.labels(for: e.code) }
        let masked = ChartLabels(sic: 255, sod: 255, floe: 255)
        return try [\ChartLabels.sic, \ChartLabels.sod, \ChartLabels.floe].map { key in
            try reducedLabels(lines: lines, samples: samples, factor: f) { start, count in
                try nc.readFloats("polygon_icechart", start: [start, 0], count: [count, samples]).map { id in
                    id.isFinite ? (byID[Int(id)] ?? masked)[keyPath: key] : 255
                }
            }
        }
    }

    static func reducedLabels(lines: Int, samples: Int, factor f: Int, read: (Int, Int) throws -> [UInt8]) throws -> (values: [UInt8], width: Int, height: Int) {
        var out: [UInt8] = []
        var width = 0, height = 0, row = 0
        while row < lines {
            let n = min(lines - row, f * 64)
            let r = Downsample.mode(try read(row, n), width: samples, height: n, factor: f)
            out += r.values; width = r.width; height += r.height
            row += n
        }
        return (out, width, height)
    }
}
