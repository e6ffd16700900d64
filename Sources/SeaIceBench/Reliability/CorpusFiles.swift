import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceNetCDF
import SeaIceSampling
import SeaIceTensor

/// Small inputs the hostile cases start from: AI4Arctic raw and ready-to-train files with chosen SAR values,
/// files that only declare a size, and a tiny checkpoint. Values are analytic (no data needed); every file is
/// a few hundred kilobytes at most.
public enum CorpusFiles {
    /// The raw file name of the corpus scenes (the dataset's naming rule; ice service `dmi`).
    public static let rawName =
        "S1A_EW_GRDM_1SDH_20180124T194759_20180124T194859_020301_022AA4_1F75_icechart_dmi_201801241950_SouthEast_RIC.nc"
    /// The ready-to-train name of the corpus scenes.
    public static let readyName = "20180124T194759_dmi_prep.nc"
    /// Polygon codes of the raw scenes (header first): ids 1 (ice) and 2 (water).
    static let codes = [
        "poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE",
        "1;92;-9;95;06;-9;-9;-9;-9;-9;-9;-9;-9;06-9;I",
        "2;02;-9;98;10;-9;-9;-9;-9;-9;-9;-9;-9;10-9;W",
    ]

    /// Writes a ready-to-train file `lines × samples` (80 m) whose scaled HH and HV at (r, c) are `sar(r, c)`
    /// (default: smooth finite values); returns its URL.
    @discardableResult
    public static func writeReady(
        in folder: URL, lines: Int = 64, samples: Int = 72,
        sar: @escaping (Int, Int) -> Float = { r, c in 0.5 + 0.01 * Float(r - c) }
    ) throws -> URL {
        let url = folder.appendingPathComponent(readyName)
        let g = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 80)
        let attributes = ReadyAttributes(
            sceneID: readyName, originalID: String(rawName.dropLast(3)), iceService: .dmi,
            flip: 0, pixelSpacing: 80)
        let nc = try AI4ArcticWriter.create(
            url, layout: .init(version: .readyToTrain, geometry: g, chartRows: 1),
            globalAttributes: AI4ArcticWriter.readyGlobalAttributes(attributes))
        let sarNames: Set = [AI4ArcticSchema.Name.sarPrimary, AI4ArcticSchema.Name.sarSecondary]
        for (i, v) in AI4ArcticSchema.fullGridInputs.enumerated() {
            try nc.write(grid(lines, samples) { sarNames.contains(v) ? sar($0, $1) : Float(i) * 0.1 }, variable: v)
        }
        for v in AI4ArcticSchema.labelVariables {
            try nc.write(grid(lines, samples) { _, _ in UInt8(255) }, variable: v)
        }
        try writeTiePoints(
            nc, latitude: AI4ArcticSchema.Name.grid2DLatitude, longitude: AI4ArcticSchema.Name.grid2DLongitude)
        for v in AI4ArcticSchema.twoKmVariables {
            try nc.write([Float](repeating: 0.1, count: g.twoKmLines * g.twoKmSamples), variable: v)
        }
        try nc.close()
        return url
    }

    /// Writes a raw file `lines × samples` (40 m) with HH `hh(r, c)` and HV `hv(r, c)` (dB), polygon ids
    /// `polygon(r, c)` and the
    /// two-polygon code table; returns its URL.
    @discardableResult
    public static func writeRaw(
        in folder: URL, lines: Int = 100, samples: Int = 104,
        hh: @escaping (Int, Int) -> Float = { r, _ in -20 + 0.01 * Float(r) },
        hv: @escaping (Int, Int) -> Float = { r, _ in -28 + 0.02 * Float(r) },
        polygon: @escaping (Int, Int) -> Float = { _, c in c < 50 ? 1 : 2 }
    ) throws -> URL {
        let url = folder.appendingPathComponent(rawName)
        let g = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 40)
        let nc = try AI4ArcticWriter.create(
            url, layout: .init(version: .raw, geometry: g, chartRows: codes.count),
            globalAttributes: [("title", .text("hostile corpus scene"))],
            variableAttributes: ["polygon_codes": [("icechart_id", .text("dmi_corpus"))]])
        let N = AI4ArcticSchema.Name.self
        try nc.write(grid(lines, samples, hh), variable: N.sarPrimary)
        try nc.write(grid(lines, samples, hv), variable: N.sarSecondary)
        try nc.write(grid(lines, samples) { _, c in 20 + 0.1 * Float(c) }, variable: N.incidenceAngle)
        try nc.write(grid(lines, samples) { r, _ in Float(r) / 10 }, variable: N.distanceMap)
        try nc.write(grid(lines, samples, polygon), variable: N.polygonIcechart)
        try nc.writeStrings(codes, variable: N.polygonCodes)
        let lp = (0..<21).map { Double($0) * Double(lines - 1) / 20 }
        let sp = (0..<21).map { Double($0) * Double(samples - 1) / 20 }
        try nc.write(lp.flatMap { a in sp.map { _ in a } }, variable: N.gridLine)
        try nc.write(lp.flatMap { _ in sp }, variable: N.gridSample)
        try writeTiePoints(nc, latitude: N.gridLatitude, longitude: N.gridLongitude)
        try nc.write(lp.flatMap { _ in sp.map { 20 + 0.1 * $0 } }, variable: N.gridIncidenceAngle)
        try nc.write([Double](repeating: 0, count: 441), variable: N.gridHeight)
        for v in AI4ArcticSchema.twoKmVariables {
            let s = AI4ArcticStatistics.official.byVariable[v]!
            try nc.write([Double](repeating: s.mean, count: g.twoKmLines * g.twoKmSamples), variable: v)
        }
        try nc.close()
        return url
    }

    /// Writes a file of `version` that declares `lines × samples` pixels but holds no data (netCDF-4 chunks are
    /// only stored when written, so the file stays small whatever it declares).
    @discardableResult
    public static func writeDeclaredOnly(
        in folder: URL, version: AI4ArcticVersion, lines: Int, samples: Int
    ) throws -> URL {
        let raw = version == .raw
        let url = folder.appendingPathComponent(raw ? rawName : readyName)
        let g = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: raw ? 40 : 80)
        var globals: [(String, NetCDFAttribute)] = [("title", .text("hostile corpus scene"))]
        if !raw {
            globals = AI4ArcticWriter.readyGlobalAttributes(
                ReadyAttributes(
                    sceneID: readyName, originalID: String(rawName.dropLast(3)), iceService: .dmi, flip: 0,
                    pixelSpacing: 80))
        }
        let nc = try AI4ArcticWriter.create(
            url, layout: .init(version: version, geometry: g, chartRows: raw ? codes.count : 1),
            globalAttributes: globals)
        try nc.close()
        return url
    }

    /// Writes a tiny U-Net 4/4 checkpoint (MMSeaIce inputs at factor 4) into `folder/checkpoint`; `poison` sets
    /// every value of the named tensor (e.g. to NaN) before saving.
    @discardableResult
    public static func writeCheckpoint(in folder: URL, poison: (tensor: String, value: Float)? = nil) throws -> URL {
        var inputs = SamplerConfiguration()
        inputs.downscaleFactor = 4
        let spec = NetworkSpecification(
            model: UNetConfiguration(inputChannels: inputs.channels.count, filters: [4, 4]),
            inputs: inputs)
        var generator = SeededGenerator(seed: 7)
        let network = try UNet(spec.model, generator: &generator)
        if let poison {
            var state = Dictionary(uniqueKeysWithValues: try network.stateDict().map { ($0.name, $0.tensor) })
            guard let t = state[poison.tensor] else {
                throw SeaIceError.missing(file: "U-Net state dict", item: "tensor `\(poison.tensor)`")
            }
            state[poison.tensor] = try Tensor.full(t.shape, value: poison.value)
            try network.loadStateDict(state)
        }
        let url = folder.appendingPathComponent("checkpoint")
        try Checkpoint.save(
            to: url, model: network, manifest: CheckpointManifest(model: spec, training: EmptyTrainingState()))
        return url
    }

    /// `predict CHECKPOINT FILE -o products --no-geotiff --no-quicklook --device cpu`.
    static func predictArguments(_ checkpoint: URL, _ file: URL, _ folder: URL) -> [String] {
        [
            "predict", checkpoint.path, file.path, "-o", folder.appendingPathComponent("products").path,
            "--no-geotiff", "--no-quicklook", "--device", "cpu",
        ]
    }

    private static func grid<T>(_ lines: Int, _ samples: Int, _ f: (Int, Int) -> T) -> [T] {
        var v: [T] = []
        v.reserveCapacity(lines * samples)
        for r in 0..<lines { for c in 0..<samples { v.append(f(r, c)) } }
        return v
    }

    private static func writeTiePoints(_ nc: NetCDFFile, latitude: String, longitude: String) throws {
        try nc.write((0..<441).map { 70 + 0.05 * Double($0 / 21) }, variable: latitude)
        try nc.write((0..<441).map { -60 + 0.1 * Double($0 % 21) }, variable: longitude)
    }
}
