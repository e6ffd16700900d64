import ArgumentParser
import Foundation
import Logging
import SeaIceCharts
import SeaIceGDAL

extension ConversionMode: ExpressibleByArgument {}

/// `seaice chart`: SIGRID-3 ice charts — decode egg codes and rasterise charts onto grids.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Decode SIGRID-3 ice charts (GeoPackage, shapefile) and rasterise them to SIC/SOD/FLOE/stage GeoTIFFs.",
        subcommands: [Decode.self, RasterizeChart.self]
    )

    /// Options shared by the chart subcommands.
    struct ChartOptions: ParsableArguments {
        @Argument(help: "The chart file (.gpkg, .shp, any OGR vector format).")
        var file: String
        @Option(help: "The layer to read (default: the first).")
        var layer: String?
        @Option(help: "Egg-code conversion: reference (reproduces the AI4Arctic labels, quirks included) or corrected.")
        var mode: ConversionMode = .reference

        func read() throws -> IceChart {
            try IceChart.read(url: URL(fileURLWithPath: file), layer: layer, logger: Logger(label: "seaice.chart"))
        }
    }

    /// `seaice chart decode FILE`.
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each polygon's egg code with its SIC, SOD, FLOE and WMO stage classes.")
        @OptionGroup var options: ChartOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            output.activate()
            let chart = try options.read()
            Console.line("\(chart.source) layer \(chart.layerName)")
            Console.line(ChartSummary(chart: chart, converter: EggCodeConverter(mode: options.mode)).formattedTable())
        }
    }

    /// `seaice chart rasterize FILE --grid … --out FILE.tif`.
    struct RasterizeChart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rasterize",
            abstract: "Rasterise a chart onto a grid: a GeoTIFF with bands SIC, SOD, FLOE, STAGE (uint8, 255 = masked).")
        @OptionGroup var options: ChartOptions
        @Option(help: "chart:RES | EPSG:CODE:RES | EPSG:CODE:XMIN,YMIN,XMAX,YMAX:RES | GRID.json ({\"regular\": …} or {\"tiePoints\": …}).")
        var grid: String
        @Option(help: "The output GeoTIFF.")
        var out: String
        @Option(help: "Also write the polygon index per pixel (int32, -1 = none) to this GeoTIFF.")
        var polygonIndex: String?
        @Flag(help: "Burn every pixel a polygon touches instead of pixel centres.")
        var allTouched = false

        func validate() throws {
            _ = try ChartGridSpecification(parsing: grid)
        }

        @OptionGroup var output: OutputOptions

        func run() throws {
            output.activate()
            let chart = try options.read()
            let target = try ChartGridSpecification(parsing: grid).resolve(for: chart)
            let rasterizer = ChartRasterizer(converter: EggCodeConverter(mode: options.mode), allTouched: allTouched)
            let rasters = try rasterizer.rasterize(chart, onto: target)
            try Rasterize.writeGeoTIFF(bands: rasters.labelBands, grid: target, to: URL(fileURLWithPath: out))
            if let polygonIndex {
                try Rasterize.writeGeoTIFF(int32Band: rasters.polygonIndex, name: "POLYGON_INDEX", grid: target,
                                           to: URL(fileURLWithPath: polygonIndex))
            }
            let covered = rasters.polygonIndex.filter { $0 >= 0 }.count
            Console.line("\(out): \(target.width)×\(target.height) pixels, \(covered) inside chart polygons, bands SIC SOD FLOE STAGE")
        }
    }
}
