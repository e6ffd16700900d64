import Foundation
import SeaIceCore

extension HostileCorpus {
    /// `seaice cover composite` and `seaice cover label` (issue 13): a file that is not netCDF, a pixel size
    /// the scene's spacing does not divide, a scene without one valid HH pixel (warned, not refused), truth labels asked of a scene
    /// the simulator did not make. Nothing may be left behind.
    public static var cover: [HostileCase] {
        let reader = "cover"
        return [
            HostileCase(reader: reader, name: "composite of a file that is not netCDF", mustMention: ["scene.nc"],
                        mustNotLeave: ["c.png", "c.png.json"]) { folder in
                let url = folder.appendingPathComponent("scene.nc")
                try Data("not netCDF\n".utf8).write(to: url)
                return ["cover", "composite", url.path, "--out", folder.appendingPathComponent("c.png").path]
            },
            HostileCase(reader: reader, name: "composite at 500 m of a 40 m scene", mustMention: [CorpusFiles.rawName, "pixel spacing 40 m"],
                        mustNotLeave: ["c.png", "c.png.json"]) { folder in
                let url = try CorpusFiles.writeRaw(in: folder)
                return ["cover", "composite", url.path, "--out", folder.appendingPathComponent("c.png").path, "--pixel-size", "500"]
            },
            // Valid but empty (issue 13: an entirely no-data scene gives a Mask-only product, no crash): it
            // succeeds with a warning naming the file.
            HostileCase(reader: reader, name: "composite of a scene without a finite HH pixel",
                        mustMention: [CorpusFiles.rawName, "no sea pixel with a finite HH", "regression skipped"],
                        expectSuccess: true) { folder in
                let url = try CorpusFiles.writeRaw(in: folder, hh: { _, _ in .nan })
                return ["cover", "composite", url.path, "--out", folder.appendingPathComponent("c.png").path]
            },
            HostileCase(reader: reader, name: "truth labels of a scene that is not simulated",
                        mustMention: [CorpusFiles.rawName, "truth_surface_class"], mustNotLeave: ["set/manifest.json"]) { folder in
                let url = try CorpusFiles.writeRaw(in: folder)
                return ["cover", "label", url.path, "--labels", "truth", "--out", folder.appendingPathComponent("set").path]
            },
        ]
    }
}
