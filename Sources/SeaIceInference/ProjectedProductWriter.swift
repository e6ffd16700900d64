import Foundation
import SeaIceAI4Arctic
import SeaIceCharts
import SeaIceCore
import SeaIceGDAL
import SeaIceProducts

/// Products of a scene on a north-up map grid (`seaice predict --grid`), written beside the swath ones
/// by the same writers: the swath product warped through GDAL (`SwathWarp`, thin-plate spline over the
/// 21 × 21 tie points; nearest for SOD/FLOE, average for SIC and the probabilities and uncertainty),
/// then `<stem>.nc` (the CF product on a projected `ProductGrid`: `x`/`y` in metres, `crs` grid mapping)
/// and the `<stem>_<layer>.tif` COGs (geotransform + CRS). `stem` is `<scene>_<crs>_<resolution>m`,
/// e.g. `20180124T194759_dmi_epsg3413_6250m`. CRSs with a CF grid mapping: EPSG:3413 and EPSG:6931.
public enum ProjectedProductWriter {
    /// The grid of `specification` covering the tie points of a scene.
    public static func grid(_ specification: ChartGridSpecification, tiePoints: AI4ArcticTiePointGrid) throws
        -> RegularGrid
    {
        try specification.resolve(
            covering: zip(tiePoints.longitude, tiePoints.latitude).map { GeoPoint(x: $0, y: $1) })
    }

    /// The product's projected grid for `grid`.
    /// - Throws: `SeaIceError.configuration` for a CRS without a CF grid mapping here.
    public static func productGrid(_ grid: RegularGrid) throws -> ProjectedGrid {
        let code = grid.crs.uppercased().hasPrefix("EPSG:") ? Int(grid.crs.dropFirst(5)) : nil
        guard let code, let mapping = ProjectedGrid.mapping(epsg: code) else {
            throw SeaIceError.configuration(
                "products can be written on EPSG:3413 or EPSG:6931 (a CF grid mapping is known), not \(grid.crs)")
        }
        return ProjectedGrid(
            height: grid.height, width: grid.width, geoTransform: grid.geoTransform,
            crsWKT: try SpatialReference(definition: grid.crs).wkt, epsg: code, mapping: mapping)
    }

    /// `product` (swath geometry, located by `tiePoints`) warped onto `grid`; no latitude/longitude.
    public static func warp(_ product: IceProduct, tiePoints: AI4ArcticTiePointGrid, onto grid: RegularGrid) throws
        -> IceProduct
    {
        let gcps = GeoTIFFProductWriter.groundControlPoints(tiePoints)
        let (w, h) = (product.width, product.height)
        func warp(_ bands: [GeoTIFFBand.Values], _ r: SwathWarp.Resampling, _ noData: Double) throws
            -> [GeoTIFFBand.Values]
        {
            try SwathWarp.warp(bands, width: w, height: h, gcps: gcps, to: grid, resampling: r, noData: noData)
        }
        func planes(_ v: [Float]?, _ count: Int) throws -> [Float]? {
            guard let v else { return nil }
            let n = w * h
            return try warp((0..<count).map { .float32(Array(v[($0 * n)..<(($0 + 1) * n)])) }, .average, .nan)
                .flatMap(\.floats)
        }
        let fill = Double(255)
        let classes = try warp([.uint8(product.sod), .uint8(product.floe)], .nearest, fill).map(\.bytes)
        let sic = try warp([.uint8(product.sicPercent)], .average, fill)[0].bytes
        let count = { (v: [Float]?) in (v?.count ?? 0) / (w * h) }
        return IceProduct(
            sceneID: product.sceneID, height: grid.height, width: grid.width, pixelSpacing: grid.geoTransform[1],
            sicPercent: sic, sod: classes[0], floe: classes[1],
            sodProbabilities: try planes(product.sodProbabilities, count(product.sodProbabilities)),
            floeProbabilities: try planes(product.floeProbabilities, count(product.floeProbabilities)),
            sicUncertainty: try planes(product.sicUncertainty, 1), provenance: product.provenance,
            acquisition: product.acquisition)
    }

    /// The file stem of `product` on `grid`, e.g. `20180124T194759_dmi_epsg3413_6250m`.
    public static func stem(_ product: IceProduct, _ grid: RegularGrid) -> String {
        "\(product.sceneID)_\(grid.fileTag)"
    }

    /// Warps `product` onto the grid of `specification` and writes `<stem>.nc` (and, with `geoTIFF`, the
    /// COGs) into `folder`; returns the files, netCDF first.
    @discardableResult
    public static func write(
        _ product: IceProduct, tiePoints: AI4ArcticTiePointGrid, specification: ChartGridSpecification,
        geoTIFF: Bool = true, into folder: URL
    ) throws -> [URL] {
        let target = try grid(specification, tiePoints: tiePoints)
        let projected = try productGrid(target)
        let warped = try warp(product, tiePoints: tiePoints, onto: target)
        var cf = try warped.cfProduct(grid: .projected(projected))
        cf.globals.bounds = product.latitude.flatMap { lat in
            product.longitude.flatMap { GeospatialBounds(latitude: lat, longitude: $0) }
        }
            ?? GeospatialBounds(
                latitude: tiePoints.latitude.map(Float.init), longitude: tiePoints.longitude.map(Float.init))
        let stem = stem(product, target)
        let nc = folder.appendingPathComponent("\(stem).nc")
        try CFWriter(compression: 1).write(cf, to: nc)
        guard geoTIFF else { return [nc] }
        return [nc] + (try GeoTIFFProductWriter.write(
            warped, georeference: .transform(target.geoTransform, crs: target.crs), into: folder, stem: stem))
    }
}
