@preconcurrency import CGDAL
import Foundation
import SeaIceCore

/// Burns polygons into rasters with GDAL (`GDALRasterizeGeometries` into a MEM dataset) and writes
/// byte rasters as GeoTIFF.
///
/// A pixel takes a polygon's value when the pixel centre is inside the polygon (GDAL's default
/// rule; holes excluded), or with `allTouched` whenever the polygon touches the pixel. Polygons are
/// burnt in order, so a later polygon overwrites an earlier one where they overlap. Output rasters
/// are row-major (row 0 = first line / northern edge of a north-up grid), `width × height` values.
public enum Rasterize {
    /// Burns `values[i]` into every pixel of `geometries[i]` and returns the raster.
    /// - Parameters:
    ///   - geometries: polygons in the coordinate reference system `crs`.
    ///   - values: one value per geometry.
    ///   - grid: the target grid. Regular grids: geometries are reprojected to the grid's CRS vertex by
    ///     vertex (edges stay straight in the grid's CRS). Tie-point grids: tie points are projected
    ///     into `crs` and a thin-plate spline maps `crs` coordinates to pixel/line.
    ///   - fill: the value of pixels no geometry covers.
    /// - Returns: `width × height` values, row-major.
    public static func burn(
        _ geometries: [GeoMultiPolygon], values: [Int32], crs: SpatialReference,
        onto grid: RasterizationGrid, fill: Int32 = -1, allTouched: Bool = false
    ) throws -> [Int32] {
        precondition(geometries.count == values.count, "\(geometries.count) geometries, \(values.count) values")
        GDALLibrary.ensureRegistered()
        let memory = try MemoryRaster(width: grid.width, height: grid.height, bands: 1, type: GDT_Int32)
        guard GDALFillRaster(memory.band(1), Double(fill), 0) == CE_None else {
            throw SeaIceError.native(library: "GDAL", operation: "GDALFillRaster", message: GDALLibrary.lastErrorMessage)
        }
        var burnt = geometries
        var transformer: UnsafeMutableRawPointer?
        switch grid {
        case let .regular(regular):
            let target = try SpatialReference(definition: regular.crs)
            if !target.isSame(as: crs) {
                let transform = try CoordinateTransform(from: crs, to: target)
                burnt = try geometries.map { try transform.transform($0) }
            }
            var gt = regular.geoTransform
            _ = GDALSetGeoTransform(memory.handle, &gt)
        case let .tiePoints(tiePointGrid):
            transformer = try makeTPSTransformer(tiePointGrid, into: crs)
        }
        defer { if let transformer { GDALDestroyTransformer(transformer) } }

        var handles: [OGRGeometryH?] = burnt.map { $0.makeOGRGeometry() }
        defer { for h in handles { OGR_G_DestroyGeometry(h) } }
        var burnValues = values.map(Double.init)
        var bandList: [Int32] = [1]
        let options = CStringList(allTouched ? ["ALL_TOUCHED=TRUE"] : [])
        let err = GDALRasterizeGeometries(
            memory.handle, 1, &bandList, Int32(handles.count), &handles,
            transformer == nil ? nil : GDALTPSTransform, transformer, &burnValues,
            options.pointer, nil, nil)
        guard err == CE_None else {
            throw SeaIceError.native(library: "GDAL", operation: "GDALRasterizeGeometries", message: GDALLibrary.lastErrorMessage)
        }
        var out = [Int32](repeating: fill, count: grid.width * grid.height)
        try memory.read(band: 1, into: &out, type: GDT_Int32)
        return out
    }

    /// A thin-plate-spline transformer from `crs` coordinates to pixel/line of `grid` (caller destroys it).
    static func makeTPSTransformer(_ grid: SwathTiePointGrid,
                                   into crs: SpatialReference) throws -> UnsafeMutableRawPointer {
        guard grid.tiePoints.count >= 3 else {
            throw SeaIceError.configuration("tie-point grid has \(grid.tiePoints.count) tie points; at least 3 are needed")
        }
        var x = grid.tiePoints.map(\.longitude), y = grid.tiePoints.map(\.latitude)
        let wgs84 = SpatialReference.wgs84()
        if !wgs84.isSame(as: crs) {
            try CoordinateTransform(from: wgs84, to: crs).transform(x: &x, y: &y)
        }
        let points = grid.tiePoints.enumerated().map { i, t in
            TiePoint(pixel: t.pixel, line: t.line, longitude: x[i], latitude: y[i])
        }
        return try withGCPs(points) { gcps, n in
            guard let tps = GDALCreateTPSTransformer(n, gcps, 1) else {
                throw SeaIceError.native(library: "GDAL", operation: "GDALCreateTPSTransformer", message: GDALLibrary.lastErrorMessage)
            }
            return tps
        }
    }

    /// Calls `body` with GDAL GCPs built from tie points (x = longitude field, y = latitude field).
    static func withGCPs<T>(_ points: [TiePoint], _ body: (UnsafeMutablePointer<GDAL_GCP>, Int32) throws -> T) rethrows -> T {
        let n = Int32(points.count)
        let gcps = UnsafeMutablePointer<GDAL_GCP>.allocate(capacity: points.count)
        GDALInitGCPs(n, gcps)
        defer { GDALDeinitGCPs(n, gcps); gcps.deallocate() }
        for (i, p) in points.enumerated() {
            gcps[i].dfGCPPixel = p.pixel
            gcps[i].dfGCPLine = p.line
            gcps[i].dfGCPX = p.longitude
            gcps[i].dfGCPY = p.latitude
            gcps[i].dfGCPZ = 0
        }
        return try body(gcps, n)
    }

    /// Writes byte bands to a GeoTIFF (GTiff driver, DEFLATE) through a temporary name, then renames it.
    /// Regular grids are georeferenced by geotransform and CRS, tie-point grids by GCPs in WGS 84.
    /// - Parameters:
    ///   - bands: (description, values) per band; each `width × height`, row-major.
    ///   - noData: the value declared as no-data on every band.
    public static func writeGeoTIFF(
        bands: [(name: String, values: [UInt8])], grid: RasterizationGrid, noData: UInt8 = 255, to url: URL
    ) throws {
        try writeGeoTIFF(bands: bands, type: GDT_Byte, noData: Double(noData), grid: grid, to: url)
    }

    /// Writes one Int32 band (e.g. a polygon index raster, −1 = none) as a GeoTIFF, like the byte version.
    public static func writeGeoTIFF(
        int32Band values: [Int32], name: String, grid: RasterizationGrid, noData: Int32 = -1, to url: URL
    ) throws {
        try writeGeoTIFF(bands: [(name, values)], type: GDT_Int32, noData: Double(noData), grid: grid, to: url)
    }

    private static func writeGeoTIFF<T>(
        bands: [(name: String, values: [T])], type: GDALDataType, noData: Double, grid: RasterizationGrid, to url: URL
    ) throws {
        precondition(!bands.isEmpty, "no bands to write")
        for band in bands { precondition(band.values.count == grid.width * grid.height, "band \(band.name) has \(band.values.count) values") }
        GDALLibrary.ensureRegistered()
        let memory = try MemoryRaster(width: grid.width, height: grid.height, bands: bands.count, type: type)
        switch grid {
        case let .regular(regular):
            var gt = regular.geoTransform
            _ = GDALSetGeoTransform(memory.handle, &gt)
            _ = GDALSetProjection(memory.handle, try SpatialReference(definition: regular.crs).wkt)
        case let .tiePoints(tiePointGrid):
            let wkt = SpatialReference.wgs84().wkt
            _ = withGCPs(tiePointGrid.tiePoints) { gcps, n in GDALSetGCPs(memory.handle, n, gcps, wkt) }
        }
        for (i, band) in bands.enumerated() {
            var values = band.values
            try memory.write(band: i + 1, from: &values, type: type)
            GDALSetDescription(memory.band(i + 1), band.name)
            _ = GDALSetRasterNoDataValue(memory.band(i + 1), noData)
        }
        guard let driver = GDALGetDriverByName("GTiff") else {
            throw SeaIceError.native(library: "GDAL", operation: "GDALGetDriverByName(GTiff)", message: "driver not available")
        }
        try AtomicOutput.write(to: url) { tmp in
            let options = CStringList(["COMPRESS=DEFLATE", "TILED=YES"])
            guard let copy = GDALCreateCopy(driver, tmp.path, memory.handle, 0, options.pointer, nil, nil) else {
                throw SeaIceError.io(file: url.path, message: "GeoTIFF write failed: \(GDALLibrary.lastErrorMessage)")
            }
            GDALClose(copy)
        }
    }
}
