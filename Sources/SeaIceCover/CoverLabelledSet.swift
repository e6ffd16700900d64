import Foundation
import SeaIceCore
import SeaIceNetCDF

/// One labelled scene of the sea-ice-cover training set on disk (netCDF-4, written by `seaice cover label`):
/// dimensions `band` (3), `y`, `x` (the 400 m grid, row-major, first row first); variables `composite`
/// (uint8 band × y × x, R HV / G difference / B ratio, `CoverComposite`), `ice` (uint8: 0 water, 1 ice,
/// 255 unknown or land; `flag_values`/`flag_meanings`), `land` (uint8 0/1), `sigma0_hh` (incidence-corrected)
/// and `sigma0_hv` (float32, linear), `incidence_angle` (float32, degrees); global attributes `source_scene`,
/// `label_source`, `pixel_size_m`, `incidence_correction` (JSON of `IncidenceCorrection`) and the simulated
/// marker of the source scene.
public struct CoverLabelledScene: Sendable, Equatable {
    /// Grid size.
    public var lines: Int, samples: Int
    /// Composite channels, band-major (3 × lines × samples).
    public var composite: [UInt8]
    /// Labels and land.
    public var ice: [UInt8], land: [UInt8]
    /// The source scene's file name, and whether it is simulated.
    public var sourceScene: String, simulated: Bool

    /// Reads a file written by `write(_:composite:sourceScene:to:)`.
    /// - Throws: `SeaIceError` naming the file and variable when one is missing or has the wrong size.
    public static func read(_ url: URL) throws -> CoverLabelledScene {
        let nc = try NetCDFFile.open(url)
        defer { try? nc.close() }
        let lines = try nc.dimensionLength("y"), samples = try nc.dimensionLength("x")
        let n = lines * samples
        let composite = try nc.read("composite", as: UInt8.self), ice = try nc.read("ice", as: UInt8.self)
        let land = try nc.read("land", as: UInt8.self)
        guard composite.count == 3 * n, ice.count == n, land.count == n else {
            throw SeaIceError.invalidInput(file: url.path, item: "variables `composite`, `ice`, `land`",
                                           expected: "3 × \(lines) × \(samples), \(lines) × \(samples) and \(lines) × \(samples) values")
        }
        let source = try nc.attribute("source_scene")?.text ?? ""
        return CoverLabelledScene(lines: lines, samples: samples, composite: composite, ice: ice, land: land,
                                  sourceScene: source, simulated: !(try SimulationMarkers.markers(of: nc)).isEmpty)
    }

    /// Writes `scene` (which must carry labels) and its `composite` to `url` (temporary name, then rename).
    /// - Throws: `SeaIceError.invalidInput` when the scene has no labels; `SeaIceError` naming the file on failure.
    public static func write(_ scene: CoverScene, composite: CoverComposite, sourceScene: String, to url: URL) throws {
        guard let label = scene.label, let source = scene.labelSource else {
            throw SeaIceError.invalidInput(file: sourceScene, item: "labels", expected: "a label source (truth or chart)")
        }
        let n = scene.lines * scene.samples
        var bands = [UInt8](repeating: 0, count: 3 * n)
        for k in 0..<n { for b in 0..<3 { bands[b * n + k] = composite.rgb[3 * k + b] } }
        let fit = String(decoding: try JSONEncoder().encode(scene.correction), as: UTF8.self)
        try AtomicOutput.write(to: url) { tmp in
            let nc = try NetCDFFile.create(tmp)
            do {
                try nc.defineDimension("band", length: 3)
                try nc.defineDimension("y", length: scene.lines)
                try nc.defineDimension("x", length: scene.samples)
                try nc.defineVariable("composite", type: .ubyte, dimensions: ["band", "y", "x"], compression: 1)
                try nc.setAttributes([("long_name", .text("sea-ice-cover RGB composite: HV stretched, polarisation difference, ratio"))],
                                     variable: "composite")
                for name in ["ice", "land"] { try nc.defineVariable(name, type: .ubyte, dimensions: ["y", "x"], compression: 1) }
                try nc.setAttributes([("long_name", .text("ice/water label (\(source.name))")), ("flag_values", .text("0 1 255")),
                                      ("flag_meanings", .text("water ice unknown"))], variable: "ice")
                try nc.setAttributes([("long_name", .text("land")), ("flag_values", .text("0 1")),
                                      ("flag_meanings", .text("sea land"))], variable: "land")
                for (name, units) in [("sigma0_hh", "1"), ("sigma0_hv", "1"), ("incidence_angle", "degree")] {
                    try nc.defineVariable(name, type: .float, dimensions: ["y", "x"], compression: 1)
                    try nc.setAttributes([("units", .text(units))], variable: name)
                }
                try nc.setAttributes([
                    ("title", .text("SeaIceKit sea-ice-cover labelled scene")), ("source_scene", .text(sourceScene)),
                    ("label_source", .text(source.name)), ("pixel_size_m", .text("\(scene.pixelSize)")),
                    ("incidence_correction", .text(fit)),
                    (SimulationMarkers.name, .text(SimulationMarkers.text(scene.simulated))),
                ])
                try nc.endDefinitions()
                try nc.write(bands, variable: "composite")
                try nc.write(label, variable: "ice")
                try nc.write(scene.land.map { $0 ? UInt8(1) : 0 }, variable: "land")
                try nc.write(scene.hh, variable: "sigma0_hh")
                try nc.write(scene.hv, variable: "sigma0_hv")
                try nc.write(scene.incidence, variable: "incidence_angle")
                try nc.close()
            } catch {
                try? nc.close()
                throw error
            }
        }
    }
}

/// The manifest of a labelled set (`manifest.json`): every scene with the situation figures the stacking
/// rule chooses subsets by.
public struct CoverLabelledSetManifest: Codable, Sendable, Equatable {
    /// One labelled scene.
    public struct Entry: Codable, Sendable, Equatable {
        /// File name in the set's folder, and the source scene's file name.
        public var file: String, sourceScene: String
        /// Share of the labelled pixels that are ice (0…1).
        public var iceProportion: Double
        /// Share of the sea pixels that carry a label (0…1).
        public var labelledFraction: Double
        /// Marginal-ice-zone share: labelled pixels whose 3 × 3 neighbourhood holds both ice and water (0…1).
        public var mizFraction: Double
        /// Mean corrected HH of the water pixels, dB (rises with the wind; nil without water).
        public var openWaterHHdB: Double?
        /// Mean ERA5 10 m wind speed over the scene, m s⁻¹ (nil when the scene has no ERA5 winds).
        public var windSpeed: Double?

        /// An entry.
        public init(file: String, sourceScene: String, iceProportion: Double, labelledFraction: Double, mizFraction: Double,
                    openWaterHHdB: Double?, windSpeed: Double? = nil) {
            self.file = file; self.sourceScene = sourceScene; self.iceProportion = iceProportion
            self.labelledFraction = labelledFraction; self.mizFraction = mizFraction; self.openWaterHHdB = openWaterHHdB
            self.windSpeed = windSpeed
        }
    }
    /// The label source and pixel size of every entry.
    public var labels: String, pixelSize: Int
    /// Whether any scene is simulated.
    public var simulated: Bool
    /// The scenes, in input order.
    public var scenes: [Entry]

    /// The entry of `scene` written as `file`.
    public static func entry(_ scene: CoverScene, file: String, sourceScene: String) -> Entry {
        let label = scene.label ?? []
        let w = scene.samples, h = scene.lines
        var ice = 0, labelled = 0, sea = 0, miz = 0, waterHH = 0.0, water = 0
        for k in label.indices {
            if !scene.land[k] { sea += 1 }
            guard label[k] != CoverLabels.unknown else { continue }
            labelled += 1
            if label[k] == 1 { ice += 1 } else if scene.hh[k].isFinite, scene.hh[k] > 0 {
                waterHH += 10 * log10(Double(scene.hh[k])); water += 1
            }
            let i = k / w, j = k % w
            var seen: Set<UInt8> = []
            for a in max(0, i - 1)...min(h - 1, i + 1) {
                for b in max(0, j - 1)...min(w - 1, j + 1) where label[a * w + b] != CoverLabels.unknown { seen.insert(label[a * w + b]) }
            }
            if seen.count == 2 { miz += 1 }
        }
        return Entry(file: file, sourceScene: sourceScene, iceProportion: labelled > 0 ? Double(ice) / Double(labelled) : 0,
                     labelledFraction: sea > 0 ? Double(labelled) / Double(sea) : 0,
                     mizFraction: labelled > 0 ? Double(miz) / Double(labelled) : 0,
                     openWaterHHdB: water > 0 ? waterHH / Double(water) : nil, windSpeed: scene.windSpeed)
    }

    /// Prepares, labels and writes every scene of `inputs` into `folder` (`<source name>_cover.nc` each), then
    /// `manifest.json` (written last: a manifest present means the set is complete).
    /// - Throws: `SeaIceError` naming the file for the first scene that cannot be read or labelled.
    public static func build(inputs: [URL], labels: CoverLabelSource, pixelSize: Int = 400,
                             configuration: CoverCompositeConfiguration = CoverCompositeConfiguration(),
                             into folder: URL, progress: (URL) -> Void = { _ in }) throws -> CoverLabelledSetManifest {
        var entries: [Entry] = [], simulated = false
        for url in inputs {
            let scene = try CoverScene.load(url, pixelSize: pixelSize, labels: labels)
            let composite = try scene.composite(configuration)
            let name = url.deletingPathExtension().lastPathComponent + "_cover.nc"
            try CoverLabelledScene.write(scene, composite: composite, sourceScene: url.lastPathComponent,
                                         to: folder.appendingPathComponent(name))
            entries.append(entry(scene, file: name, sourceScene: url.lastPathComponent))
            simulated = simulated || scene.simulated
            progress(url)
        }
        let manifest = CoverLabelledSetManifest(labels: labels.name, pixelSize: pixelSize, simulated: simulated, scenes: entries)
        try AtomicOutput.writeJSON(manifest, to: folder.appendingPathComponent("manifest.json"))
        return manifest
    }
}
