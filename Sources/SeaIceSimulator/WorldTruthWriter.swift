import Foundation
import SeaIceCore
import SeaIceNetCDF

/// Writes the truth of the world on a north-up EPSG:3413 window as CF netCDF-4: at these coarse
/// resolutions (≥ 4 km) the truth is the composition itself: `truth_sea_ice_concentration` (the mean
/// over the cell), `truth_surface_class` (the class with the largest area fraction) and
/// `truth_class_fraction` (class, y, x) with every class's area fraction. SIMULATION TRUTH, marked so.
public enum WorldTruthWriter {
    /// Writes `window` of `world` to `url` (atomically).
    /// - Throws: `SeaIceError` from netCDF naming the file; `.configuration` for pixels under 4 km.
    public static func write(_ world: ArcticWorld, window: WorldWindow, to url: URL) throws {
        guard window.spacing >= 4000 else {
            throw SeaIceError.configuration("the truth file is a coarse product: spacing at least 4000 m, got \(window.spacing)")
        }
        let w = window.columns, h = window.rows, n = w * h
        let fractions = SharedArray<Float>(repeating: 0, count: n * 11)
        let xs = window.xCentres, ys = window.yCentres
        DispatchQueue.concurrentPerform(iterations: h) { r in
            for c in 0..<w {
                let f = world.meanComposition(x: xs[c], y: ys[r], cellSize: window.spacing).fractions
                for k in 0..<11 { fractions[k * n + r * w + c] = Float(f[k]) }
            }
        }
        let f = fractions.array
        var classes = [UInt8](repeating: 0, count: n), conc = [Float](repeating: 0, count: n)
        for p in 0..<n {
            var best = 0
            for k in 1..<11 where f[k * n + p] > f[best * n + p] { best = k }
            classes[p] = UInt8(best)
            let ocean = 1 - f[10 * n + p]
            conc[p] = ocean > 0.5 ? (ocean - f[p]) / ocean : .nan
        }
        try AtomicOutput.write(to: url) { tmp in
            let nc = try NetCDFFile.create(tmp)
            do {
                try nc.defineDimension("x", length: w)
                try nc.defineDimension("y", length: h)
                try nc.defineDimension("class", length: 11)
                try nc.defineVariable("x", type: .double, dimensions: ["x"])
                try nc.setAttributes([("standard_name", .text("projection_x_coordinate")), ("units", .text("m"))], variable: "x")
                try nc.defineVariable("y", type: .double, dimensions: ["y"])
                try nc.setAttributes([("standard_name", .text("projection_y_coordinate")), ("units", .text("m"))], variable: "y")
                try nc.defineVariable("crs", type: .int, dimensions: [])
                try nc.setAttributes([
                    ("grid_mapping_name", .text("polar_stereographic")), ("straight_vertical_longitude_from_pole", .doubles([-45])),
                    ("latitude_of_projection_origin", .doubles([90])), ("standard_parallel", .doubles([70])),
                    ("false_easting", .doubles([0])), ("false_northing", .doubles([0])),
                    ("semi_major_axis", .doubles([6_378_137])), ("inverse_flattening", .doubles([298.257223563])),
                    ("epsg_code", .text("EPSG:3413")),
                ], variable: "crs")
                try TruthLayers.define(in: nc, dimensions: ["y", "x"], chunks: nil)
                for v in [TruthLayers.classVariable, TruthLayers.concentrationVariable] {
                    try nc.setAttribute("grid_mapping", .text("crs"), variable: v)
                }
                try nc.defineVariable("truth_class_fraction", type: .float, dimensions: ["class", "y", "x"], compression: 1)
                try nc.setAttributes([
                    ("long_name", .text("SIMULATION TRUTH (not an observation): area fraction of each truth_surface_class value")),
                    ("units", .text("1")), ("source", .text(TruthLayers.source)), ("grid_mapping", .text("crs")),
                    ("comment", .text("class index = truth_surface_class value: \(TruthLayers.flagMeanings)")),
                ], variable: "truth_class_fraction")
                try nc.setAttributes([
                    ("title", .text("SIMULATED truth of the SeaIceKit Arctic world, \(world.date). NOT REAL DATA.")),
                    ("Conventions", .text("CF-1.8")),
                    (AI4ArcticRawWriter.simulatedAttribute, .text(SimulationMarkers.text(true))),
                    ("source", .text("SeaIceKit \(SeaIceKitVersion.current) world simulator (specs/simulator.md, issue 10)")),
                    ("simulator_seed", .text(String(world.seed))),
                    ("simulator_date", .text(world.date.description)),
                ])
                try nc.endDefinitions()
                try nc.write(xs, variable: "x")
                try nc.write(ys, variable: "y")
                try TruthLayers.write(classes: classes, concentration: conc, to: nc)
                try nc.write(f, variable: "truth_class_fraction")
                try nc.close()
            } catch {
                try? nc.close()
                throw error
            }
        }
    }
}
