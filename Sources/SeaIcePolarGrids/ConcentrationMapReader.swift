import Foundation
import SeaIceAuxiliary
import SeaIceCore
import SeaIceNetCDF

/// Reads concentration netCDF files users already have into a `ConcentrationMap`.
///
/// The variable: `variable` when given, else `ice_conc` (OSI SAF), `cdr_seaice_conc` (NSIDC G02202),
/// the first `F<nn>_ICECON` (NSIDC-0051 netCDF), else the first variable whose `standard_name` is
/// `sea_ice_area_fraction`. It lies over (y, x) or (time, y, x) (time 1, or the first time is read), by
/// whatever names. Raw values equal to `_FillValue` or listed in `flag_values`, or outside
/// `valid_range`/`valid_min`…`valid_max`, are no concentration; the others are unpacked
/// (`scale_factor`, `add_offset`) and converted to a fraction by `units` ("%" → ÷100; "1" or none: as is,
/// with NSIDC fractions checked ≤ 1). The grid: the `grid_mapping` variable's `GeoTransform` (metres)
/// when present, else the 1-D coordinates of the last two dimensions (km converted to metres, centres
/// evenly spaced); the CRS from `crs_wkt`, `spatial_ref`, `proj4_string` or `proj4text`.
public enum ConcentrationMapReader {
    /// NSIDC's flag codes (G02202 and NSIDC-0051 user guides).
    public static let nsidcFlags: [UInt8: String] = [251: "pole_hole", 252: "unused", 253: "coast", 254: "land", 255: "missing"]

    /// The map in `url`.
    /// - Throws: `SeaIceError` naming the file and variable: no concentration variable, not 2-D/3-D, too
    ///   large, no usable grid mapping or coordinates.
    public static func read(_ url: URL, variable: String? = nil) throws -> ConcentrationMap {
        let f = try NetCDFFile.open(url)
        defer { try? f.close() }
        let file = url.path
        let names = f.variableNames
        let standard = try names.first { try f.attribute("standard_name", variable: $0)?.text == "sea_ice_area_fraction" }
        guard let name = variable ?? ["ice_conc", "cdr_seaice_conc"].first(where: f.hasVariable)
                ?? names.first(where: { $0.range(of: #"^F\d\d_ICECON$"#, options: .regularExpression) != nil }) ?? standard
        else {
            throw SeaIceError.missing(file: file, item: "a concentration variable (ice_conc, cdr_seaice_conc, Fnn_ICECON or standard_name sea_ice_area_fraction)")
        }
        guard f.hasVariable(name) else { throw SeaIceError.missing(file: file, item: "variable `\(name)`") }
        let format: ConcentrationMap.Format = name == "ice_conc" ? .osisaf : name == "cdr_seaice_conc" ? .nsidcCDR
            : name.hasSuffix("_ICECON") ? .nsidc0051 : .cf
        let v = try f.variable(name)
        guard (2...3).contains(v.shape.count), v.shape.count == 2 || v.shape[0] >= 1 else {
            throw SeaIceError.invalidInput(file: file, item: "variable `\(name)` shape \(v.shape)", expected: "(y, x) or (time, y, x)")
        }
        let h = v.shape[v.shape.count - 2], w = v.shape[v.shape.count - 1]
        guard h > 0, w > 0, h <= DeclaredSize.maximumSceneSide, w <= DeclaredSize.maximumSceneSide else {
            throw SeaIceError.invalidInput(file: file, item: "variable `\(name)` shape \(v.shape)",
                                           expected: "1…\(DeclaredSize.maximumSceneSide) rows and columns")
        }
        let a = try f.attributes(variable: name)
        let start = v.shape.count == 3 ? [0, 0, 0] : nil, count = v.shape.count == 3 ? [1, h, w] : nil
        let raw = try f.read(name, as: Double.self, start: start, count: count)
        let fill = a["_FillValue"]?.number
        let flagValues = Set(a["flag_values"]?.doubles ?? [])
        let nsidc = format == .nsidcCDR || format == .nsidc0051
        var range = a["valid_range"]?.doubles.flatMap { $0.count == 2 ? $0[0]...$0[1] : nil }
        if range == nil, let lo = a["valid_min"]?.number, let hi = a["valid_max"]?.number, lo <= hi { range = lo...hi }
        let scale = a["scale_factor"]?.number ?? 1, offset = a["add_offset"]?.number ?? 0
        let units = a["units"]?.text ?? "1"
        let toFraction = units == "%" || units.lowercased() == "percent" ? 0.01 : 1
        var flags: [UInt8]? = nil
        var meanings: [UInt8: String] = [:]
        if nsidc {
            flags = raw.map { $0 >= 251 && $0 <= 255 && $0 == $0.rounded() ? UInt8($0) : 0 }
            meanings = nsidcFlags
        }
        let conc: [Float] = raw.map { r in
            guard r.isFinite, r != fill, !flagValues.contains(r), range.map({ $0.contains(r) }) ?? true else { return .nan }
            if nsidc && r >= 251 { return .nan }
            let c = (r * scale + offset) * toFraction
            return c.isFinite && c >= -0.001 && c <= 1.001 ? Float(min(max(c, 0), 1)) : .nan
        }
        if format == .osisaf, f.hasVariable("status_flag") {
            let s = try f.variable("status_flag")
            if s.shape.suffix(2) == [h, w] {
                let sv = try f.read("status_flag", as: Double.self, start: s.shape.count == 3 ? [0, 0, 0] : nil,
                                    count: s.shape.count == 3 ? [1, h, w] : nil)
                flags = sv.map { $0 >= 0 && $0 <= 255 ? UInt8($0) : 255 }
                let sa = try f.attributes(variable: "status_flag")
                let words = sa["flag_meanings"]?.text?.split(separator: " ").map(String.init) ?? []
                for (value, word) in zip(sa["flag_values"]?.doubles ?? sa["flag_masks"]?.doubles ?? [], words)
                where value >= 0 && value <= 255 { meanings[UInt8(value)] = word }
            }
        }
        let grid = try readGrid(f, file: file, variable: name, attributes: a, dimensions: Array(v.dimensions.suffix(2)), height: h, width: w)
        var time: Date? = nil
        if f.hasVariable("time"), let units = try f.attribute("units", variable: "time")?.text,
           let t = try f.read("time", as: Double.self).first {
            time = try? CFTime.decode([t], units: normalised(units), file: file, variable: "time").first
        }
        return ConcentrationMap(grid: grid, concentration: conc, flags: flags, flagMeanings: meanings, variable: name,
                                format: format, time: time, url: url)
    }

    /// "days since 1900-1-1 0:0:0 +0" → "days since 1900-01-01 00:00:00" (nansat writes the short form).
    static func normalised(_ units: String) -> String {
        let parts = units.components(separatedBy: " since ")
        guard parts.count == 2 else { return units }
        let fields = parts[1].split(separator: " ").map(String.init)
        guard let date = fields.first else { return units }
        let ymd = date.split(separator: "-").map { $0.count == 1 ? "0\($0)" : String($0) }.joined(separator: "-")
        let hms = fields.count > 1 ? fields[1].split(separator: ":").map { $0.count == 1 ? "0\($0)" : String($0) }.joined(separator: ":") : "00:00:00"
        return "\(parts[0]) since \(ymd) \(hms)"
    }

    /// The grid from the grid mapping's GeoTransform or the coordinate variables.
    static func readGrid(_ f: NetCDFFile, file: String, variable: String, attributes a: [String: NetCDFAttribute],
                         dimensions: [String], height h: Int, width w: Int) throws -> MapGrid {
        guard let mappingName = a["grid_mapping"]?.text, f.hasVariable(mappingName) else {
            throw SeaIceError.missing(file: file, item: "attribute `grid_mapping` of `\(variable)` naming an existing variable")
        }
        let m = try f.attributes(variable: mappingName)
        guard let crs = m["crs_wkt"]?.text ?? m["spatial_ref"]?.text ?? m["proj4_string"]?.text ?? m["proj4text"]?.text else {
            throw SeaIceError.missing(file: file, item: "attribute `crs_wkt`, `spatial_ref` or `proj4_string` of `\(mappingName)`")
        }
        let epsg = m["epsg_code"]?.text.flatMap { Int($0.uppercased().replacingOccurrences(of: "EPSG:", with: "")) }
        if let gt = m["GeoTransform"]?.text?.split(separator: " ").compactMap({ Double($0) }), gt.count == 6,
           gt.allSatisfy(\.isFinite), gt[2] == 0, gt[4] == 0, gt[1] != 0, gt[5] != 0 {
            return MapGrid(width: w, height: h, geoTransform: gt, crs: crs, epsg: epsg)
        }
        var axes: [[Double]] = []
        for (d, n) in zip(dimensions, [h, w]) {
            guard f.hasVariable(d), try f.variable(d).shape == [n] else {
                throw SeaIceError.missing(file: file, item: "coordinate variable `\(d)(\(d))` (and no GeoTransform on `\(mappingName)`)")
            }
            let k = try f.attribute("units", variable: d)?.text == "km" ? 1000.0 : 1
            let values = try f.read(d, as: Double.self).map { $0 * k }
            guard values.allSatisfy(\.isFinite) else {
                throw SeaIceError.invalidInput(file: file, item: "variable `\(d)`", expected: "finite coordinates")
            }
            axes.append(values)
        }
        let step = { (c: [Double]) in c.count > 1 ? (c[c.count - 1] - c[0]) / Double(c.count - 1) : 0 }
        let dy = step(axes[0]), dx = step(axes[1])
        guard dx != 0, dy != 0 || h == 1 else {
            throw SeaIceError.invalidInput(file: file, item: "coordinates `\(dimensions[1])`, `\(dimensions[0])`",
                                           expected: "evenly spaced cell centres")
        }
        return MapGrid(width: w, height: h, geoTransform: [axes[1][0] - dx / 2, dx, 0, axes[0][0] - dy / 2, 0, dy],
                       crs: crs, epsg: epsg)
    }
}
