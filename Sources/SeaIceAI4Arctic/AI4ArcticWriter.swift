import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Creates AI4Arctic files laid out exactly as `AI4ArcticSchema` declares (used by the raw → ready
/// conversion, by the simulator and by test fixtures). Data are then written window by window
/// through the returned `NetCDFFile` (row-major, `sar_lines` slowest).
public enum AI4ArcticWriter {
    /// What to create.
    public struct Layout: Sendable {
        /// Raw or ready-to-train.
        public var version: AI4ArcticVersion
        /// Full and 2 km grid extents.
        public var geometry: AI4ArcticGeometry
        /// Raw: rows of `polygon_codes` (header included); nil = no chart (no `polygon_icechart`, `polygon_codes`).
        /// Ready-to-train: non-nil writes the `SIC`, `SOD`, `FLOE` labels (its value is ignored).
        public var chartRows: Int?
        /// zlib level for the full-grid variables (nil = uncompressed).
        public var compression: Int?
        /// Chunk side for the full-grid variables.
        public var chunkSide: Int
        /// Optional schema variables left out (e.g. to write files like the released test set).
        public var omitting: Set<String> = []

        /// A layout; full-grid variables chunked 256 × 256 and compressed with zlib level 1 by default.
        public init(version: AI4ArcticVersion, geometry: AI4ArcticGeometry, chartRows: Int?,
                    compression: Int? = 1, chunkSide: Int = 256) {
            self.version = version
            self.geometry = geometry
            self.chartRows = chartRows
            self.compression = compression
            self.chunkSide = chunkSide
        }
    }

    /// Creates `url` (overwriting), defines every dimension and schema variable of `layout` with its `units`
    /// (and `_FillValue` 255 for labels), sets the global attributes, and leaves the file in data mode.
    public static func create(_ url: URL, layout: Layout, globalAttributes: [(String, NetCDFAttribute)],
                              variableAttributes: [String: [(String, NetCDFAttribute)]] = [:]) throws -> NetCDFFile {
        let D = AI4ArcticSchema.Dimension.self
        let g = layout.geometry

        let nc = try NetCDFFile.create(url)
        try nc.defineDimension(D.sarLines, length: g.lines)
        try nc.defineDimension(D.sarSamples, length: g.samples)
        let side = AI4ArcticGeometry.tiePointsPerSide
        switch layout.version {
        case .raw:
            try nc.defineDimension(D.sarGridPoints, length: side * side)
            if let rows = layout.chartRows { try nc.defineDimension(D.polygonCodes, length: rows) }
        case .readyToTrain:
            try nc.defineDimension(D.sampleGrid2DPoints, length: side)
            try nc.defineDimension(D.lineGrid2DPoints, length: side)
        }
        try nc.defineDimension(D.twoKmLines, length: g.twoKmLines)
        try nc.defineDimension(D.twoKmSamples, length: g.twoKmSamples)
        let chunks = [min(layout.chunkSide, g.lines), min(layout.chunkSide, g.samples)]
        for spec in AI4ArcticSchema.variables(layout.version) {
            let chartVariable = spec.name == AI4ArcticSchema.Name.polygonIcechart || spec.name == AI4ArcticSchema.Name.polygonCodes
                || AI4ArcticSchema.labelVariables.contains(spec.name)
            if chartVariable && layout.chartRows == nil { continue }
            if layout.omitting.contains(spec.name) {
                precondition(!spec.required, "`\(spec.name)` is required by the schema and cannot be omitted")
                continue
            }
            let full = spec.grid == .full
            try nc.defineVariable(spec.name, type: AI4ArcticFile.netCDFType(spec.type), dimensions: spec.dimensions,
                                  compression: full ? layout.compression : nil, chunks: full ? chunks : nil,
                                  fillValue: spec.type == .uint8 ? Double(AI4ArcticSchema.labelFill) : nil)
            if spec.type != .string { try nc.setAttribute("units", .text(spec.units), variable: spec.name) }
            for (name, value) in variableAttributes[spec.name] ?? [] { try nc.setAttribute(name, value, variable: spec.name) }
        }
        try nc.setAttributes(globalAttributes)
        try nc.endDefinitions()
        return nc
    }

    /// The five global attributes of a ready-to-train file.
    public static func readyGlobalAttributes(_ a: ReadyAttributes) -> [(String, NetCDFAttribute)] {
        let A = AI4ArcticNaming.ReadyAttribute.self
        return [(A.sceneID, .text(a.sceneID)), (A.originalID, .text(a.originalID)), (A.iceService, .text(a.iceService.rawValue)),
                (A.flip, .ints([Int32(a.flip)])), (A.pixelSpacing, .ints([Int32(a.pixelSpacing)]))]
    }
}
