import Foundation
import SeaIceAI4Arctic
import SeaIceNetCDF

/// A tiny raw AI4Arctic scene (40 m) with analytic values, written through SeaIceNetCDF, so tests can
/// compute every expected ready-to-train value by hand.
///
/// - HH(r, c) = −20 + 0.01 r + 0.001 c dB, NaN in the block r, c < 2 and at (2, 2);
///   HV = −28 + 0.02 r; incidence = 20 + 0.1 c; distance = r / 10.
/// - polygon_icechart: id 1 for c ≤ 40, 2 for 41 ≤ c ≤ 80, 3 for c ≥ 81, NaN for r ≥ 90, 7 (absent from the
///   table) at (50, 60). Codes (from the golden table / the real CIS extract): 1 → SIC 10 SOD 5 FLOE 5,
///   2 → 3 / 2 / 1, 3 (water, real row 76) → 0 / 0 / 0.
/// - Tie points at lines/samples linspace(0, n − 1, 21), line-major: lat = 70 + 0.01 line + 0.001 sample,
///   lon = −60 + 0.002 sample − 0.001 line, incidence = 20 + 0.1 sample.
/// - 2 km variable j (index in `twoKmVariables`) at cell (k, l): μ_j + σ_j·(0.1 j + k − l) (so it scales to
///   0.1 j + k − l), NaN at cell (1, 1) of `btemp_89_0v`.
public struct RawSceneFixture {
    /// A raw name following the dataset's rule (ice service `dmi` at characters 77–79).
    public static let fileName =
        "S1A_EW_GRDM_1SDH_20180124T194759_20180124T194859_020301_022AA4_1F75_icechart_dmi_201801241950_SouthEast_RIC.nc"
    /// Rows at 40 m.
    public var lines = 100
    /// Columns at 40 m.
    public var samples = 104
    /// The polygon_codes rows (header first).
    public var codes = [
        "poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE",
        "1;92;-9;95;06;-9;-9;-9;-9;-9;-9;-9;-9;06-9;I",
        "2;30;-9;84;02;-9;-9;-9;-9;-9;-9;-9;-9;02-9;I",
        "3;02;-9;98;10;-9;-9;-9;-9;-9;-9;-9;-9;10-9;W",
    ]

    /// Polygon ids used for the left, middle and right parts of the scene.
    public var polygonIDs: (left: Float, middle: Float, right: Float) = (1, 2, 3)

    /// Write the full-grid `sar_incidenceangle` (otherwise only the tie points carry the incidence angle).
    public var writesIncidenceGrid = true
    /// Whether `nersc_sar_secondary` (HV) is written (false: a single-polarisation HH-only scene).
    public var writesHV = true
    /// Whether every pixel is land (`distance_map` 0 everywhere).
    public var allLand = false

    /// The default fixture (100 × 104 pixels).
    public init() {}

    public func hh(_ r: Int, _ c: Int) -> Float {
        if (r < 2 && c < 2) || (r == 2 && c == 2) { return .nan }
        return Float(-20 + 0.01 * Double(r) + 0.001 * Double(c))
    }
    public func hv(_ r: Int, _ c: Int) -> Float { Float(-28 + 0.02 * Double(r)) }
    public func incidence(_ r: Int, _ c: Int) -> Float { Float(20 + 0.1 * Double(c)) }
    public func distance(_ r: Int, _ c: Int) -> Float { Float(Double(r) / 10) }
    public func polygon(_ r: Int, _ c: Int) -> Float {
        if r >= 90 { return .nan }
        if r == 50 && c == 60 { return 7 }
        return c <= 40 ? polygonIDs.left : (c <= 80 ? polygonIDs.middle : polygonIDs.right)
    }
    public static func latitude(line: Double, sample: Double) -> Double { 70 + 0.01 * line + 0.001 * sample }
    public static func longitude(line: Double, sample: Double) -> Double { -60 + 0.002 * sample - 0.001 * line }
    /// The scaled value of 2 km variable index `j` at cell (k, l) (NaN cell → 0 after conversion).
    public static func scaledTwoKm(_ j: Int, _ k: Int, _ l: Int) -> Double { 0.1 * Double(j) + Double(k - l) }

    /// The tie-point positions along one axis of `n` pixels.
    public static func tiePositions(_ n: Int) -> [Double] { (0..<21).map { Double($0) * Double(n - 1) / 20 } }

    /// Writes the scene as `directory/fileName` (or `name`); `skip` leaves variables out; `override` replaces the
    /// full-grid float variable definitions' type (for bad-input tests).
    @discardableResult
    public func write(to directory: URL, name: String = RawSceneFixture.fileName) throws -> URL {
        let url = directory.appendingPathComponent(name)
        let geometry = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 40)
        var layout = AI4ArcticWriter.Layout(version: .raw, geometry: geometry, chartRows: codes.count)
        if !writesIncidenceGrid { layout.omitting.insert("sar_incidenceangle") }
        let nc = try AI4ArcticWriter.create(url, layout: layout,
                                            globalAttributes: [("title", .text("Training data file from AI4Arctic (test fixture)"))],
                                            variableAttributes: ["polygon_codes": [("icechart_id", .text("dmi_test_chart"))]])
        func grid(_ f: (Int, Int) -> Float) -> [Float] {
            var v = [Float](); v.reserveCapacity(lines * samples)
            for r in 0..<lines { for c in 0..<samples { v.append(f(r, c)) } }
            return v
        }
        try nc.write(grid(hh), variable: "nersc_sar_primary")
        try nc.write(grid(hv), variable: "nersc_sar_secondary")
        // A single-polarisation scene as `seaice preprocess` writes it has no HV variable: retire it by name.
        if !writesHV { try nc.renameVariable("nersc_sar_secondary", to: "retired_sar_secondary") }
        if writesIncidenceGrid { try nc.write(grid(incidence), variable: "sar_incidenceangle") }
        try nc.write(grid(allLand ? { _, _ in 0 } : distance), variable: "distance_map")
        try nc.write(grid(polygon), variable: "polygon_icechart")
        try nc.writeStrings(codes, variable: "polygon_codes")
        let lp = Self.tiePositions(lines), sp = Self.tiePositions(samples)
        var line = [Double](), sample = [Double](), lat = [Double](), lon = [Double](), inc = [Double]()
        for a in lp { for b in sp {
            line.append(a); sample.append(b)
            lat.append(Self.latitude(line: a, sample: b)); lon.append(Self.longitude(line: a, sample: b))
            inc.append(20 + 0.1 * b)
        } }
        try nc.write(line, variable: "sar_grid_line")
        try nc.write(sample, variable: "sar_grid_sample")
        try nc.write(lat, variable: "sar_grid_latitude")
        try nc.write(lon, variable: "sar_grid_longitude")
        try nc.write(inc, variable: "sar_grid_incidenceangle")
        try nc.write([Double](repeating: 0, count: 441), variable: "sar_grid_height")
        for (j, v) in AI4ArcticSchema.twoKmVariables.enumerated() {
            let s = AI4ArcticStatistics.official.byVariable[v]!
            var values = [Double]()
            for k in 0..<geometry.twoKmLines { for l in 0..<geometry.twoKmSamples {
                values.append(v == "btemp_89_0v" && k == 1 && l == 1 ? .nan : s.mean + s.std * Self.scaledTwoKm(j, k, l))
            } }
            try nc.write(values, variable: v)
        }
        try nc.close()
        return url
    }
}
