import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Writes an `IceProduct` as a CF-1.8 netCDF-4 file.
///
/// Layout: dimensions `y` (lines) and `x` (samples), plus `sod_class` and `floe_class` when
/// probabilities are present. Variables: `SIC` (ubyte, percent, `standard_name
/// sea_ice_area_fraction`), `SOD` and `FLOE` (ubyte with `flag_values`/`flag_meanings`),
/// optional `SOD_probability`/`FLOE_probability` (float, class × y × x), `SIC_uncertainty`,
/// and `lat`/`lon` auxiliary coordinates referenced by each layer's `coordinates` attribute.
/// The file is written under a temporary name and renamed when complete.
public struct CFProductWriter: Sendable {
    /// zlib level for every variable (1–9).
    public var compression: Int

    /// Creates a writer.
    public init(compression: Int = 4) {
        self.compression = compression
    }

    /// Writes `product` to `url` atomically.
    public func write(_ product: IceProduct, to url: URL) throws {
        try AtomicOutput.write(to: url) { tmp in
            let f = try NetCDFFile.create(tmp)
            try define(product, in: f)
            try fill(product, in: f)
            try f.close()
        }
    }

    private func define(_ p: IceProduct, in f: NetCDFFile) throws {
        let grid = ["y", "x"]
        let chunks = [min(p.height, 512), min(p.width, 512)]
        try f.defineDimension("y", length: p.height)
        try f.defineDimension("x", length: p.width)
        let hasGeo = p.latitude != nil && p.longitude != nil
        let coordinates: [(String, NetCDFAttribute)] = hasGeo ? [("coordinates", .text("lat lon"))] : []

        try f.defineVariable("SIC", type: .ubyte, dimensions: grid, compression: compression, chunks: chunks, fillValue: 255)
        try f.setAttributes([
            ("standard_name", .text("sea_ice_area_fraction")),
            ("long_name", .text("sea ice concentration")),
            ("units", .text("%")),
            ("valid_range", .ubytes([0, 100])),
        ] + coordinates, variable: "SIC")

        for (name, longName, classes) in [("SOD", "stage of development", IceClassTable.sod),
                                          ("FLOE", "floe size", IceClassTable.floe)] {
            try f.defineVariable(name, type: .ubyte, dimensions: grid, compression: compression, chunks: chunks, fillValue: 255)
            try f.setAttributes([
                ("long_name", .text(longName)),
                ("flag_values", .ubytes(classes.indices.map { UInt8($0) })),
                ("flag_meanings", .text(classes.joined(separator: " "))),
                ("comment", .text("classes of the AutoICE challenge (AI4Arctic), converted from SIGRID-3 egg codes")),
            ] + coordinates, variable: name)
        }
        for (name, dim, classes, present) in [("SOD_probability", "sod_class", IceClassTable.sod, p.sodProbabilities != nil),
                                               ("FLOE_probability", "floe_class", IceClassTable.floe, p.floeProbabilities != nil)] where present {
            try f.defineDimension(dim, length: classes.count)
            try f.defineVariable(name, type: .float, dimensions: [dim] + grid, compression: compression, chunks: [1] + chunks)
            try f.setAttributes([
                ("long_name", .text("class probability of \(name.prefix { $0 != "_" })")),
                ("units", .text("1")),
                ("valid_range", .floats([0, 1])),
                ("class_names", .text(classes.joined(separator: " "))),
            ] + coordinates, variable: name)
        }
        if p.sicUncertainty != nil {
            try f.defineVariable("SIC_uncertainty", type: .float, dimensions: grid, compression: compression, chunks: chunks, fillValue: .nan)
            try f.setAttributes([
                ("standard_name", .text("sea_ice_area_fraction standard_error")),
                ("long_name", .text("uncertainty of the sea ice concentration")),
                ("units", .text("%")),
            ] + coordinates, variable: "SIC_uncertainty")
        }
        if hasGeo {
            for (name, std, units) in [("lat", "latitude", "degrees_north"), ("lon", "longitude", "degrees_east")] {
                try f.defineVariable(name, type: .float, dimensions: grid, compression: compression, chunks: chunks)
                try f.setAttributes([("standard_name", .text(std)), ("long_name", .text(std)), ("units", .text(units))], variable: name)
            }
        }
        try f.setAttributes(globalAttributes(p))
    }

    private func globalAttributes(_ p: IceProduct) -> [(String, NetCDFAttribute)] {
        let now = ISO8601DateFormatter().string(from: Date())
        var attributes: [(String, NetCDFAttribute)] = [
            ("Conventions", .text("CF-1.8")),
            ("title", .text("Sea ice concentration, stage of development and floe size for \(p.sceneID)")),
            ("institution", .text("SeaIceKit")),
            ("source", .text("\(p.provenance.model); inputs: \(p.provenance.inputs.joined(separator: ", "))")),
            ("history", .text("\(now) created by SeaIceKit \(p.provenance.softwareVersion): \(p.provenance.commandLine)")),
            ("references", .text("Chen et al., MMSeaIce (AutoICE challenge winner); Stokholm et al., AI4Arctic Sea Ice Challenge dataset")),
            ("scene_id", .text(p.sceneID)),
            ("pixel_spacing", .doubles([p.pixelSpacing])),
            ("simulated", .text(p.provenance.simulated ? "yes" : "no")),
        ]
        if p.provenance.simulated {
            attributes.append(("comment", .text("SIMULATED INPUT: made from SeaIceKit's scene simulator, not from real satellite data.")))
        }
        return attributes
    }

    private func fill(_ p: IceProduct, in f: NetCDFFile) throws {
        try f.endDefinitions()
        try f.write(p.sicPercent, variable: "SIC")
        try f.write(p.sod, variable: "SOD")
        try f.write(p.floe, variable: "FLOE")
        if let v = p.sodProbabilities { try f.write(v, variable: "SOD_probability") }
        if let v = p.floeProbabilities { try f.write(v, variable: "FLOE_probability") }
        if let v = p.sicUncertainty { try f.write(v, variable: "SIC_uncertainty") }
        if let lat = p.latitude, let lon = p.longitude {
            try f.write(lat, variable: "lat")
            try f.write(lon, variable: "lon")
        }
    }
}
