import Foundation
import SeaIceAI4Arctic
import SeaIceNetCDF

/// A tiny ready-to-train scene (80 m) with analytic values, written through SeaIceNetCDF.
///
/// - Input `v` (index i in `fullGridInputs`) at (r, c): i + 0.001 r + 0.0001 c (already "scaled").
/// - SIC (r, c) = (r + c) % 11, 255 where r < `maskedRows`; SOD = r % 6; FLOE = c % 7.
/// - 2 km variable j at cell (k, l): 0.1 j + k − l.
/// - 21 × 21 lat = 70 + 0.01 line + 0.001 sample, lon = −60 + 0.002 sample − 0.001 line (line, sample in pixels).
public struct ReadySceneFixture {
    /// Rows at 80 m.
    public var lines: Int
    /// Columns at 80 m.
    public var samples: Int
    /// Acquisition timestamp (gives the month and the scene id).
    public var timestamp: String
    /// Rows masked (SIC 255) at the top.
    public var maskedRows: Int

    /// A fixture of `lines × samples` pixels.
    public init(lines: Int = 120, samples: Int = 130, timestamp: String = "20180607T184326", maskedRows: Int = 0) {
        self.lines = lines
        self.samples = samples
        self.timestamp = timestamp
        self.maskedRows = maskedRows
    }

    public var sceneID: String { "\(timestamp)_dmi_prep.nc" }

    public static func input(_ i: Int, _ r: Int, _ c: Int) -> Float { Float(i) + 0.001 * Float(r) + 0.0001 * Float(c) }
    public func sic(_ r: Int, _ c: Int) -> UInt8 { r < maskedRows ? 255 : UInt8((r + c) % 11) }
    public static func sod(_ r: Int, _ c: Int) -> UInt8 { UInt8(r % 6) }
    public static func floe(_ r: Int, _ c: Int) -> UInt8 { UInt8(c % 7) }
    public static func twoKm(_ j: Int, _ k: Int, _ l: Int) -> Float { 0.1 * Float(j) + Float(k - l) }

    /// Writes `directory/<sceneID>`.
    @discardableResult
    public func write(to directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(sceneID)
        let g = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 80)
        let attrs = ReadyAttributes(sceneID: sceneID, originalID: "S1A_EW_GRDM_1SDH_\(timestamp)_fixture", iceService: .dmi,
                                    flip: 0, pixelSpacing: 80)
        let nc = try AI4ArcticWriter.create(url, layout: .init(version: .readyToTrain, geometry: g, chartRows: 1),
                                            globalAttributes: AI4ArcticWriter.readyGlobalAttributes(attrs))
        func grid<T>(_ f: (Int, Int) -> T) -> [T] {
            var v = [T](); v.reserveCapacity(lines * samples)
            for r in 0..<lines { for c in 0..<samples { v.append(f(r, c)) } }
            return v
        }
        for (i, v) in AI4ArcticSchema.fullGridInputs.enumerated() { try nc.write(grid { Self.input(i, $0, $1) }, variable: v) }
        try nc.write(grid(sic), variable: "SIC")
        try nc.write(grid(Self.sod), variable: "SOD")
        try nc.write(grid(Self.floe), variable: "FLOE")
        let lp = RawSceneFixture.tiePositions(lines), sp = RawSceneFixture.tiePositions(samples)
        var lat = [Double](), lon = [Double]()
        for a in lp { for b in sp {
            lat.append(RawSceneFixture.latitude(line: a, sample: b)); lon.append(RawSceneFixture.longitude(line: a, sample: b))
        } }
        try nc.write(lat, variable: "sar_grid2d_latitude")
        try nc.write(lon, variable: "sar_grid2d_longitude")
        for (j, v) in AI4ArcticSchema.twoKmVariables.enumerated() {
            var values = [Float]()
            for k in 0..<g.twoKmLines { for l in 0..<g.twoKmSamples { values.append(Self.twoKm(j, k, l)) } }
            try nc.write(values, variable: v)
        }
        try nc.close()
        return url
    }
}
