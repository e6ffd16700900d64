import Foundation
import SeaIceAuxiliary
import SeaIceCore
import SeaIceNetCDF

/// Writes an `AnalysisReadyScene` as an AI4Arctic-raw-compatible netCDF-4 file.
///
/// Same names, units and layout as the AutoICE raw scenes (../shared/specs/ai4arctic.md):
/// `nersc_sar_primary`, `nersc_sar_secondary` (dB, written `units = "1"`: see the CF layer),
/// `sar_incidenceangle` (degrees), `distance_map`
/// on `(sar_lines, sar_samples)`; tie points `sar_grid_line`, `sar_grid_sample`, `sar_grid_latitude`,
/// `sar_grid_longitude`, `sar_grid_incidenceangle`, `sar_grid_height` on `sar_grid_points`. Differences,
/// stated in attributes: the grid is at `pixel_spacing` (tie-point line/sample are in this grid's
/// coordinates; the annotation's grid resampled to 21 × 21), `distance_map` is distance to land in km (not the AutoICE class bins), and an extra
/// `sar_land_mask` (uint8, 1 = land). AMSR2 (`btemp_*`, K) and ERA5 (`u10m_rotated`, `v10m_rotated`, `t2m`, `skt`,
/// `tcwv`, `tclw`) are float64 on `(2km_grid_lines, 2km_grid_samples)` when `scene.auxiliary` has them; the global
/// attributes `amsr2_available` / `era5_available` ("yes"/"no") say which, and models needing absent ones must refuse the file.
/// The CF-1.10 / ACDD-1.3 additions (per-pixel `lat`/`lon`, `time`, discovery attributes, the simulated
/// marker) are described in `AI4ArcticSceneWriter+CF.swift`.
public enum AI4ArcticSceneWriter {
    /// Writes `scene` to `url` atomically; `compression` is the zlib level 1–9 with 512 × 512 chunks (nil: none,
    /// contiguous storage: ~ 10× faster to write, files ~ 2.5× larger).
    public static func write(_ scene: AnalysisReadyScene, to url: URL, compression: Int? = nil) throws {
        let time = try time(scene)
        try AtomicOutput.write(to: url) { tmp in
            let nc = try NetCDFFile.create(tmp)
            let H = scene.height, W = scene.width
            try nc.defineDimension("sar_lines", length: H)
            try nc.defineDimension("sar_samples", length: W)
            try nc.defineDimension("sar_grid_points", length: scene.tiePoints.count)
            // The AMSR2/ERA5 grid: one cell per 2 km (50 × 50 pixels at 40 m), declared even when its variables are absent.
            let cell = AuxiliaryInputs.pixelsPerCell(pixelSpacing: scene.pixelSpacing)
            try nc.defineDimension("2km_grid_lines", length: (H + cell - 1) / cell)
            try nc.defineDimension("2km_grid_samples", length: (W + cell - 1) / cell)
            for d in time?.dimensions ?? [] { try nc.defineDimension(d.name, length: d.length) }
            let chunks = compression == nil ? nil : [min(H, 512), min(W, 512)]
            var grids: [(String, [Float], [(String, NetCDFAttribute)])] = []
            grids.append(("nersc_sar_primary", scene.primaryDB, [
                ("units", .text(decibelUnits)),
                ("long_name", .text("\(scene.primaryPolarisation.rawValue) sigma0 in dB, thermal-noise corrected")),
                ("polarisation", .text(scene.primaryPolarisation.rawValue)), ("comment", .text(decibelComment))]))
            if let s = scene.secondaryDB, let pol = scene.secondaryPolarisation {
                grids.append(("nersc_sar_secondary", s, [
                    ("units", .text(decibelUnits)),
                    ("long_name", .text("\(pol.rawValue) sigma0 in dB, thermal-noise corrected")),
                    ("polarisation", .text(pol.rawValue)),
                    ("comment", .text(decibelComment))]))
            }
            grids.append(("sar_incidenceangle", scene.incidence, [
                ("standard_name", .text("angle_of_incidence")), ("units", .text("degree")),
                ("long_name", .text("incidence angle"))]))
            if let d = scene.distanceToLandKm {
                grids.append(("distance_map", d, [("units", .text("km")),
                    ("long_name", .text("distance to land (GSHHG coastline), 0 over land; continuous km, not the AutoICE class bins"))]))
            }
            for (name, _, attrs) in grids {
                try nc.defineVariable(name, type: .float, dimensions: ["sar_lines", "sar_samples"], compression: compression, chunks: chunks)
                try nc.setAttributes(attrs + [coordinates, coverageContentType(name)], variable: name)
            }
            for (name, _, attrs) in geolocation(scene) {
                try nc.defineVariable(
                    name, type: .float, dimensions: ["sar_lines", "sar_samples"], compression: compression,
                    chunks: chunks)
                try nc.setAttributes(attrs, variable: name)
            }
            for v in time?.variables ?? [] {
                try nc.defineVariable(v.name, type: .double, dimensions: v.dimensions)
                try nc.setAttributes(v.attributes.map { ($0.name, $0.value) }, variable: v.name)
            }
            if scene.landMask != nil {
                try nc.defineVariable("sar_land_mask", type: .ubyte, dimensions: ["sar_lines", "sar_samples"], compression: compression, chunks: chunks)
                try nc.setAttributes([
                    ("long_name", .text("land mask")), ("flag_values", .ubytes([0, 1])),
                    ("flag_meanings", .text("sea land")), coordinates,
                ], variable: "sar_land_mask")
            }
            let ties: [(String, String, (GeolocationPoint) -> Double)] = [
                ("sar_grid_line", "1", { $0.line }), ("sar_grid_sample", "1", { $0.pixel }),
                ("sar_grid_latitude", "degrees_north", { $0.latitude }), ("sar_grid_longitude", "degrees_east", { $0.longitude }),
                ("sar_grid_incidenceangle", "degree", { $0.incidenceAngle }), ("sar_grid_height", "m", { $0.height })]
            for (name, units, _) in ties {
                try nc.defineVariable(name, type: .double, dimensions: ["sar_grid_points"])
                try nc.setAttributes([("units", .text(units))] + (tiePointNames[name] ?? []), variable: name)
            }
            let auxiliary = scene.auxiliary?.all ?? []
            for f in auxiliary {
                try nc.defineVariable(f.name, type: .double, dimensions: ["2km_grid_lines", "2km_grid_samples"])
                try nc.setAttributes([("units", .text(f.units)), ("long_name", .text(f.longName))], variable: f.name)
            }
            try nc.setAttributes(globalAttributes(scene) + discovery(scene, date: Date()))
            try nc.endDefinitions()
            for f in auxiliary { try nc.write(f.values, variable: f.name) }
            for (name, values, _) in grids + geolocation(scene) { try nc.write(values, variable: name) }
            for v in time?.variables ?? [] { if case .double(let x)? = v.values { try nc.write(x, variable: v.name) } }
            if let m = scene.landMask { try nc.write(m, variable: "sar_land_mask") }
            for (name, _, get) in ties { try nc.write(scene.tiePoints.map(get), variable: name) }
            try nc.close()
        }
    }

    static func globalAttributes(_ s: AnalysisReadyScene) -> [(String, NetCDFAttribute)] {
        let c = s.configuration
        let amsr2 = !(s.auxiliary?.amsr2.isEmpty ?? true), era5 = !(s.auxiliary?.era5.isEmpty ?? true)
        var a: [(String, NetCDFAttribute)] = [
            ("scene_id", .text(s.productName)), ("original_id", .text(s.productName)),
            ("pixel_spacing", .doubles([s.pixelSpacing])), ("multilook_factor", .ints([Int32(s.factor)])),
            ("mission", .text(s.mission)), ("mode", .text(s.mode)), ("ipf_version", .doubles([s.ipfVersion])),
            ("flip", .ints([0])),
            ("noise_removal", .text(c.noise.rawValue)), ("negative_power", .text(c.negativePower == .nan ? "set to NaN" : "clamped to \(c.powerFloor) (linear)")),
            ("incidence_correction", .text(c.incidenceCorrection.rawValue)),
            ("amsr2_available", .text(amsr2 ? "yes" : "no")), ("era5_available", .text(era5 ? "yes" : "no")),
            ("auxiliary_inputs", .text(auxiliaryText(amsr2: amsr2, era5: era5))),
        ]
        if s.simulationMarkers.isEmpty {
            a.append(("source", .text("\(s.sensor.dataStatement); "
                                          + "preprocessed by SeaIceKit seaice preprocess")))
        } else {
            // Simulated pixels are not Copernicus data: say so in the attributes every reader checks
            // (SimulationMarkers).
            a.append(("title", .text("SIMULATED \(s.sensor.platform) scene - NOT REAL DATA")))
            a.append(("simulated", .text("true")))
            a.append(("simulation_markers", .text(s.simulationMarkers.joined(separator: "; "))))
            a.append(("source", .text("SIMULATED pixel data (SeaIceKit simulator) with real \(s.sensor.platform) metadata; "
                                          + "preprocessed by SeaIceKit seaice preprocess")))
        }
        for (pol, slope) in s.appliedSlopes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            a.append(("incidence_slope_\(pol.rawValue)", .doubles([slope])))
        }
        if !s.appliedSlopes.isEmpty {
            a.append(("incidence_reference_angle", .doubles([c.referenceIncidence])))
            a.append(("incidence_slope_angle", .text(c.incidenceCorrection == .fitted ? "elevation angle (dB per degree of elevation)" : "incidence angle (dB per degree)")))
        }
        for (pol, ipf) in s.nerscIPFUsed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            a.append(("nersc_coefficients_ipf_\(pol.rawValue)", .doubles([ipf])))
        }
        for (name, text) in s.auxiliary?.provenance ?? [] { a.append((name, .text(text))) }
        return a
    }

    /// The `auxiliary_inputs` attribute: which of the 2 km groups are present.
    static func auxiliaryText(amsr2: Bool, era5: Bool) -> String {
        let groups = [(amsr2, "AMSR2 brightness temperatures (btemp_*, K)"),
                      (era5, "ERA5 fields (u10m_rotated, v10m_rotated, t2m, skt, tcwv, tclw)")]
        let present = groups.filter { $0.0 }.map(\.1), absent = groups.filter { !$0.0 }.map(\.1)
        var parts: [String] = []
        if !present.isEmpty { parts.append(present.joined(separator: " and ") + " are given on the 2 km grid (float64, NaN = no data)") }
        if !absent.isEmpty { parts.append(absent.joined(separator: " and ") + " are absent; models that need them must refuse this file") }
        return parts.joined(separator: "; ")
    }
}
