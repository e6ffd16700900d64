import Foundation
import SeaIceCore
import SeaIceGDAL

/// The target grid of `seaice chart rasterize --grid`, parsed from text and resolved against a chart.
///
/// Forms:
/// - `chart:RES` — the chart's own CRS and bounding box, square pixels of RES CRS units (m);
/// - `EPSG:CODE:RES` — that CRS, the chart's bounding box reprojected, RES units;
/// - `EPSG:CODE:XMIN,YMIN,XMAX,YMAX:RES` — that CRS and box;
/// - `PATH.json` — a JSON document `{"regular": RegularGrid}` or `{"tiePoints": SwathTiePointGrid}`
///   (e.g. the 21 × 21 `sar_grid2d_latitude/longitude` of an AI4Arctic scene as tie points);
/// - a named grid (`NamedGrid`), e.g. `nsidc-ps-north-6.25km` = `EPSG:3413:6250`,
///   `ease2-north-3.125km` = `EPSG:6931:3125`.
public enum ChartGridSpecification: Equatable, Sendable {
    /// The chart's CRS and extent at a resolution.
    case chartExtent(resolution: Double)
    /// A CRS (definition such as "EPSG:3413"), an optional box in it, and a resolution.
    case crs(String, box: [Double]?, resolution: Double)
    /// A grid given in full.
    case grid(RasterizationGrid)

    /// The JSON document form.
    public struct Document: Codable, Equatable, Sendable {
        /// A regular grid, or nil.
        public var regular: RegularGrid?
        /// A tie-point grid, or nil.
        public var tiePoints: SwathTiePointGrid?
        /// A document with one of the two set.
        public init(regular: RegularGrid? = nil, tiePoints: SwathTiePointGrid? = nil) {
            self.regular = regular
            self.tiePoints = tiePoints
        }
    }

    /// Parses the text forms above; a text ending in `.json` is read as a document.
    /// - Throws: `SeaIceError.configuration` explaining the accepted forms, or the JSON file's errors.
    public init(parsing text: String) throws {
        if text.lowercased().hasSuffix(".json") {
            let url = URL(fileURLWithPath: text)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SeaIceError.missing(file: url.path, item: "grid document")
            }
            let document: Document
            do { document = try JSONDecoder().decode(Document.self, from: data) } catch {
                throw SeaIceError.invalidInput(file: url.path, item: "grid document", expected: "{\"regular\": …} or {\"tiePoints\": …}: \(error)")
            }
            let grid: RasterizationGrid
            switch (document.regular, document.tiePoints) {
            case let (regular?, nil): grid = .regular(regular)
            case let (nil, tiePoints?): grid = .tiePoints(tiePoints)
            default: throw SeaIceError.invalidInput(file: url.path, item: "grid document", expected: "exactly one of \"regular\" and \"tiePoints\"")
            }
            // A decoded document skips the initialisers' checks: bound the size it declares before rasterising.
            let pixels = Double(grid.width) * Double(grid.height)
            guard grid.width > 0, grid.height > 0, pixels <= Double(RegularGrid.maximumPixels) else {
                throw SeaIceError.invalidInput(
                    file: url.path, item: "grid document width × height (\(grid.width) × \(grid.height) declared)",
                    expected: "a positive size of at most \(RegularGrid.maximumPixels) pixels")
            }
            if case let .regular(r) = grid, r.geoTransform.count != 6 || !r.geoTransform.allSatisfy(\.isFinite) {
                throw SeaIceError.invalidInput(file: url.path, item: "grid document geoTransform \(r.geoTransform)",
                                               expected: "6 finite numbers (x0, dx, 0, y0, 0, dy)")
            }
            self = .grid(grid)
            return
        }
        if let named = NamedGrid(parsing: text) {
            self = .crs("EPSG:\(named.epsg)", box: nil, resolution: named.resolution)
            return
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let usage = "grid \"\(text)\": expected chart:RES, EPSG:CODE:RES, EPSG:CODE:XMIN,YMIN,XMAX,YMAX:RES, "
            + "a named grid (\(NamedGrid.forms)) or a .json grid document"
        guard let resolution = parts.last.flatMap(Double.init), resolution > 0, resolution.isFinite else {
            throw SeaIceError.configuration(usage)
        }
        if parts.count == 2 && parts[0].lowercased() == "chart" {
            self = .chartExtent(resolution: resolution)
        } else if parts.count == 3 && parts[0].uppercased() == "EPSG" {
            self = .crs("EPSG:\(parts[1])", box: nil, resolution: resolution)
        } else if parts.count == 4 && parts[0].uppercased() == "EPSG" {
            let box = parts[2].split(separator: ",").compactMap { Double($0) }
            guard box.count == 4 else { throw SeaIceError.configuration(usage) }
            // The box is complete: check its size now, naming the text, before any chart is read.
            do {
                _ = try RegularGrid(crs: "EPSG:\(parts[1])", minX: box[0], minY: box[1], maxX: box[2], maxY: box[3],
                                    resolution: resolution)
            } catch let SeaIceError.configuration(message) {
                throw SeaIceError.configuration("grid \"\(text)\": \(message)")
            }
            self = .crs("EPSG:\(parts[1])", box: box, resolution: resolution)
        } else {
            throw SeaIceError.configuration(usage)
        }
    }

    /// The concrete grid for `chart`.
    public func resolve(for chart: IceChart) throws -> RasterizationGrid {
        switch self {
        case let .grid(grid):
            return grid
        case let .chartExtent(resolution):
            let b = try Self.bounds(of: chart)
            return .regular(try RegularGrid(crs: chart.crsWKT, minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY, resolution: resolution))
        case let .crs(definition, box?, resolution):
            return .regular(try RegularGrid(crs: definition, minX: box[0], minY: box[1], maxX: box[2], maxY: box[3], resolution: resolution))
        case let .crs(definition, nil, resolution):
            let b = try Self.bounds(of: try chart.reprojected(to: try SpatialReference(definition: definition)))
            return .regular(try RegularGrid(crs: definition, minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY, resolution: resolution))
        }
    }

    private static func bounds(of chart: IceChart) throws -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        guard let b = chart.bounds else { throw SeaIceError.invalidInput(file: chart.source, item: "polygons", expected: "at least one polygon") }
        return b
    }
}
