import Foundation
import Logging
import SeaIceCore

/// One real Sentinel-1 EW product whose geometry and thermal noise a simulated scene borrows.
public struct GeometryTemplate: Sendable {
    /// Short name, e.g. "kara-sea-2022-11-30".
    public let name: String
    /// Geolocation grid of the product.
    public let geometry: EWGeometry
    /// HH and HV noise patterns (the coprs product has no noise files: it borrows the Kara Sea ones).
    public let noiseHH: NoisePattern, noiseHV: NoisePattern
    /// Size (lines, samples) of the product the noise patterns belong to; simulated pixels map onto
    /// it by their fractional position in the swath.
    public let noiseLines: Int, noiseSamples: Int

    /// The month (1–12) the product was acquired.
    public var month: Int { Int(geometry.firstLineTime.dropFirst(5).prefix(2)) ?? 1 }
}

/// The real data the simulator is built on, read once from `../shared/data`.
public struct SimulatorResources: Sendable {
    /// Real EW geometries (index = `SimulationConfig.template`).
    public let templates: [GeometryTemplate]
    /// Real AMSR2 + ERA5 points over ice and water.
    public let signatures: MicrowaveSignatures
    /// The GLOBE 1 km land mask GeoTIFF.
    public let landMaskURL: URL
    /// Real CIS SIGRID-3 charts (GeoPackage, 432 polygons; shapefile, 563 polygons).
    public let charts: [RealChartPlacement]

    /// Reads everything from `dataFolder` (the `data` folder of `../shared`).
    public init(dataFolder: URL, logger: Logger = Logger(label: "seaice.simulator")) throws {
        let safe = dataFolder.appendingPathComponent("stactools-s1-ew-grdm/S1A_EW_GRDM_1SDH_20221130T014342_20221130T014446_046117_058549_BB15.SAFE")
        let stem = "20221130t014342-20221130t014446-046117-058549"
        func file(_ sub: String) -> URL { safe.appendingPathComponent(sub) }
        let kara = try EWGeometry(annotation: file("annotation/s1a-ew-grd-hh-\(stem)-001.xml"))
        let noiseHH = try NoisePattern(noise: file("annotation/calibration/noise-s1a-ew-grd-hh-\(stem)-001.xml"),
                                       calibration: file("annotation/calibration/calibration-s1a-ew-grd-hh-\(stem)-001.xml"),
                                       width: kara.samples)
        let noiseHV = try NoisePattern(noise: file("annotation/calibration/noise-s1a-ew-grd-hv-\(stem)-002.xml"),
                                       calibration: file("annotation/calibration/calibration-s1a-ew-grd-hv-\(stem)-002.xml"),
                                       width: kara.samples)
        let greenland = try EWGeometry(annotation: dataFolder.appendingPathComponent(
            "coprs-s1-ew-grd/s1a-ew-grd-hh-20200120t190115-20200120t190209-030888-038b84-001.xml"))
        templates = [
            GeometryTemplate(name: "kara-sea-2022-11-30", geometry: kara, noiseHH: noiseHH, noiseHV: noiseHV,
                             noiseLines: kara.lines, noiseSamples: kara.samples),
            GeometryTemplate(name: "east-greenland-2020-01-20", geometry: greenland, noiseHH: noiseHH, noiseHV: noiseHV,
                             noiseLines: kara.lines, noiseSamples: kara.samples),
        ]
        signatures = try MicrowaveSignatures(folder: dataFolder.appendingPathComponent("cimr-rrdp"))
        charts = [
            try RealChartPlacement(url: dataFolder.appendingPathComponent("icechart-cis-sigrid3/cis_SGRDREA_20201102T.gpkg"), logger: logger),
            try RealChartPlacement(url: dataFolder.appendingPathComponent("shp2dex-cis/shapefile.shp"), logger: logger),
        ]
        landMaskURL = dataFolder.appendingPathComponent("landmask/global-land-mask/globe_land_1km.tif")
        guard FileManager.default.fileExists(atPath: landMaskURL.path) else {
            throw SeaIceError.missing(file: landMaskURL.path, item: "file")
        }
    }

    /// The whole content of `url`.
    /// - Throws: `SeaIceError.missing` naming the file when it cannot be read.
    static func contents(of url: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SeaIceError.missing(file: url.path, item: "file")
        }
        return data
    }
}
