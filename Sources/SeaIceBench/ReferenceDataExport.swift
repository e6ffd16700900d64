import Foundation
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceNN
import SeaIceSampling

/// Writes the downscaled scenes of a training run as safetensors files for the PyTorch reference
/// trainer (`python/train_reference.py`), so that both sides train on exactly the same arrays.
///
/// Each scene file holds `inputs` (float32 `[C, rows, cols]`, the configuration's channels in
/// order, cut by `PatchExtractor` over the whole downscaled scene: the same values, pixel for
/// pixel, as the patches `seaice train` draws) and `labels` (uint8 `[3, rows, cols]`: SIC, SOD,
/// FLOE downscaled, 255 = masked). Validation scenes add `labels80` (uint8 `[3, lines, samples]`,
/// the 80 m charts that validation scores against). `manifest.json` lists the files.
public enum ReferenceDataExport {
    /// One validation entry of the manifest.
    struct ValidationEntry: Codable {
        var file: String
        var factor: Int
    }

    /// The manifest read by `train_reference.py --manifest`.
    struct Manifest: Codable {
        var train: [String]
        var validation: [ValidationEntry]
    }

    /// Exports `train` and `validation` (ready-to-train files) into `folder`; returns the manifest's URL.
    public static func export(train: [URL], validation: [URL], sampler: SamplerConfiguration, to folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var manifest = Manifest(train: [], validation: [])
        for (i, url) in train.enumerated() {
            let out = folder.appendingPathComponent(String(format: "train-%03d.safetensors", i))
            try write(url, sampler: sampler, fullResolutionLabels: false, to: out)
            manifest.train.append(out.path)
        }
        for (i, url) in validation.enumerated() {
            let out = folder.appendingPathComponent(String(format: "validation-%03d.safetensors", i))
            try write(url, sampler: sampler, fullResolutionLabels: true, to: out)
            manifest.validation.append(ValidationEntry(file: out.path, factor: sampler.downscaleFactor))
        }
        let url = folder.appendingPathComponent("manifest.json")
        try AtomicOutput.writeJSON(manifest, to: url)
        return url
    }

    /// The whole downscaled scene as channel planes `[C, rows, cols]` (row-major), as `PatchExtractor` cuts patches.
    public static func wholeSceneInputs(_ scene: DownscaledScene, sampler: SamplerConfiguration) throws -> [Float] {
        var c = sampler
        c.patchSize = max(scene.rows, scene.cols)
        let sample = try PatchExtractor(configuration: c).extract(from: scene, row: 0, col: 0)
        let p = c.patchSize
        var out = [Float]()
        out.reserveCapacity(sample.channels * scene.rows * scene.cols)
        for k in 0..<sample.channels {
            for r in 0..<scene.rows {
                let start: Int = k * p * p + r * p
                out += sample.inputs[start..<(start + scene.cols)]
            }
        }
        return out
    }

    private static func write(_ url: URL, sampler: SamplerConfiguration, fullResolutionLabels: Bool, to out: URL) throws {
        let scene = try DownscaledScene.load(url, channels: sampler.channels, factor: sampler.downscaleFactor,
                                             downsampling: sampler.downsampling)
        let inputs = try wholeSceneInputs(scene, sampler: sampler)
        var records = [
            SafeTensorsRecord(name: "inputs", dtype: .f32, shape: [sampler.channels.count, scene.rows, scene.cols],
                              bytes: inputs.withUnsafeBufferPointer { Data(buffer: $0) }),
            SafeTensorsRecord(name: "labels", dtype: .u8, shape: [3, scene.rows, scene.cols], bytes: Data(scene.labels.joined())),
        ]
        if fullResolutionLabels {
            let file = try AI4ArcticFile.open(url, expecting: .readyToTrain)
            defer { try? file.close() }
            var labels = Data()
            for name in AI4ArcticSchema.labelVariables { labels.append(contentsOf: try file.readLabels(name)) }
            records.append(SafeTensorsRecord(name: "labels80", dtype: .u8, shape: [3, file.geometry.lines, file.geometry.samples],
                                             bytes: labels))
        }
        try AtomicOutput.write(SafeTensorsWriter.encode(records, metadata: ["source": url.path]), to: out)
    }
}
