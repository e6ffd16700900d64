import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceNetCDF

/// Writes a simulated scene as an AI4Arctic **raw** netCDF-4 file (layout of `AI4ArcticSchema.rawVariables`).
///
/// Every variable, dimension and attribute of the released raw files is present; global
/// attributes say loudly that the file is simulated and carry the seed and configuration, so the
/// file can be regenerated and is never taken for real data. Written through `AtomicOutput`.
public enum AI4ArcticRawWriter {
    /// Global attribute that marks simulated files (value "true").
    public static let simulatedAttribute = "simulated"

    /// Writes `scene` to `folder/scene.rawFileName`; returns the file's URL.
    @discardableResult
    public static func write(_ scene: SimulatedScene, to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(scene.rawFileName)
        try AtomicOutput.write(to: url) { tmp in try write(scene, file: tmp) }
        return url
    }

    /// Writes `scene` to exactly `file` (no atomic rename; use `write(_:to:)` for products).
    public static func write(_ scene: SimulatedScene, file: URL) throws {
        typealias D = AI4ArcticSchema.Dimension
        typealias N = AI4ArcticSchema.Name
        let nc = try NetCDFFile.create(file)
        do {
            try nc.defineDimension(D.sarLines, length: scene.lines)
            try nc.defineDimension(D.sarSamples, length: scene.samples)
            try nc.defineDimension(D.sarGridPoints, length: 441)
            try nc.defineDimension(D.polygonCodes, length: scene.polygons.count + 1)
            try nc.defineDimension(D.twoKmLines, length: scene.coarse.lines)
            try nc.defineDimension(D.twoKmSamples, length: scene.coarse.samples)
            for spec in AI4ArcticSchema.rawVariables {
                let type: NetCDFType
                switch spec.type {
                case .float32: type = .float
                case .float64: type = .double
                case .uint8: type = .ubyte
                case .string: type = .string
                }
                let big = spec.grid == .full
                try nc.defineVariable(spec.name, type: type, dimensions: spec.dimensions,
                                      compression: big ? 1 : nil,
                                      chunks: big ? [min(scene.lines, 512), min(scene.samples, 512)] : nil)
                if spec.type != .string { try nc.setAttribute("units", .text(spec.units), variable: spec.name) }
            }
            try nc.setAttribute(AI4ArcticNaming.icechartIDAttribute, .text(scene.chartID), variable: N.polygonCodes)
            try nc.setAttribute("long_name", .text("HH backscatter, NERSC-style thermal-noise corrected (SIMULATED)"), variable: N.sarPrimary)
            try nc.setAttribute("long_name", .text("HV backscatter, NERSC-style thermal-noise corrected (SIMULATED)"), variable: N.sarSecondary)
            try nc.setAttributes(globalAttributes(scene))
            try TruthLayers.define(in: nc, dimensions: [D.sarLines, D.sarSamples], chunks: [min(scene.lines, 512), min(scene.samples, 512)],
                                   present: scene.truthSurfaceClass != nil)
            try nc.endDefinitions()

            try nc.write(scene.hhDB, variable: N.sarPrimary)
            try nc.write(scene.hvDB, variable: N.sarSecondary)
            let ids = scene.polygons.map { Float($0.id) }
            try nc.write(scene.polygonIndex.map { ids[Int($0)] }, variable: N.polygonIcechart)
            try nc.write(scene.distanceKm, variable: N.distanceMap)
            try nc.write(scene.incidence, variable: N.incidenceAngle)
            try nc.writeStrings([SimulatedPolygon.codesHeader] + scene.polygons.map(\.codesRow), variable: N.polygonCodes)
            let t = scene.geometry.tiePoints(21)
            try nc.write(t.line, variable: N.gridLine)
            try nc.write(t.sample, variable: N.gridSample)
            try nc.write(t.lat, variable: N.gridLatitude)
            try nc.write(scene.longitudeShift == 0 ? t.lon : t.lon.map { WorldScenePlacement.wrap($0 + scene.longitudeShift) },
                         variable: N.gridLongitude)
            try nc.write(t.incidence, variable: N.gridIncidenceAngle)
            try nc.write(t.height, variable: N.gridHeight)
            for ch in AMSR2Channel.allCases { try nc.write(scene.amsr2[ch.rawValue], variable: ch.variableName) }
            let w = scene.weather
            for (name, values) in zip(AI4ArcticSchema.era5Variables, [w.u10, w.v10, w.t2m, w.skt, w.tcwv, w.tclw]) {
                try nc.write(values, variable: name)
            }
            if let cls = scene.truthSurfaceClass, let conc = scene.truthConcentration {
                try TruthLayers.write(classes: cls, concentration: conc, to: nc)
            }
            try nc.close()
        } catch {
            try? nc.close()
            throw error
        }
    }

    /// The global attributes: the released files' three text attributes (rewritten to say
    /// "simulated") plus the provenance of the simulation.
    static func globalAttributes(_ scene: SimulatedScene) throws -> [(String, NetCDFAttribute)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let config = String(decoding: try encoder.encode(scene.config), as: UTF8.self)
        return [
            (AI4ArcticNaming.RawAttribute.title, .text("SIMULATED training data file in the layout of AI4Arctic_CC (SeaIceKit scene simulator). NOT REAL DATA.")),
            (AI4ArcticNaming.RawAttribute.geometricInfo, .text("All variables are gridded to match the simulated SAR image; geolocation, incidence angle and thermal-noise pattern from the real Sentinel-1 EW product \(scene.geometry.base.source).")),
            (AI4ArcticNaming.RawAttribute.denoiseDocumentation, .text("Simulated NERSC-style texture-noise correction of a simulated thermal-noise pattern (specs/sentinel1.md); not the output of the NERSC software.")),
            (simulatedAttribute, .text(SimulationMarkers.text(true))),
            ("source", .text("SeaIceKit \(SeaIceKitVersion.current) scene simulator (specs/simulator.md)")),
            ("simulator_seed", .text(String(scene.seed))),
            ("simulator_config", .text(config)),
            ("simulator_geometry_template", .text(scene.templateName)),
            ("simulator_month", .ints([Int32(scene.month)])),
            ("simulator_enl", .doubles([scene.enl])),
            ("pixel_spacing", .ints([Int32(scene.config.pixelSpacing)])),
            ("ice_service", .text("cis")),
        ]
    }
}
