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
        try DeclaredSize.checkGrid(lines: lines, samples: samples, file: nc.path,
                                   item: "dimensions `sar_lines` × `sar_samples`")
        let f = Downsample.factor(width: samples, height: lines, maxSide: maxSide)
        let hasSceneID = try nc.attribute("scene_id") != nil
        let ready = nc.hasVariable("SIC") || hasSceneID
        let hh = try reducedFloats(nc, "nersc_sar_primary", lines: lines, samples: samples, factor: f)
        let hv = try reducedFloats(nc, "nersc_sar_secondary", lines: lines, samples: samples, factor: f)
        var panels: [Panel] = []
        if ready {
            let shh = GrayStretch.percentiles(hh.values) ?? GrayStretch(low: -3, high: 3)
            let shv = GrayStretch.percentiles(hv.values) ?? GrayStretch(low: -3, high: 3)
            let unit = "(standard-scaled)"
            panels.append(
                Panel(title: "HH", values: hh.values, width: hh.width, height: hh.height, stretch: shh, unit: unit))
            panels.append(
                Panel(title: "HV", values: hv.values, width: hv.width, height: hv.height, stretch: shv, unit: unit))
        } else {
            panels.append(
                Panel(title: "HH σ⁰", values: hh.values, width: hh.width, height: hh.height, stretch: .hhDB, unit: "dB"))
            panels.append(
                Panel(title: "HV σ⁰", values: hv.values, width: hv.width, height: hv.height, stretch: .hvDB, unit: "dB"))
        }
        if let labels = try labelMaps(nc, ready: ready, lines: lines, samples: samples, factor: f) {
            for (map, table) in zip(labels, [ClassTable.sic, .sod, .floe]) {
                panels.append(Panel(classes: map.values, width: map.width, height: map.height, table: table))
            }
        }
        if let north = north(nc, lines: lines, samples: samples) {
            for k in panels.indices { panels[k].north = north }
        }
        var caption = [url.lastPathComponent, "\(lines) × \(samples) pixels, shown 1:\(f) (swath geometry)"]
        if try !SimulationMarkers.markers(of: nc).isEmpty { caption.insert("SIMULATED DATA - not real", at: 0) }
        return PanelLayout.compose(panels, caption: caption)
    }

    /// Where north points in the picture (`NorthArrow.direction`), from the 21 × 21 tie-point latitudes:
    /// `sar_grid2d_latitude` of ready-to-train files (rows = lines, columns = samples, spread over the
    /// scene) or the raw `sar_grid_latitude` with `sar_grid_line`/`sar_grid_sample` (441 points, line-major).
    /// Nil when the file has neither (no arrow is drawn then).
    public static func north(_ nc: NetCDFFile, lines: Int, samples: Int) -> Double? {
        if nc.hasVariable("sar_grid2d_latitude"), let lat = try? nc.readFloats("sar_grid2d_latitude"),
           lat.count == 441 {
            return NorthArrow.direction(latitude: lat, width: 21, height: 21, columnStep: Double(samples - 1) / 20,
                                        rowStep: Double(lines - 1) / 20)
        }
        guard nc.hasVariable("sar_grid_latitude"), let lat = try? nc.readFloats("sar_grid_latitude"),
              let line = try? nc.readFloats("sar_grid_line"), let sample = try? nc.readFloats("sar_grid_sample"),
              lat.count == 441, line.count == 441, sample.count == 441 else { return nil }
        let columnStep = Double(sample[20] - sample[0]) / 20, rowStep = Double(line[420] - line[0]) / 20
        guard columnStep != 0, rowStep != 0 else { return nil }
        return NorthArrow.direction(latitude: lat, width: 21, height: 21, columnStep: columnStep, rowStep: rowStep)
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
