import Foundation
import SeaIceCore
import SeaIceNetCDF

extension AI4ArcticFile {
    /// The extent (rows, cols) of the 2-D grid variable `name` lives on.
    public func extent(of name: String) throws -> (rows: Int, cols: Int) {
        let v = try netCDF.variable(name)
        guard v.shape.count == 2 else {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`", expected: "2 dimensions, found \(v.shape.count)")
        }
        return (v.shape[0], v.shape[1])
    }

    /// Checks `window` against the variable's extent; nil means the whole grid.
    func netCDFWindow(_ name: String, _ window: GridWindow?) throws -> (start: [Int], count: [Int]) {
        let (rows, cols) = try extent(of: name)
        guard let w = window else { return ([0, 0], [rows, cols]) }
        guard w.row >= 0, w.col >= 0, w.rows >= 0, w.cols >= 0, w.row + w.rows <= rows, w.col + w.cols <= cols else {
            throw SeaIceError.invalidInput(file: path, item: "variable `\(name)`",
                expected: "a window inside \(rows) × \(cols), got rows \(w.row)..<\(w.row + w.rows), columns \(w.col)..<\(w.col + w.cols)")
        }
        return ([w.row, w.col], [w.rows, w.cols])
    }

    /// Reads a window (nil = all) of a 2-D numeric variable as Float32, row-major.
    ///
    /// Full-grid inputs are in their file units (raw: dB, degrees, km; ready-to-train: standard-scaled);
    /// 2 km variables in K, m/s, kg/m² (raw) or standard-scaled (ready-to-train).
    public func readFloats(_ name: String, window: GridWindow? = nil) throws -> [Float] {
        let (start, count) = try netCDFWindow(name, window)
        return try netCDF.readFloats(name, start: start, count: count)
    }

    /// Reads a window (nil = all) of a uint8 label variable (`SIC`, `SOD`, `FLOE`; 255 = masked), row-major.
    public func readLabels(_ name: String, window: GridWindow? = nil) throws -> [UInt8] {
        let (start, count) = try netCDFWindow(name, window)
        return try netCDF.read(name, as: UInt8.self, start: start, count: count)
    }

    /// A 1-D or 2-D float64 variable, all values.
    func readDoubles(_ name: String) throws -> [Double] {
        try netCDF.read(name, as: Double.self)
    }

    /// The 21 × 21 tie-point grid: raw from the 441 positioned points; ready-to-train spanning the scene.
    public func tiePointGrid() throws -> AI4ArcticTiePointGrid {
        let N = AI4ArcticSchema.Name.self
        switch version {
        case .raw:
            return try AI4ArcticTiePointGrid.fromPoints(
                file: path, line: readDoubles(N.gridLine), sample: readDoubles(N.gridSample),
                latitude: readDoubles(N.gridLatitude), longitude: readDoubles(N.gridLongitude),
                incidenceAngle: has(N.gridIncidenceAngle) ? readDoubles(N.gridIncidenceAngle) : nil)
        case .readyToTrain:
            return AI4ArcticTiePointGrid.spanning(lines: geometry.lines, samples: geometry.samples,
                                         latitude: try readDoubles(N.grid2DLatitude),
                                         longitude: try readDoubles(N.grid2DLongitude))
        }
    }

    /// Raw only: the `polygon_codes` rows (header first).
    public func polygonCodes() throws -> [String] {
        guard has(AI4ArcticSchema.Name.polygonCodes) else {
            throw SeaIceError.missing(file: path, item: "variable `\(AI4ArcticSchema.Name.polygonCodes)`")
        }
        return try netCDF.readStrings(AI4ArcticSchema.Name.polygonCodes)
    }

    /// Raw only: the chart id (`polygon_codes:icechart_id`), if present.
    public func icechartID() throws -> String? {
        guard has(AI4ArcticSchema.Name.polygonCodes) else { return nil }
        return try netCDF.attribute(AI4ArcticNaming.icechartIDAttribute, variable: AI4ArcticSchema.Name.polygonCodes)?.text
    }

    /// Every global attribute.
    public func globalAttributes() throws -> [String: NetCDFAttribute] {
        try netCDF.attributes()
    }

    /// Ready-to-train only: the five global attributes, checked.
    public func readyAttributes() throws -> ReadyAttributes {
        let A = AI4ArcticNaming.ReadyAttribute.self
        func text(_ name: String) throws -> String {
            guard let t = try netCDF.attribute(name)?.text else {
                throw SeaIceError.missing(file: path, item: "global attribute `\(name)` (text)")
            }
            return t
        }
        func number(_ name: String) throws -> Int {
            guard let v = try netCDF.attribute(name)?.number, v == v.rounded() else {
                throw SeaIceError.missing(file: path, item: "global attribute `\(name)` (integer)")
            }
            return Int(v)
        }
        let service = try text(A.iceService)
        guard let ice = AI4ArcticNaming.IceService(rawValue: service) else {
            throw SeaIceError.invalidInput(file: path, item: "global attribute `ice_service`", expected: "dmi or cis, found \(service)")
        }
        return ReadyAttributes(sceneID: try text(A.sceneID), originalID: try text(A.originalID), iceService: ice,
                               flip: try number(A.flip), pixelSpacing: try number(A.pixelSpacing))
    }
}

/// The global attributes of a ready-to-train file.
public struct ReadyAttributes: Sendable, Hashable, Codable {
    /// The ready-to-train file name (`20180607T184326_dmi_prep.nc`).
    public var sceneID: String
    /// The raw file name it was made from.
    public var originalID: String
    /// Chart provider.
    public var iceService: AI4ArcticNaming.IceService
    /// 0 or 1 as released (written 0 by `ReadyConverter`, which never flips).
    public var flip: Int
    /// Full-grid pixel spacing, m (80).
    public var pixelSpacing: Int

    /// Attributes from their values.
    public init(sceneID: String, originalID: String, iceService: AI4ArcticNaming.IceService, flip: Int, pixelSpacing: Int) {
        self.sceneID = sceneID
        self.originalID = originalID
        self.iceService = iceService
        self.flip = flip
        self.pixelSpacing = pixelSpacing
    }
}
