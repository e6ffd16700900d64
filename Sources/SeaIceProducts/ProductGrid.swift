import SeaIceCore
import SeaIceNetCDF

/// The grid every variable of a product lies on: dimensions `y` (lines, first line first) and `x`.
///
/// A swath grid is the satellite's geometry (AI4Arctic scenes at 80 m), located by optional 2-D
/// `lat`/`lon` auxiliary coordinates that each variable names in `coordinates`; a projected grid
/// is a map grid (EPSG:3413 polar stereographic, EASE) with 1-D `x`/`y` coordinates in metres and a
/// `crs` grid-mapping variable that each variable names in `grid_mapping`.
public enum ProductGrid: Sendable, Equatable {
    /// Satellite geometry.
    case swath(SwathGrid)
    /// A map grid.
    case projected(ProjectedGrid)
    /// A polar-stereographic map grid in OSI SAF's layout (`xc`/`yc` in km, (time, yc, xc) rasters).
    case osisaf(OSISAFGrid)

    /// The raster dimensions of every 2-D variable of swath and projected grids, slowest first.
    public static let dimensions = ["y", "x"]
    /// The names of raster dimensions of every grid kind (chunked in blocks, not planes).
    static let rasterDimensionNames: Set<String> = ["y", "x", "yc", "xc"]

    /// The dimensions of this grid's raster variables, slowest first.
    public var rasterDimensions: [String] {
        if case .osisaf = self { return OSISAFGrid.dimensions }
        return Self.dimensions
    }

    /// Number of lines.
    public var height: Int {
        switch self {
        case .swath(let g): return g.height
        case .projected(let g): return g.height
        case .osisaf(let g): return g.height
        }
    }

    /// Number of samples per line.
    public var width: Int {
        switch self {
        case .swath(let g): return g.width
        case .projected(let g): return g.width
        case .osisaf(let g): return g.width
        }
    }

    /// Values of one raster: `height × width`.
    public var count: Int { height * width }

    /// Chunk lengths of the raster dimensions (at most 512 × 512).
    public var chunks: [Int] { [min(height, 512), min(width, 512)] }

    /// The attributes that tie a variable to this grid (`coordinates = "lat lon"` or `grid_mapping = "crs"`).
    public var links: [CFAttribute] {
        switch self {
        case .swath(let g): return g.hasGeolocation ? [CFAttribute("coordinates", .text("lat lon"))] : []
        case .projected: return [CFAttribute("grid_mapping", .text(ProjectedGrid.mappingVariable))]
        case .osisaf:
            return [CFAttribute("grid_mapping", .text(OSISAFGrid.mappingVariable)), CFAttribute("coordinates", .text("lat lon"))]
        }
    }

    /// The grid's dimensions and coordinate variables.
    public func encode() -> CFEncoded {
        let dims = [CFDimension("y", length: height), CFDimension("x", length: width)]
        switch self {
        case .swath(let g): return CFEncoded(dimensions: dims, variables: g.coordinateVariables)
        case .projected(let g): return CFEncoded(dimensions: dims, variables: g.coordinateVariables)
        case .osisaf(let g):
            return CFEncoded(
                dimensions: [CFDimension("time", length: 1), CFDimension("yc", length: height), CFDimension("xc", length: width)],
                variables: g.coordinateVariables)
        }
    }

    /// The grid of a dataset: projected when it has the `crs` grid mapping, a swath otherwise.
    /// - Throws: `SeaIceError` naming the file when `y`/`x` or the coordinates are missing or inconsistent.
    public static func decode(from dataset: CFDataset) throws -> ProductGrid {
        if dataset.has(OSISAFGrid.mappingVariable), let h = dataset.dimensions.first(where: { $0.name == "yc" })?.length,
            let w = dataset.dimensions.first(where: { $0.name == "xc" })?.length
        {
            return .osisaf(try OSISAFGrid(decoding: dataset, height: h, width: w))
        }
        guard let h = dataset.dimensions.first(where: { $0.name == "y" })?.length,
            let w = dataset.dimensions.first(where: { $0.name == "x" })?.length
        else {
            throw SeaIceError.missing(file: dataset.source, item: "dimensions `y` and `x`")
        }
        if dataset.has(ProjectedGrid.mappingVariable) {
            return .projected(try ProjectedGrid(decoding: dataset, height: h, width: w))
        }
        return .swath(try SwathGrid(decoding: dataset, height: h, width: w))
    }
}
