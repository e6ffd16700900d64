import Foundation
import SeaIceClasses
import SeaIceCore
import SeaIceNetCDF

/// The coders of the multi-task (SIC/SOD/FLOE) product: one instance of the shared CF layer.
public enum IceProductCoders {
    /// `SIC`: ubyte percent 0…100, fill 255, `standard_name sea_ice_area_fraction`.
    public static let sic = ContinuousCoder(
        name: "SIC", standardName: "sea_ice_area_fraction", longName: "sea ice concentration",
        units: "%", validRange: 0...100, storage: .uint8(scale: 1, offset: 0, fill: 255))
    /// `SIC_uncertainty`: float percent, fill NaN.
    public static let sicUncertainty = ContinuousCoder.uncertainty(of: sic)
    /// Where the SOD and FLOE classes come from.
    static let classComment = "classes of the AutoICE challenge (AI4Arctic), converted from SIGRID-3 egg codes"
    /// `SOD`: stage of development classes, CF `standard_name sea_ice_classification`.
    public static let sod = ClassCoder(table: .sod, standardName: "sea_ice_classification", comment: classComment)
    /// `FLOE`: floe size classes.
    public static let floe = ClassCoder(table: .floe, comment: classComment)
    /// `SOD_probability` over `sod_class`.
    public static let sodProbability = ProbabilityCoder(table: .sod)
    /// `FLOE_probability` over `floe_class`.
    public static let floeProbability = ProbabilityCoder(table: .floe)
}

extension IceProduct {
    /// The product's grid: its swath with the optional latitude/longitude.
    public var grid: ProductGrid {
        .swath(SwathGrid(height: height, width: width, latitude: latitude, longitude: longitude))
    }

    /// The ACDD discovery and CF global attributes of the product, created at `date`.
    public func globals(date: Date) -> ProductGlobals {
        ProductGlobals(
            title: "Sea ice concentration, stage of development and floe size for \(sceneID)",
            summary: "Sea ice concentration (percent), stage of development and floe size (AutoICE classes) "
                + "mapped from the Sentinel-1 SAR scene \(sceneID) by a multi-task U-Net"
                + (provenance.simulated ? " (SIMULATED INPUT, not real data)." : "."),
            source: "\(provenance.model); inputs: \(provenance.inputs.joined(separator: ", "))",
            history: "\(ProductGlobals.iso(date)) created by SeaIceKit \(provenance.softwareVersion): "
                + provenance.commandLine,
            references: "Chen et al., MMSeaIce (AutoICE challenge winner); "
                + "Stokholm et al., AI4Arctic Sea Ice Challenge dataset",
            id: "\(sceneID)_seaice", keywords: "sea ice concentration, stage of development, floe size, Arctic, "
                + "Sentinel-1, SAR",
            dateCreated: date,
            bounds: latitude.flatMap { lat in longitude.flatMap { GeospatialBounds(latitude: lat, longitude: $0) } },
            timeCoverage: acquisition, simulated: provenance.simulated,
            extra: ["scene_id": .text(sceneID), "pixel_spacing": .doubles([pixelSpacing])])
    }

    /// The product in the shared CF layer: grid, acquisition time, the SIC/SOD/FLOE variables, optional
    /// layers, globals. `grid` (default: the swath) and the layers must agree: a warped product passes
    /// its projected grid with layers already on it.
    public func cfProduct(date: Date = Date(), grid: ProductGrid? = nil) throws -> CFProduct {
        var p = CFProduct(grid: grid ?? self.grid, globals: globals(date: date))
        if let acquisition { try p.add(TimeCoder(), acquisition) }
        try p.add(IceProductCoders.sic, sicPercent.map { $0 == ClassTable.fillCode ? .nan : Float($0) })
        try p.add(IceProductCoders.sod, sod)
        try p.add(IceProductCoders.floe, floe)
        if let sodProbabilities { try p.add(IceProductCoders.sodProbability, sodProbabilities) }
        if let floeProbabilities { try p.add(IceProductCoders.floeProbability, floeProbabilities) }
        if let sicUncertainty { try p.add(IceProductCoders.sicUncertainty, sicUncertainty) }
        return p
    }
}

/// Writes an `IceProduct` as a CF-1.10 / ACDD-1.3 netCDF-4 file through the shared CF layer (`CFWriter`).
///
/// Layout: dimensions `y` (lines) and `x` (samples), `time` (1) and `nv` (2) when the acquisition is
/// known, plus `sod_class` and `floe_class` when probabilities are present. Variables: `time` with
/// `time_bnds` (`TimeCoder`), `SIC` (ubyte, percent, `standard_name sea_ice_area_fraction`), `SOD`
/// (`standard_name sea_ice_classification`) and `FLOE` (ubyte with `flag_values`/`flag_meanings`),
/// optional `SOD_probability`/`FLOE_probability` (float, class × y × x, with class coordinates),
/// `SIC_uncertainty`, and `lat`/`lon` auxiliary coordinates referenced by each layer's
/// `coordinates` attribute. The file is written under a temporary name and renamed when complete.
public struct CFProductWriter: Sendable {
    /// zlib level for every variable (1–9).
    public var compression: Int

    /// Creates a writer.
    public init(compression: Int = 4) {
        self.compression = compression
    }

    /// Writes `product` to `url` atomically.
    public func write(_ product: IceProduct, to url: URL) throws {
        try CFWriter(compression: compression).write(try product.cfProduct(), to: url)
    }
}
