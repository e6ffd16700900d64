import Foundation
import SeaIceAuxiliary
import SeaIceCore

/// The ESA CCI / CIMR linear-algorithm tie points derived from the RRDP (`../shared/data/cimr-rrdp/aux/
/// {KA,CKA,KKA}_sic_CCI-RRDP.json`; CIMR-Algos SeaIceConcentration_ATBD_v2, Lavergne et al.): per variant
/// ("bow" best-open-water, "bci" best-consolidated-ice) the channels, the open-water tie point, the ice line
/// (a point `tp` and direction `u`), the projection vector `v` (⟂ `u`) and the spreads `ow_sdev`/`cice_sdev`
/// (K along `v`). All brightness temperatures in K, vectors in the order of `channels`.
public struct CCITiePoints: Sendable, Equatable {
    /// One algorithm variant of the file.
    public struct Variant: Sendable, Equatable {
        /// The channels, e.g. [18.7V, 36.5H, 36.5V].
        public var channels: [AMSR2Reader.Channel]
        /// Open-water tie point, K.
        public var openWater: [Double]
        /// A point of the consolidated-ice line (the mean ice tie point), K.
        public var ice: [Double]
        /// Unit direction of the ice line (first-year to multi-year).
        public var iceLine: [Double]
        /// Projection vector v.
        public var projection: [Double]
        /// Spread of v·TB over open water and over consolidated ice, K.
        public var openWaterSpread: Double, iceSpread: Double
    }

    /// Best-open-water variant.
    public var bestOpenWater: Variant
    /// Best-consolidated-ice variant.
    public var bestIce: Variant

    /// The file's channel names (`tb19v`, `tb37h`, `tb06v`, …) as AMSR2 channels.
    static let channelNames: [String: AMSR2Reader.Channel] = [
        "tb06v": .v6_9, "tb19v": .v18_7, "tb19h": .h18_7, "tb22v": .v23_8, "tb37h": .h36_5, "tb37v": .v36_5,
        "tb90h": .h89_0, "tb90v": .v89_0,
    ]

    private struct FileVariant: Decodable {
        struct Ice: Decodable { var tp: [Double]; var u: [Double] }
        struct Water: Decodable { var tp: [Double] }
        var channels: [String]
        var cice: Ice
        var ow: Water
        var v: [Double]
        var ow_sdev: Double
        var cice_sdev: Double
    }

    /// Reads the file at `url`.
    /// - Throws: `SeaIceError` naming the file and the key: not JSON, a key missing or of the wrong type, an
    ///   unknown channel name, vectors whose length differs from the channel count, non-finite or negative
    ///   spreads, or a projection that does not separate ice from water.
    public static func read(_ url: URL) throws -> CCITiePoints {
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SeaIceError.missing(file: file, item: "file")
        }
        let decoded: [String: FileVariant]
        do {
            decoded = try JSONDecoder().decode([String: FileVariant].self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw SeaIceError.missing(file: file, item: "key `\(path)`")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw SeaIceError.invalidInput(file: file, item: "key `\(path)`", expected: context.debugDescription)
        } catch {
            throw SeaIceError.invalidInput(file: file, item: "JSON", expected: "a JSON object with variants "
                + "\"bow\" and \"bci\"")
        }
        func variant(_ key: String) throws -> Variant {
            guard let v = decoded[key] else { throw SeaIceError.missing(file: file, item: "variant `\(key)`") }
            let channels = try v.channels.map { name in
                guard let c = channelNames[name] else {
                    throw SeaIceError.invalidInput(file: file, item: "`\(key).channels` entry `\(name)`",
                                                   expected: "one of "
                                                       + channelNames.keys.sorted().joined(separator: ", "))
                }
                return c
            }
            let n = channels.count
            for (name, vector) in [("ow.tp", v.ow.tp), ("cice.tp", v.cice.tp), ("cice.u", v.cice.u), ("v", v.v)]
                where vector.count != n || !vector.allSatisfy(\.isFinite) {
                throw SeaIceError.invalidInput(file: file, item: "`\(key).\(name)` (\(vector.count) values)",
                                               expected: "\(n) finite values, one per channel")
            }
            for (name, s) in [("ow_sdev", v.ow_sdev), ("cice_sdev", v.cice_sdev)] where !(s.isFinite && s >= 0) {
                throw SeaIceError.invalidInput(file: file, item: "`\(key).\(name)` = \(s)",
                                               expected: "a spread ≥ 0 K")
            }
            let out = Variant(channels: channels, openWater: v.ow.tp, ice: v.cice.tp, iceLine: v.cice.u,
                              projection: v.v, openWaterSpread: v.ow_sdev, iceSpread: v.cice_sdev)
            guard abs(CCILinear(variant: out).contrast) > 1 else {
                throw SeaIceError.invalidInput(file: file, item: "`\(key).v`",
                                               expected: "a projection separating ice from open water by more than 1 K")
            }
            return out
        }
        return CCITiePoints(bestOpenWater: try variant("bow"), bestIce: try variant("bci"))
    }
}

/// One linear CCI algorithm (a "bow" or "bci" variant): C = v·(TB − TB_ow) / v·(TB_ice − TB_ow), the
/// concentration along the projection `v` that is constant along the ice line (Lavergne et al. 2019, eq. 2;
/// CIMR SIC ATBD). Spread: the file's spreads over the contrast v·(TB_ice − TB_ow).
public struct CCILinear: ConcentrationAlgorithm {
    /// The tie points.
    public var variant: CCITiePoints.Variant
    /// The name for tables.
    public var name: String

    /// The algorithm of `variant`.
    public init(variant: CCITiePoints.Variant, name: String = "cci-linear") {
        self.variant = variant
        self.name = name
    }

    /// v·(TB_ice − TB_ow), K.
    public var contrast: Double {
        variant.projection.indices.reduce(0) { $0 + variant.projection[$1] * (variant.ice[$1] - variant.openWater[$1]) }
    }
    /// The file's channels.
    public var requiredChannels: [AMSR2Reader.Channel] { variant.channels }
    /// The spreads in concentration units.
    public var spread: TiePointSpread {
        TiePointSpread(openWater: variant.openWaterSpread / abs(contrast), ice: variant.iceSpread / abs(contrast))
    }

    /// v·(TB − TB_ow) / contrast.
    public func unclampedConcentration(_ tb: BrightnessTemperatures) -> Double {
        var s = 0.0
        for (k, c) in variant.channels.enumerated() {
            s += variant.projection[k] * ((tb[c] ?? .nan) - variant.openWater[k])
        }
        return s / contrast
    }
}

/// The OSI SAF / CCI hybrid of a best-open-water and a best-consolidated-ice algorithm (Tonboe et al. 2016,
/// OSI-450 ATBD; Lavergne et al. 2019): C = (1 − w)·C_bow + w·C_bci with w = clamp((C_bow − 0.7)/0.2, 0, 1),
/// i.e. bow below 70 %, bci above 90 %, a linear blend between. Spread: open water from bow, ice from bci.
public struct CCIHybrid: ConcentrationAlgorithm {
    /// The two variants.
    public var bestOpenWater: CCILinear, bestIce: CCILinear
    /// E.g. "cci-hybrid-KKA".
    public var name: String

    /// The hybrid of `tiePoints`, named `name`.
    public init(tiePoints: CCITiePoints, name: String) {
        bestOpenWater = CCILinear(variant: tiePoints.bestOpenWater)
        bestIce = CCILinear(variant: tiePoints.bestIce)
        self.name = name
    }

    /// The channels of both variants.
    public var requiredChannels: [AMSR2Reader.Channel] {
        var seen = Set<AMSR2Reader.Channel>()
        return (bestOpenWater.requiredChannels + bestIce.requiredChannels).filter { seen.insert($0).inserted }
    }
    /// σ_ow of bow, σ_ice of bci.
    public var spread: TiePointSpread {
        TiePointSpread(openWater: bestOpenWater.spread.openWater, ice: bestIce.spread.ice)
    }

    /// The blend.
    public func unclampedConcentration(_ tb: BrightnessTemperatures) -> Double {
        let bow = bestOpenWater.unclampedConcentration(tb), bci = bestIce.unclampedConcentration(tb)
        let w = min(max((bow - 0.7) / 0.2, 0), 1)
        return (1 - w) * bow + w * bci
    }
}
