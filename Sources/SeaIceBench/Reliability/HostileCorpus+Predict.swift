import Foundation
import Logging
import SeaIceAI4Arctic
import SeaIceCore
import SeaIceInference
import SeaIceModels
import SeaIceNN
import SeaIceNetCDF
import SeaIceSampling
import SeaIceTensor

extension HostileCorpus {
    /// `seaice predict` and `seaice show` (issue 18, items 10 and 11): leftovers of killed runs, two inputs of
    /// one scene, a missing GPU, an output folder that is a file, and the tool's own products drawn by `show`.
    /// Each case makes a tiny checkpoint (`tinyCheckpoint`) and scene (`tinyReadyScene`) in its folder.
    public static var predict: [HostileCase] {
        let cuda = TorchRuntime.cudaAvailable
        let scene = PredictFixture.sceneID
        let product = PredictFixture.productID
        // A pid above Linux's pid_max (2²²): never a live process, so `kill(pid, 0)` fails with ESRCH.
        let dead = Int32.max - 1
        let stale = [
            "out/.\(product).nc.\(dead).7.tmp", "out/.\(product).tif.\(dead).8.tmp",
            "out/..\(product).png.\(dead).9.tmp.\(dead).10.tmp",
        ]
        return [
            HostileCase(
                reader: "predict", name: "temporaries of a killed run (dead pid) are swept",
                expectSuccess: true, mustNotLeave: stale
            ) { folder in
                let out = folder.appendingPathComponent("out")
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                for name in stale { try Data("half-written".utf8).write(to: folder.appendingPathComponent(name)) }
                return try PredictFixture.arguments(folder) + ["--device", "cpu"]
            },
            HostileCase(
                reader: "predict", name: "one scene in two files (overwrites its own product)",
                mustMention: [scene, "copy_prep.nc", "same scene"], mustNotLeave: ["out/\(product).nc"]
            ) { folder in
                let copy = folder.appendingPathComponent("copy_prep.nc")
                var arguments = try PredictFixture.arguments(folder)
                try FileManager.default.copyItem(at: folder.appendingPathComponent(scene), to: copy)
                arguments.insert(copy.path, at: 3)
                return arguments
            },
            HostileCase(
                reader: "predict", name: cuda ? "--device cuda (a GPU is present)" : "--device cuda without a GPU",
                mustMention: cuda ? [] : ["no CUDA device", "available: cpu"], expectSuccess: cuda,
                mustNotLeave: cuda ? [] : ["out/\(product).nc"]
            ) { folder in
                try PredictFixture.arguments(folder) + ["--device", "cuda"]
            },
            HostileCase(
                reader: "predict", name: "--out is an existing file", mustMention: ["out.txt", "existing file"]
            ) { folder in
                try Data("not a folder".utf8).write(to: folder.appendingPathComponent("out.txt"))
                return try PredictFixture.arguments(folder, out: "out.txt") + ["--device", "cpu"]
            },
            HostileCase(reader: "show", name: "a product of seaice predict is drawn", expectSuccess: true) { folder in
                let nc = try PredictFixture.product(in: folder)
                return ["show", nc.path, "--out", folder.appendingPathComponent("product.png").path]
            },
        ]
    }

    /// Messages of readers and options outside `predict` (issue 18, item 11).
    public static var messages: [HostileCase] {
        [
            HostileCase(
                reader: "SAFE", name: "empty SAFE folder",
                mustMention: ["EMPTY.SAFE", "manifest.safe", "not a Sentinel-1 SAFE product"],
                mustNotLeave: ["scene.nc"]
            ) { folder in
                let safe = folder.appendingPathComponent("EMPTY.SAFE")
                try FileManager.default.createDirectory(at: safe, withIntermediateDirectories: true)
                return ["preprocess", safe.path, "--out", folder.appendingPathComponent("scene.nc").path]
            }
        ]
    }
}

/// The tiny checkpoint and ready-to-train scene the `predict` cases run on (built in code: the corpus needs
/// no file from the repository or the shared data).
public enum PredictFixture {
    /// File name of the scene (its `scene_id`).
    public static let sceneID = "20180607T184326_dmi_prep.nc"
    /// The product name `predict` gives it.
    public static let productID = "20180607T184326_dmi"

    /// `predict FOLDER/checkpoint FOLDER/<scene> -o FOLDER/<out> --no-probabilities`, writing both inputs.
    public static func arguments(_ folder: URL, out: String = "out") throws -> [String] {
        let checkpoint = try tinyCheckpoint(in: folder)
        let scene = try tinyReadyScene(in: folder)
        return [
            "predict", checkpoint.path, scene.path, "-o", folder.appendingPathComponent(out).path, "--no-probabilities",
        ]
    }

    /// Maps the tiny scene in-process (`SceneMapper`, CPU) into `folder/product` and returns the product netCDF.
    public static func product(in folder: URL) throws -> URL {
        let model = try TrainedModel.load(from: try tinyCheckpoint(in: folder), device: .cpu)
        let mapper = SceneMapper(model: model, commandLine: "PredictFixture", logger: Logger(label: "seaice.corpus"))
        return try mapper.map(try tinyReadyScene(in: folder), into: folder.appendingPathComponent("product")).netCDF
    }

    /// A U-Net 4/4 checkpoint over the MMSeaIce channels at downscale factor 4, seeded (`folder/checkpoint`).
    public static func tinyCheckpoint(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("checkpoint")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        return try CorpusFiles.writeCheckpoint(in: folder)
    }

    /// A `lines × samples` ready-to-train scene at 80 m (`folder/<sceneID>`): smooth inputs, no labels
    /// needed by prediction but written (SIC 0…10, SOD 0…5, FLOE 0…6), 21 × 21 tie points near 70° N.
    @discardableResult
    public static func tinyReadyScene(in folder: URL, lines: Int = 90, samples: Int = 101) throws -> URL {
        let url = folder.appendingPathComponent(sceneID)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        let geometry = AI4ArcticGeometry(lines: lines, samples: samples, pixelSpacing: 80)
        let attributes = ReadyAttributes(
            sceneID: sceneID, originalID: "S1A_EW_GRDM_1SDH_20180607T184326_fixture",
            iceService: .dmi, flip: 0, pixelSpacing: 80)
        let nc = try AI4ArcticWriter.create(
            url, layout: .init(version: .readyToTrain, geometry: geometry, chartRows: 1),
            globalAttributes: AI4ArcticWriter.readyGlobalAttributes(attributes))
        func grid<T>(_ f: (Int, Int) -> T) -> [T] {
            var v = [T]()
            v.reserveCapacity(lines * samples)
            for r in 0..<lines { for c in 0..<samples { v.append(f(r, c)) } }
            return v
        }
        for (i, name) in AI4ArcticSchema.fullGridInputs.enumerated() {
            try nc.write(grid { Float(i) * 0.1 + 0.01 * Float($0) - 0.005 * Float($1) }, variable: name)
        }
        try nc.write(grid { UInt8(($0 + $1) % 11) }, variable: "SIC")
        try nc.write(grid { r, _ in UInt8(r % 6) }, variable: "SOD")
        try nc.write(grid { _, c in UInt8(c % 7) }, variable: "FLOE")
        let rows = (0..<21).map { Double($0) * Double(lines - 1) / 20 }
        let cols = (0..<21).map { Double($0) * Double(samples - 1) / 20 }
        try nc.write(rows.flatMap { a in cols.map { b in 70 + 0.01 * a + 0.001 * b } }, variable: "sar_grid2d_latitude")
        try nc.write(
            rows.flatMap { a in cols.map { b in -60 + 0.002 * b - 0.001 * a } }, variable: "sar_grid2d_longitude")
        for (j, name) in AI4ArcticSchema.twoKmVariables.enumerated() {
            var values = [Float]()
            for k in 0..<geometry.twoKmLines {
                for l in 0..<geometry.twoKmSamples { values.append(0.1 * Float(j) + Float(k - l)) }
            }
            try nc.write(values, variable: name)
        }
        try nc.close()
        return url
    }
}
