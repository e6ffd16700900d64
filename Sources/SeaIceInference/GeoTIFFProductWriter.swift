import Foundation
import SeaIceAI4Arctic
import SeaIceClasses
import SeaIceCore
import SeaIceGDAL
import SeaIceNetCDF
import SeaIceProducts

/// Writes the class maps of an `IceProduct` as a 3-band GeoTIFF (band 1 SIC %, band 2 SOD,
/// band 3 FLOE; uint8, nodata 255, DEFLATE, colour interpretation Gray), georeferenced by the
/// scene's 21 × 21 tie points as ground control points in WGS 84 (EPSG:4326): AI4Arctic scenes are
/// in SAR geometry, not on a map grid, so GCPs are the honest georeference (warp with
/// `gdalwarp -tps` for a map). Written through SeaIceGDAL's `GeoTIFFFile`.
public enum GeoTIFFProductWriter {
    /// The three bands of `product`: descriptions, units and nodata from its coders and class tables.
    public static func bands(_ product: IceProduct) -> [GeoTIFFBand] {
        let nodata = Double(ClassTable.fillCode)
        return [
            GeoTIFFBand(
                .uint8(product.sicPercent), description: "SIC (%)", noData: nodata, unit: IceProductCoders.sic.units),
            GeoTIFFBand(.uint8(product.sod), description: "\(ClassTable.sod.variable) class", noData: nodata),
            GeoTIFFBand(.uint8(product.floe), description: "\(ClassTable.floe.variable) class", noData: nodata),
        ]
    }

    /// The tie points as GCPs: pixel centres (position + 0.5) → longitude, latitude.
    public static func groundControlPoints(_ grid: AI4ArcticTiePointGrid) -> [GroundControlPoint] {
        grid.linePositions.enumerated().flatMap { a, line in
            grid.samplePositions.enumerated().map { b, sample in
                let k = a * grid.samplePositions.count + b
                return GroundControlPoint(
                    pixel: sample + 0.5, line: line + 0.5, x: grid.longitude[k], y: grid.latitude[k])
            }
        }
    }

    /// Writes `product` to `url` atomically; `tiePoints` positions the GCPs (nil: no georeference).
    public static func write(_ product: IceProduct, tiePoints: AI4ArcticTiePointGrid?, to url: URL) throws {
        let georeference =
            tiePoints.map { GeoTIFFGeoreference.gcps(groundControlPoints($0), crs: "EPSG:4326") } ?? .none
        try GeoTIFFFile.write(
            bands(product), width: product.width, height: product.height, georeference: georeference,
            metadata: [
                "TIFFTAG_SOFTWARE": "SeaIceKit \(product.provenance.softwareVersion)",
                "simulated": SimulationMarkers.text(product.provenance.simulated),
            ],
            to: url)
    }
}
