import Foundation
import SeaIceCore
import SeaIceGDAL

/// A chart rasterised onto a grid: the polygon under each pixel and its labels.
/// All rasters are `width × height`, row-major (row 0 first); label value 255 = masked / no polygon.
public struct ChartRasters: Sendable {
    /// Number of columns.
    public var width: Int
    /// Number of rows.
    public var height: Int
    /// Index into `IceChart.polygons` of the polygon covering each pixel centre; −1 where none.
    public var polygonIndex: [Int32]
    /// AI4Arctic SIC class per pixel (tenths 0…10), 255 masked.
    public var sic: [UInt8]
    /// AI4Arctic SOD class per pixel (`SODClass`), 255 masked.
    public var sod: [UInt8]
    /// AI4Arctic FLOE class per pixel (`FLOEClass`), 255 masked.
    public var floe: [UInt8]
    /// WMO ten-stage class per pixel (`WMOStageClass`), 255 masked.
    public var stage: [UInt8]

    /// The label rasters as (name, values) pairs in band order SIC, SOD, FLOE, STAGE.
    public var labelBands: [(name: String, values: [UInt8])] {
        [("SIC", sic), ("SOD", sod), ("FLOE", floe), ("STAGE", stage)]
    }
}

/// Rasterises an ice chart onto a regular or tie-point grid and labels each pixel with its polygon's
/// SIC/SOD/FLOE (`EggCodeConverter`) and WMO stage (`WMOStageConverter`) classes.
///
/// A pixel belongs to a polygon when its centre is inside the polygon (holes excluded), or with
/// `allTouched` when the polygon touches it. Land and no-data polygons are burnt too (their labels are 255).
///
/// Charts are not always a planar partition: the CIS shapefile of `shp2dex` has a no-data polygon of
/// 1.7 × 10¹² m² that overlaps 131 ice, water and land polygons. Where polygons overlap, the smallest
/// one wins (`BurnOrder.largestFirst`), as in shp2dex, which assigns each grid point to the smallest
/// polygon containing it.
public struct ChartRasterizer: Sendable, Codable, Equatable {
    /// The order polygons are burnt in; a later polygon overwrites an earlier one where they overlap.
    public enum BurnOrder: String, Sendable, Codable, CaseIterable {
        /// Decreasing area (holes subtracted): the smallest of overlapping polygons wins.
        case largestFirst
        /// File order: the last of overlapping polygons wins.
        case fileOrder
    }

    /// SIC/SOD/FLOE conversion.
    public var converter: EggCodeConverter
    /// WMO stage conversion.
    public var stageConverter: WMOStageConverter
    /// Burn every pixel a polygon touches (GDAL ALL_TOUCHED) instead of pixel centres.
    public var allTouched: Bool
    /// Which polygon wins where polygons overlap.
    public var burnOrder: BurnOrder

    /// A rasteriser; the defaults reproduce the AI4Arctic reference labels at pixel centres.
    public init(
        converter: EggCodeConverter = .init(), stageConverter: WMOStageConverter = .init(),
        allTouched: Bool = false, burnOrder: BurnOrder = .largestFirst
    ) {
        self.converter = converter
        self.stageConverter = stageConverter
        self.allTouched = allTouched
        self.burnOrder = burnOrder
    }

    /// Rasterises `chart` onto `grid`.
    public func rasterize(_ chart: IceChart, onto grid: RasterizationGrid) throws -> ChartRasters {
        var order = Array(chart.polygons.indices)
        if burnOrder == .largestFirst {
            let areas = chart.polygons.map(\.geometry.area)
            order.sort { areas[$0] > areas[$1] || (areas[$0] == areas[$1] && $0 < $1) }
        }
        let index = try Rasterize.burn(
            order.map { chart.polygons[$0].geometry }, values: order.map { Int32($0) },
            crs: try chart.spatialReference(), onto: grid, fill: -1, allTouched: allTouched)
        let labels = chart.polygons.map { converter.labels(for: $0.code) }
        let stages = chart.polygons.map { stageConverter.label(for: $0.code) }
        let masked = ChartLabels.masked
        func band(_ value: (Int) -> UInt8) -> [UInt8] {
            index.map { $0 < 0 ? masked : value(Int($0)) }
        }
        return ChartRasters(
            width: grid.width, height: grid.height, polygonIndex: index,
            sic: band { labels[$0].sic }, sod: band { labels[$0].sod }, floe: band { labels[$0].floe },
            stage: band { stages[$0] })
    }
}
