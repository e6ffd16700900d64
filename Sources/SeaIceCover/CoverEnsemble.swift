import Foundation
import SeaIceCore
import SeaIceModels
import SeaIceOptim
import SeaIceTraining

/// Which labelled scenes a level-0 member trains on (seed 002: each member specialises in one situation):
/// bounds over the situations the labelled-set manifest records per scene; a nil bound does not constrain,
/// an empty rule takes every training scene. JSON keys as the property names.
public struct CoverSubsetRule: Codable, Sendable, Equatable {
    /// Bounds on the labelled ice proportion (0…1), inclusive.
    public var minIceProportion: Double?, maxIceProportion: Double?
    /// Bounds on the marginal-ice-zone fraction (labelled pixels with both ice and water among their 3 × 3
    /// neighbours, 0…1), inclusive.
    public var minMIZFraction: Double?, maxMIZFraction: Double?
    /// Windy open water: the scene's mean ERA5 10 m wind over sea, m s⁻¹, at least this — where the scene
    /// carries ERA5 winds; otherwise its mean open-water HH (incidence-corrected, dB) at least
    /// `minOpenWaterHHdB` (wind roughens the water and raises HH). A scene without water never qualifies.
    public var minWindSpeed: Double?, minOpenWaterHHdB: Double?

    /// A rule.
    public init(minIceProportion: Double? = nil, maxIceProportion: Double? = nil, minMIZFraction: Double? = nil,
                maxMIZFraction: Double? = nil, minWindSpeed: Double? = nil, minOpenWaterHHdB: Double? = nil) {
        self.minIceProportion = minIceProportion; self.maxIceProportion = maxIceProportion
        self.minMIZFraction = minMIZFraction; self.maxMIZFraction = maxMIZFraction
        self.minWindSpeed = minWindSpeed; self.minOpenWaterHHdB = minOpenWaterHHdB
    }

    /// Whether the scene of `entry` belongs to the subset.
    public func matches(_ entry: CoverLabelledSetManifest.Entry) -> Bool {
        if let v = minIceProportion, entry.iceProportion < v { return false }
        if let v = maxIceProportion, entry.iceProportion > v { return false }
        if let v = minMIZFraction, entry.mizFraction < v { return false }
        if let v = maxMIZFraction, entry.mizFraction > v { return false }
        if minWindSpeed != nil || minOpenWaterHHdB != nil {
            guard let waterHH = entry.openWaterHHdB else { return false }
            if let wind = entry.windSpeed, let v = minWindSpeed {
                if wind < v { return false }
            } else if let v = minOpenWaterHHdB {
                if waterHH < v { return false }
            } else {
                return false
            }
        }
        return true
    }

    /// - Throws: `SeaIceError.configuration` naming the key of an out-of-range or crossed bound.
    func validate(member: String) throws {
        for (key, v) in [("minIceProportion", minIceProportion), ("maxIceProportion", maxIceProportion),
                         ("minMIZFraction", minMIZFraction), ("maxMIZFraction", maxMIZFraction)] {
            if let v, !(0...1).contains(v) { throw SeaIceError.configuration("members[\(member)].rule.\(key) must be 0…1, got \(v)") }
        }
        if let a = minIceProportion, let b = maxIceProportion, a > b {
            throw SeaIceError.configuration("members[\(member)].rule: minIceProportion \(a) > maxIceProportion \(b)")
        }
        if let a = minMIZFraction, let b = maxMIZFraction, a > b {
            throw SeaIceError.configuration("members[\(member)].rule: minMIZFraction \(a) > maxMIZFraction \(b)")
        }
        if let v = minWindSpeed, !(v >= 0 && v.isFinite) {
            throw SeaIceError.configuration("members[\(member)].rule.minWindSpeed must be ≥ 0 m/s, got \(v)")
        }
        if let v = minOpenWaterHHdB, !v.isFinite { throw SeaIceError.configuration("members[\(member)].rule.minOpenWaterHHdB must be finite") }
    }
}

/// Training of the level-1 stacking network (JSON keys as the property names).
public struct CoverLevel1Configuration: Codable, Sendable, Equatable {
    /// Optimiser, schedule, epochs, iterations, seed, threads.
    public var loop: TrainingLoop
    /// The network; `inputs` must be the member count + 4.
    public var model: CoverStackingConfiguration
    /// Side of the feature patches, pixels (any size: the network is per pixel), and patches per batch.
    public var patchSize: Int, batchSize: Int
    /// Weights of the BCE and Dice terms.
    public var bceWeight: Double, diceWeight: Double
    /// Patches need at least this share of labelled pixels (0…1).
    public var minimumLabelled: Double

    /// A configuration (defaults: 32-pixel patches, batch 8, BCE alone).
    public init(loop: TrainingLoop, model: CoverStackingConfiguration = CoverStackingConfiguration(), patchSize: Int = 32,
                batchSize: Int = 8, bceWeight: Double = 1, diceWeight: Double = 0, minimumLabelled: Double = 0.25) {
        self.loop = loop; self.model = model; self.patchSize = patchSize; self.batchSize = batchSize
        self.bceWeight = bceWeight; self.diceWeight = diceWeight; self.minimumLabelled = minimumLabelled
    }
}

/// The stacked ensemble of seed 002 (`../shared/specs/seaice-cover.md`, §Stacking): level-0 U-Nets trained
/// on rule-chosen subsets of one labelled set, and a per-pixel level-1 network over their probabilities,
/// the composite and the scene's ice proportion. `configs/cover-ensemble-paper.json` (the paper's five
/// members) and `configs/cover-ensemble-demo.json`. JSON keys as the property names.
public struct CoverEnsembleConfiguration: ValidatedConfiguration, Sendable, Equatable {
    /// One level-0 member: a name (its folder under `level0/`) and its subset rule.
    public struct Member: Codable, Sendable, Equatable {
        /// Letters, digits, `-` and `_`.
        public var name: String
        /// The scenes it trains on.
        public var rule: CoverSubsetRule
        /// A member.
        public init(name: String, rule: CoverSubsetRule) { self.name = name; self.rule = rule }
    }
    /// Training of every level-0 member; member k (0-based) uses seed `level0.loop.seed + k`.
    public var level0: CoverTrainingConfiguration
    /// The members, in the order of the level-1 inputs.
    public var members: [Member]
    /// Training of the level-1 network (same labelled set and held-out scenes as level 0).
    public var level1: CoverLevel1Configuration

    /// The paper's three specialisations over five members: every scene; large ice areas (ice proportion
    /// ≥ 0.6, where new ice lies); windy open water (ERA5 wind ≥ 8 m/s, or open-water HH ≥ −20 dB without
    /// ERA5); the marginal ice zone (MIZ fraction ≥ 0.02); mixed scenes (ice proportion 0.25…0.75).
    public static let paperMembers: [Member] = [
        Member(name: "general", rule: CoverSubsetRule()),
        Member(name: "ice", rule: CoverSubsetRule(minIceProportion: 0.6)),
        Member(name: "windy-water", rule: CoverSubsetRule(minWindSpeed: 8, minOpenWaterHHdB: -20)),
        Member(name: "miz", rule: CoverSubsetRule(minMIZFraction: 0.02)),
        Member(name: "mixed", rule: CoverSubsetRule(minIceProportion: 0.25, maxIceProportion: 0.75)),
    ]

    /// A configuration.
    public init(level0: CoverTrainingConfiguration, members: [Member] = paperMembers, level1: CoverLevel1Configuration) {
        self.level0 = level0; self.members = members; self.level1 = level1
    }

    /// The training configuration of member `index` (its own seed).
    public func memberConfiguration(_ index: Int) -> CoverTrainingConfiguration {
        var c = level0
        c.loop.seed = level0.loop.seed &+ UInt64(index)
        return c
    }

    /// - Throws: `SeaIceError.configuration` naming the key.
    public func validate() throws {
        try level0.validate()
        guard !members.isEmpty else { throw SeaIceError.configuration("members must list at least one level-0 member") }
        var seen: Set<String> = []
        for m in members {
            guard !m.name.isEmpty, m.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw SeaIceError.configuration("members: name \"\(m.name)\" must be letters, digits, - or _")
            }
            guard seen.insert(m.name).inserted else { throw SeaIceError.configuration("members: name \"\(m.name)\" appears twice") }
            try m.rule.validate(member: m.name)
        }
        try level1.loop.validate()
        try level1.model.validate()
        guard level1.model.inputs == members.count + 4 else {
            throw SeaIceError.configuration("level1.model.inputs must be \(members.count + 4) (\(members.count) member probabilities, "
                                            + "3 composite values, the ice proportion), got \(level1.model.inputs)")
        }
        guard level1.patchSize > 0 else { throw SeaIceError.configuration("level1.patchSize must be positive, got \(level1.patchSize)") }
        guard level1.batchSize > 0 else { throw SeaIceError.configuration("level1.batchSize must be positive, got \(level1.batchSize)") }
        guard level1.bceWeight >= 0, level1.diceWeight >= 0, level1.bceWeight + level1.diceWeight > 0 else {
            throw SeaIceError.configuration("level1.bceWeight and level1.diceWeight must be ≥ 0 and not both 0")
        }
        guard (0...1).contains(level1.minimumLabelled) else {
            throw SeaIceError.configuration("level1.minimumLabelled must be 0…1, got \(level1.minimumLabelled)")
        }
    }
}

/// The per-pixel inputs of the level-1 network (shared by its training and by prediction).
public enum CoverStackingFeatures {
    /// The scene's ice proportion as the level-1 network sees it: the share of `valid` pixels whose mean
    /// level-0 probability is ≥ 0.5 (estimated from the members, so training and prediction agree; 0 when
    /// nothing is valid).
    public static func iceProportion(level0: [[Float]], valid: [Bool]) -> Float {
        var ice = 0, count = 0
        for k in valid.indices where valid[k] {
            var s: Float = 0, n = 0
            for p in level0 where p[k].isFinite { s += p[k]; n += 1 }
            guard n > 0 else { continue }
            count += 1
            if s / Float(n) >= 0.5 { ice += 1 }
        }
        return count > 0 ? Float(ice) / Float(count) : 0
    }

    /// Planes CHW of `lines × samples` pixels: member probabilities (NaN read as 0.5), the composite's three
    /// planes (`composite` CHW, 0…1) and the ice proportion, in that order.
    public static func planes(level0: [[Float]], composite: [Float], valid: [Bool]) -> [Float] {
        let n = valid.count
        precondition(composite.count == 3 * n && level0.allSatisfy { $0.count == n }, "stacking feature sizes disagree")
        var out = [Float](repeating: 0, count: (level0.count + 4) * n)
        for (m, p) in level0.enumerated() { for k in 0..<n { out[m * n + k] = p[k].isFinite ? p[k] : 0.5 } }
        for b in 0..<3 { for k in 0..<n { out[(level0.count + b) * n + k] = composite[b * n + k] } }
        let proportion = iceProportion(level0: level0, valid: valid)
        for k in 0..<n { out[(level0.count + 3) * n + k] = proportion }
        return out
    }
}

/// The on-disk layout of an ensemble (one checkpoint folder): `ensemble.json` (the `CoverEnsembleConfiguration`),
/// `level0/<member>/` (a run folder per member: configuration.json, inputs.json, metrics.jsonl, last/, best/,
/// each checkpoint safetensors + JSON), `level1/` (the stacking network's run folder) and `level1/members.json`
/// (the members the level-1 network was trained on, with a digest of each member's weights).
public struct CoverEnsembleFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder at `url`.
    public init(url: URL) { self.url = url }

    /// `ensemble.json`.
    public var configurationURL: URL { url.appendingPathComponent("ensemble.json") }
    /// The run folder of `member`.
    public func member(_ name: String) -> URL { url.appendingPathComponent("level0").appendingPathComponent(name) }
    /// The level-1 run folder.
    public var level1: URL { url.appendingPathComponent("level1") }
    /// The level-1 member record.
    public var membersURL: URL { level1.appendingPathComponent("members.json") }

    /// Records `configuration` as the ensemble's, or checks it against the one recorded (free: level-0 and
    /// level-1 `epochs` and `threads`, which a resumed run may change).
    /// - Throws: `SeaIceError.invalidInput` naming `ensemble.json` and the first differing key.
    public func record(_ configuration: CoverEnsembleConfiguration) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let current = try encoder.encode(configuration)
        if let saved = try? Data(contentsOf: configurationURL) {
            if let key = ConfigurationFile.firstDifference(saved, current, ignoring: ["epochs", "threads"]) {
                throw SeaIceError.invalidInput(file: configurationURL.path, item: key,
                                               expected: "the value this ensemble was started with (use another --ensemble folder for another configuration)")
            }
        }
        try AtomicOutput.write(current, to: configurationURL)
    }

    /// The recorded configuration.
    /// - Throws: `SeaIceError` naming `ensemble.json` when it is missing or malformed.
    public func configuration() throws -> CoverEnsembleConfiguration {
        try ConfigurationFile.load(CoverEnsembleConfiguration.self, from: configurationURL)
    }
}

/// What `level1/members.json` holds: the members, in input order, each with the FNV-1a 64 digest (hex) of
/// the checkpoint weights the level-1 network was trained on.
public struct CoverEnsembleMembers: Codable, Sendable, Equatable {
    /// One member.
    public struct Member: Codable, Sendable, Equatable {
        /// Name and weights digest.
        public var name: String, weights: String
    }
    /// The members.
    public var members: [Member]

    /// FNV-1a 64 of `data`, 16 hex digits.
    static func digest(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(format: "%016llx", h)
    }
}
