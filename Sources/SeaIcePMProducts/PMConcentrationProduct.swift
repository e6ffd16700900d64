import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceGDAL
import SeaIcePolarGrids
import SeaIceNetCDF
import SeaIceProducts

/// The CF coders of the daily PM product, OSI SAF's names and storage (OSI-401/OSI-450 `ice_conc` files).
public enum PMConcentrationCoders {
    /// `ice_conc`: int16 percent × 100 (`scale_factor` 0.01), fill −32767, `standard_name sea_ice_area_fraction`.
    public static let iceConc = ContinuousCoder(
        name: "ice_conc", standardName: "sea_ice_area_fraction", longName: "fully filtered concentration of sea ice",
        units: "%", validRange: 0...100, storage: .int16(scale: 0.01, offset: 0, fill: -32767))
    /// `total_standard_uncertainty`: float percent, one standard uncertainty.
    public static let totalStandardUncertainty = ContinuousCoder(
        name: "total_standard_uncertainty", standardName: "sea_ice_area_fraction standard_error",
        longName: "total uncertainty (one standard deviation) of concentration of sea ice", units: "%",
        coverageContentType: "qualityInformation")
    /// `status_flag`: ubyte `PMStatusFlag` codes with flag_values/flag_meanings.
    public static let statusFlag = ClassCoder(table: PMStatusFlag.table)
}

/// Writes a `PMDailyConcentration` as `<stem>.nc` (CF-1.10/ACDD-1.3 in OSI SAF layout: `ice_conc`,
/// `total_standard_uncertainty`, `status_flag` over (time, yc, xc), `Polar_Stereographic_Grid`, `xc`/`yc` km,
/// 2-D `lat`/`lon`, `time` at 12:00 UTC with `time_bnds` the whole day), `<stem>.tif` (GeoTIFF: band 1
/// ice_conc uint8 %, 255 no data; band 2 status_flag; geotransform + CRS) and `<stem>.png` (map with
/// coastlines), renamed together, the `.nc` last.
public struct PMConcentrationProductWriter: Sendable {
    /// Folder of the output files.
    public var folder: URL
    /// Natural Earth countries (zip) for the PNG's coastlines; nil draws the NSIDC land mask only.
    public var coastlines: URL?
    /// The command line for `history`.
    public var commandLine: String

    /// A writer into `folder`.
    public init(folder: URL, coastlines: URL?, commandLine: String) {
        self.folder = folder
        self.coastlines = coastlines
        self.commandLine = commandLine
    }

    /// The file stem, e.g. `seaice_pm_conc_nh_nsidc-north-25km_epsg3411_20210301`.
    public static func stem(_ p: PMDailyConcentration) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd"
        return "seaice_pm_conc_nh_\(p.grid.name)_epsg\(p.grid.epsg)_\(f.string(from: p.day))"
    }

    /// The product in the shared CF layer.
    public static func cfProduct(_ p: PMDailyConcentration, commandLine: String, date: Date = Date()) throws -> CFProduct {
        let centres = try p.grid.cellCentres(threads: 4)
        let lat = centres.latitude.map(Float.init), lon = centres.longitude.map(Float.init)
        let wkt = try p.grid.spatialReference().wkt
        let grid = OSISAFGrid(height: p.grid.height, width: p.grid.width, geoTransform: p.grid.geoTransform,
                              mapping: p.grid.cfMapping.map { CFAttribute($0.name, $0.value) }, crsWKT: wkt,
                              proj4: p.grid.proj4, epsg: p.grid.epsg, latitude: lat, longitude: lon)
        let interval = DateInterval(start: p.day, duration: 86_400)
        let globals = ProductGlobals(
            title: "Daily sea ice concentration on the \(p.grid.name) grid (EPSG:\(p.grid.epsg)) from AMSR2",
            summary: "Daily passive-microwave sea ice concentration (percent) with its standard uncertainty and a status "
                + "flag per cell, retrieved by \(p.algorithm) from AMSR2 brightness temperatures gridded to the NSIDC "
                + "polar stereographic north grid" + (p.simulated ? " (SIMULATED INPUT, not real data)." : "."),
            source: "AMSR2 brightness temperatures (\(p.inputs.joined(separator: ", "))); algorithm: \(p.algorithmDocumentation)",
            history: "\(UTCTimestamp.string(date)) created by SeaIceKit \(SeaIceKitVersion.description): \(commandLine)",
            references: "Cavalieri et al. 1984, JGR 89(D4); NSIDC-0802; OSI SAF sea ice concentration product user manual",
            id: stem(p), keywords: "sea ice concentration, passive microwave, AMSR2, Arctic, NASA Team",
            dateCreated: date, bounds: GeospatialBounds(latitude: lat, longitude: lon), timeCoverage: interval,
            simulated: p.simulated,
            extra: ["algorithm": .text(p.algorithm), "grid": .text(p.grid.name),
                    "masked_brightness_temperatures": .text(p.screen.summary.isEmpty ? "none" : p.screen.summary.joined(separator: "; "))])
        var product = CFProduct(grid: .osisaf(grid), globals: globals)
        try product.add(TimeCoder(), DateInterval(start: interval.start, end: interval.end))
        try product.add(PMConcentrationCoders.iceConc, p.concentration.map { $0.isNaN ? .nan : ($0 * 10_000).rounded() / 100 })
        try product.add(PMConcentrationCoders.totalStandardUncertainty, p.uncertainty.map { $0 * 100 })
        try product.add(PMConcentrationCoders.statusFlag, p.status)
        return product
    }

    /// Writes the three files and returns them (`.nc` last).
    public func write(_ p: PMDailyConcentration) throws -> [URL] {
        let stem = Self.stem(p)
        let urls = ["tif", "png", "nc"].map { folder.appendingPathComponent("\(stem).\($0)") }
        let product = try Self.cfProduct(p, commandLine: commandLine)
        let picture = try PMConcentrationQuicklook(coastlines: coastlines).render(p)
        let wkt = try p.grid.crsWKT()
        try AtomicOutput.writeTogether(urls) { tmp in
            let bands = [
                GeoTIFFBand(.uint8(p.concentration.map { $0.isNaN ? 255 : UInt8(($0 * 100).rounded()) }),
                            description: "ice_conc (%)", noData: 255, unit: "%"),
                GeoTIFFBand(.uint8(p.status), description: "status_flag",
                            metadata: Dictionary(uniqueKeysWithValues: PMStatusFlag.table.entries.map { ("CLASS_\($0.code)", $0.name) })),
            ]
            try GeoTIFFFile.write(bands, width: p.grid.width, height: p.grid.height,
                                  georeference: .transform(p.grid.geoTransform, crs: wkt),
                                  metadata: ["TIFFTAG_SOFTWARE": SeaIceKitVersion.description,
                                             "SIMULATED": SimulationMarkers.text(p.simulated)], to: tmp[0])
            try picture.writePNG(to: tmp[1])
            try CFWriter().write(product, to: tmp[2])
        }
        return urls
    }
}
