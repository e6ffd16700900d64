import Foundation
import SeaIceMultiTask
import SeaIceSampling

extension HostileCorpus {
    /// `seaice train` configurations: the demo configuration (`TrainingConfiguration.demoLike`) with one
    /// key broken, written as `config.json`, trained into `run` from an empty `data` folder (every
    /// configuration error must be found before any data is read).
    public static var training: [HostileCase] {
        func edited(_ name: String, mention: [String], _ edit: @escaping @Sendable (inout [String: Any]) -> Void) -> HostileCase {
            HostileCase(reader: "training configuration", name: name, mustMention: ["config.json"] + mention,
                        mustNotLeave: ["run/configuration.json", "run/last"]) { folder in
                var json = try JSONSerialization.jsonObject(with: TrainingConfiguration.demoLike.encoded()) as! [String: Any]
                edit(&json)
                try JSONSerialization.data(withJSONObject: json).write(to: folder.appendingPathComponent("config.json"))
                return try trainArguments(folder)
            }
        }
        return [
            edited("schedule t0 = 0", mention: ["t0"]) { $0["schedule"] = ["cosineWarmRestarts": ["t0": 0, "tMult": 1, "etaMin": 0]] },
            edited("schedule tMult = 0", mention: ["tMult"]) {
                $0["schedule"] = ["cosineWarmRestarts": ["t0": 4, "tMult": 0, "etaMin": 0]]
            },
            edited("momentum = 2", mention: ["momentum"]) { j in sub(&j, "optimizer") { $0["momentum"] = 2 } },
            edited("learning rate NaN-like (-1)", mention: ["learningRate"]) { j in sub(&j, "optimizer") { $0["learningRate"] = -1 } },
            edited("misspelled epocs", mention: ["epocs"]) { $0["epocs"] = 3 },
            edited("misspelled sampler.patchSzie", mention: ["sampler.patchSzie"]) { j in sub(&j, "sampler") { $0["patchSzie"] = 64 } },
            edited("batchSize is a string", mention: ["sampler.batchSize"]) { j in sub(&j, "sampler") { $0["batchSize"] = "sixteen" } },
            edited("huge batch and patch", mention: ["batchSize", "GiB"]) { j in
                sub(&j, "sampler") { $0["batchSize"] = 100_000; $0["patchSize"] = 4096 }
            },
            edited("huge filters", mention: ["filters"]) { j in
                sub(&j, "model") { $0["filters"] = [1_000_000, 1_000_000, 1_000_000, 1_000_000] }
            },
            edited("tileSize = 0", mention: ["tileSize"]) { j in
                sub(&j, "validation") { v in v["prediction"] = ["maxPixelsPerPass": 100, "tileSize": 0, "overlap": 0] }
            },
            edited("overlap ≥ tileSize", mention: ["overlap"]) { j in
                sub(&j, "validation") { v in v["prediction"] = ["maxPixelsPerPass": 100, "tileSize": 64, "overlap": 64] }
            },
            edited("rejectAtOrBelowValidSIC beyond the patch", mention: ["rejectAtOrBelowValidSIC"]) { j in
                sub(&j, "sampler") { $0["rejectAtOrBelowValidSIC"] = 1_000_000_000 }
            },
            edited("epochs = 0", mention: ["epochs"]) { $0["epochs"] = 0 },
            HostileCase(reader: "training configuration", name: "not JSON", mustMention: ["config.json", "JSON"]) { folder in
                try Data("{\"epochs\": 3,".utf8).write(to: folder.appendingPathComponent("config.json"))
                return try trainArguments(folder)
            },
            HostileCase(reader: "training configuration", name: "configuration file missing",
                        mustMention: ["config.json"]) { folder in
                try trainArguments(folder)
            },
        ]
    }

    /// Applies `edit` to the object under `key` of `json`.
    @Sendable static func sub(_ json: inout [String: Any], _ key: String, _ edit: (inout [String: Any]) -> Void) {
        var inner = json[key] as! [String: Any]
        edit(&inner)
        json[key] = inner
    }

    /// `train config.json --data data --out run`, with an empty `data` folder made.
    static func trainArguments(_ folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        return ["train", folder.appendingPathComponent("config.json").path, "--data", folder.appendingPathComponent("data").path,
                "--out", folder.appendingPathComponent("run").path]
    }

    /// Command-line misuse of any command.
    public static var cli: [HostileCase] {
        [
            HostileCase(reader: "command line", name: "unknown subcommand", mustMention: ["nonsense"]) { _ in ["nonsense"] },
            HostileCase(reader: "command line", name: "preprocess --grid without a resolution",
                        mustMention: ["--grid", "EPSG:3413"]) { folder in
                ["preprocess", folder.appendingPathComponent("x.SAFE").path, "--out", folder.appendingPathComponent("x.nc").path,
                 "--grid", "EPSG:3413"]
            },
            HostileCase(reader: "command line", name: "preprocess --grid with an overflowing box",
                        mustMention: ["--grid"]) { folder in
                ["preprocess", folder.appendingPathComponent("x.SAFE").path, "--out", folder.appendingPathComponent("x.nc").path,
                 "--grid", "EPSG:3413:-1e20,-1e20,1e20,1e20:1"]
            },
            HostileCase(reader: "command line", name: "help for an unknown command", mustMention: ["nonsense"]) { _ in
                ["help", "nonsense"]
            },
            HostileCase(reader: "command line", name: "train --epochs -3", mustMention: ["--epochs"]) { folder in
                try trainArguments(folder) + ["--epochs", "-3"]
            },
            HostileCase(reader: "command line", name: "train --seed -1",
                        mustMention: ["--seed", "non-negative integer", "-1"]) { folder in
                try trainArguments(folder) + ["--seed", "-1"]
            },
            HostileCase(reader: "command line", name: "simulate --seed -1",
                        mustMention: ["--seed", "non-negative integer"]) { folder in
                ["simulate", "--seed", "-1", "--out", folder.appendingPathComponent("sim").path]
            },
            HostileCase(reader: "command line", name: "train --out is an existing file",
                        mustMention: ["out.txt", "--out", "existing file"]) { folder in
                try Data("x".utf8).write(to: folder.appendingPathComponent("out.txt"))
                var arguments = try trainArguments(folder)
                arguments[arguments.count - 1] = folder.appendingPathComponent("out.txt").path
                return arguments
            },
            HostileCase(reader: "command line", name: "ai4arctic prepare --out is an existing file",
                        mustMention: ["out.txt", "--out", "existing file"]) { folder in
                try Data("x".utf8).write(to: folder.appendingPathComponent("out.txt"))
                return ["ai4arctic", "prepare", folder.appendingPathComponent("raw.nc").path,
                        "--out", folder.appendingPathComponent("out.txt").path]
            },
            HostileCase(reader: "command line", name: "evaluate --out is an existing file",
                        mustMention: ["out.txt", "--out", "existing file"]) { folder in
                try Data("x".utf8).write(to: folder.appendingPathComponent("out.txt"))
                return ["evaluate", folder.path, folder.path, "--out", folder.appendingPathComponent("out.txt").path]
            },
            HostileCase(reader: "command line", name: "simulate --config missing",
                        mustMention: ["missing.json", "no such file"], mustNotLeave: ["sim"]) { folder in
                ["simulate", "--config", folder.appendingPathComponent("missing.json").path,
                 "--out", folder.appendingPathComponent("sim").path]
            },
        ]
    }
}

extension TrainingConfiguration {
    /// A small valid configuration like configs/demo.json (U-Net 8/8/16/16 on 64² patches, 13 inputs),
    /// built in code so the corpus needs no file from the repository.
    public static var demoLike: TrainingConfiguration {
        var sampler = SamplerConfiguration()
        sampler.channels = Array(sampler.channels.prefix(13))
        sampler.patchSize = 64
        sampler.batchSize = 4
        return TrainingConfiguration(
            model: .init(inputChannels: 13, filters: [8, 8, 16, 16]), sampler: sampler,
            optimizer: .init(learningRate: 0.02, momentum: 0.9, weightDecay: 0.01),
            schedule: .cosineWarmRestarts(t0: 40, tMult: 1, etaMin: 0), epochs: 2, iterationsPerEpoch: 4,
            validation: .init(count: 1), seed: 1)
    }
}
