import Foundation
import SeaIceCore
import SeaIceNetCDF
import SeaIceProducts

/// The CF-1.10 / ACDD-1.3 layer of a preprocessed scene, on top of the AI4Arctic raw layout:
///
/// - `lat(sar_lines, sar_samples)`, `lon(…)` (float, degrees) at every pixel, named by each full-grid
///   variable's `coordinates = "lat lon"`;
/// - `time(time)` with `time_bnds(time, nv)` (the acquisition interval from the product id, the shared
///   `TimeCoder`), when the product id carries its start and stop;
/// - the tie points `sar_grid_*` with `long_name`s (and `standard_name` latitude/longitude);
/// - σ⁰ in dB is written `units = "1"` (the IOOS checker's UDUNITS rejects AI4Arctic's "dB"), its
///   `long_name` says "in dB" and its `comment` gives dB = 10·log10(σ⁰), σ⁰ linear; no standard name,
///   as CF's `surface_backwards_scattering_coefficient_of_radar_wave` is linear;
/// - global attributes from the shared `ProductGlobals` (Conventions, ACDD discovery, the simulated
///   marker `simulated = "true"` of a simulated input, whose product id ends in `_SIMU`).
extension AI4ArcticSceneWriter {
    /// The `units` of every dB variable: dimensionless, the dB said in `long_name` and `comment`.
    static let decibelUnits = "1"
    /// The note on every dB variable.
    static let decibelComment = "10·log10 of the linear backscatter coefficient sigma0 (dB)"

    /// Whether the scene comes from SeaIceKit's simulator: any simulation marker of its SAFE product
    /// (`SIMULATED_DATA.txt`, a `_SIMU` name; `SAFEProduct.simulationMarkers`) or a product id ending in `_SIMU`.
    static func isSimulated(_ s: AnalysisReadyScene) -> Bool {
        !s.simulationMarkers.isEmpty || s.productName.hasSuffix("_SIMU")
    }

    /// The `coordinates` attribute of every full-grid variable.
    static let coordinates: (String, NetCDFAttribute) = ("coordinates", .text("lat lon"))

    /// ACDD `coverage_content_type` of a full-grid variable: distance to land is auxiliary information,
    /// σ⁰ and incidence angle are physical measurements.
    static func coverageContentType(_ name: String) -> (String, NetCDFAttribute) {
        ("coverage_content_type", .text(name == "distance_map" ? "auxiliaryInformation" : "physicalMeasurement"))
    }

    /// Long names (and standard names) of the tie-point variables, by name, with ACDD
    /// `coverage_content_type coordinate`.
    static let tiePointNames: [String: [(String, NetCDFAttribute)]] = tiePointLabels.mapValues {
        $0 + [("coverage_content_type", .text("coordinate"))]
    }

    private static let tiePointLabels: [String: [(String, NetCDFAttribute)]] = [
        "sar_grid_line": [("long_name", .text("tie point line (row) in this grid's pixel coordinates"))],
        "sar_grid_sample": [("long_name", .text("tie point sample (column) in this grid's pixel coordinates"))],
        "sar_grid_latitude": [("standard_name", .text("latitude")), ("long_name", .text("tie point latitude"))],
        "sar_grid_longitude": [("standard_name", .text("longitude")), ("long_name", .text("tie point longitude"))],
        "sar_grid_incidenceangle": [
            ("standard_name", .text("angle_of_incidence")), ("long_name", .text("tie point incidence angle")),
        ],
        "sar_grid_height": [("long_name", .text("tie point height above the WGS 84 ellipsoid"))],
    ]

    /// The per-pixel latitude/longitude variables (float, degrees).
    static func geolocation(_ s: AnalysisReadyScene) -> [(String, [Float], [(String, NetCDFAttribute)])] {
        [
            ("lat", s.latitude, [
                ("standard_name", .text("latitude")), ("long_name", .text("latitude")),
                ("units", .text("degrees_north")),
            ]),
            ("lon", s.longitude, [
                ("standard_name", .text("longitude")), ("long_name", .text("longitude")),
                ("units", .text("degrees_east")),
            ]),
        ]
    }

    /// The acquisition time variables (`TimeCoder`), nil when the product id does not carry the times.
    static func time(_ s: AnalysisReadyScene) throws -> CFEncoded? {
        guard let interval = AcquisitionTime.interval(ofProductID: s.productName) else { return nil }
        return try TimeCoder().encode(interval, on: .swath(SwathGrid(height: s.height, width: s.width)))
    }

    /// The CF and ACDD global attributes of `s`, created at `date`.
    static func discovery(_ s: AnalysisReadyScene, date: Date) -> [(String, NetCDFAttribute)] {
        let simulated = isSimulated(s)
        let pols = [s.primaryPolarisation.rawValue] + (s.secondaryPolarisation.map { [$0.rawValue] } ?? [])
        let globals = ProductGlobals(
            title: (simulated ? "SIMULATED, NOT REAL DATA: " : "")
                + "\(s.sensor.platform) \(s.mode) \(pols.joined(separator: "/")) backscatter of \(s.productName)",
            summary: "Calibrated, thermal-noise corrected, multilooked \(s.sensor.platform) SAR backscatter (dB) at "
                + "\(Int(s.pixelSpacing)) m with incidence angle, geolocation and land distance, in the AI4Arctic "
                + "raw layout" + (simulated ? "; made from a SIMULATED product, not real data." : "."),
            source: sourceText(s),
            history: "\(UTCTimestamp.string(date)) created by SeaIceKit "
                + "\(SeaIceKitVersion.current) seaice preprocess",
            id: s.productName, keywords: s.sensor.keywords,
            dateCreated: date, bounds: GeospatialBounds(latitude: s.latitude, longitude: s.longitude),
            timeCoverage: AcquisitionTime.interval(ofProductID: s.productName), simulated: simulated)
        // `source` is the scene's own attribute (kept from the AI4Arctic layout), so drop the shared one.
        return globals.encode().filter { $0.name != "source" }.map { ($0.name, $0.value) }
    }

    /// The discovery `source` text: "Copernicus Sentinel-1 S1A EW GRD, IPF 3.52" for Sentinel-1,
    /// "RADARSAT Constellation Mission RCM-2 SC50M GRD, RCM PGS 7.06" for RCM.
    static func sourceText(_ s: AnalysisReadyScene) -> String {
        "\(s.sensor.sourceName) \(s.mission) \(s.mode) GRD, \(s.sensor.processorLabel) \(s.ipfVersion)"
    }
}
