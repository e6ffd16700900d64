import Foundation

/// A scene grid (e.g. SAR swath geometry) located only by tie points, e.g. the 21 × 21 lat/lon grid of
/// an AI4Arctic scene. Rasterisation fits a thin-plate spline through the tie points (exact at each
/// tie point, smooth between them) in the chart's projected CRS, so no pole or antimeridian problem
/// arises for polar charts in a projected CRS.
///
/// Only the points, for GDAL's transformers (rasterisation, GeoTIFF GCPs); the interpolating tie-point grids
/// of the readers are `Sentinel1GeolocationGrid` (SeaIceSentinel1) and `AI4ArcticTiePointGrid` (SeaIceAI4Arctic).
public struct SwathTiePointGrid: Codable, Equatable, Sendable {
    /// Number of columns (samples).
    public var width: Int
    /// Number of rows (lines).
    public var height: Int
    /// At least 3 tie points, not all on one line; spread over the whole scene.
    public var tiePoints: [TiePoint]
    /// A tie-point grid.
    public init(width: Int, height: Int, tiePoints: [TiePoint]) {
        precondition(width > 0 && height > 0, "grid size \(width)×\(height)")
        self.width = width
        self.height = height
        self.tiePoints = tiePoints
    }
}

extension SwathTiePointGrid {
    /// A tie-point grid from sample/line indices (the centre of pixel i is i, as AI4Arctic raw scenes'
    /// `sar_grid_sample`/`sar_grid_line`) and their latitudes/longitudes (`sar_grid_latitude`,
    /// `sar_grid_longitude`).
    /// Indices are shifted by 0.5 to GDAL raster coordinates.
    public init(width: Int, height: Int, sampleIndices: [Double], lineIndices: [Double], latitudes: [Double],
                longitudes: [Double]) {
        precondition(Set([sampleIndices.count, lineIndices.count, latitudes.count, longitudes.count]).count == 1,
                     "tie point arrays differ in length: \(sampleIndices.count), \(lineIndices.count), "
                        + "\(latitudes.count), \(longitudes.count)")
        self.init(width: width, height: height, tiePoints: sampleIndices.indices.map { i in
            TiePoint(pixel: sampleIndices[i] + 0.5, line: lineIndices[i] + 0.5, longitude: longitudes[i],
                     latitude: latitudes[i])
        })
    }
}
