import SeaIceAuxiliary
import SeaIceCore

/// What happened to one observation on its way to a concentration.
public struct ConcentrationFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    /// Flags from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// A brightness temperature was NaN, a fill value or outside 50…350 K: no concentration.
    public static let invalidInput = ConcentrationFlags(rawValue: 1 << 0)
    /// A weather filter judged the observation open water under weather: concentration set to 0.
    public static let weatherFiltered = ConcentrationFlags(rawValue: 1 << 1)
    /// The unclamped concentration was below 0 or above 1 and was clamped.
    public static let clamped = ConcentrationFlags(rawValue: 1 << 2)
}

/// One retrieved concentration.
public struct ConcentrationEstimate: Sendable, Equatable {
    /// Ice concentration as a fraction, 0…1 (clamped); NaN when the input is invalid.
    public var concentration: Double
    /// The algorithm's concentration before clamping (and before a weather filter); NaN when invalid.
    public var unclamped: Double
    /// One-sigma uncertainty of `concentration` (fraction); NaN when invalid. See `TiePointSpread`.
    public var uncertainty: Double
    /// Invalid input, weather-filtered, clamped.
    public var flags: ConcentrationFlags

    /// An estimate.
    public init(concentration: Double, unclamped: Double, uncertainty: Double, flags: ConcentrationFlags) {
        self.concentration = concentration
        self.unclamped = unclamped
        self.uncertainty = uncertainty
        self.flags = flags
    }

    /// The estimate of an observation whose input is invalid: NaN, flagged `.invalidInput`.
    public static let invalid = ConcentrationEstimate(concentration: .nan, unclamped: .nan, uncertainty: .nan,
                                                      flags: .invalidInput)
}

/// A passive-microwave concentration algorithm: brightness temperatures (K) by channel → a concentration.
public protocol ConcentrationAlgorithm: Sendable {
    /// A short name for tables and files, e.g. "nasa-team", "asi".
    var name: String { get }
    /// The channels `unclampedConcentration` reads.
    var requiredChannels: [AMSR2Reader.Channel] { get }
    /// The standard deviations of the algorithm's concentration at its open-water and ice tie points.
    var spread: TiePointSpread { get }
    /// The concentration before clamping (fraction; may lie outside 0…1), from valid brightness temperatures
    /// (every required channel present and in `BrightnessTemperatureRange`); NaN where the algorithm is undefined.
    func unclampedConcentration(_ tb: BrightnessTemperatures) -> Double
}

extension ConcentrationAlgorithm {
    /// The estimate of one observation, optionally weather-filtered: invalid input (a required or filter channel
    /// missing, NaN or outside 50…350 K) → `.invalid`; otherwise the clamped concentration, its uncertainty and
    /// flags. A filtered observation gets concentration 0 with the open-water uncertainty.
    public func estimate(_ tb: BrightnessTemperatures, filter: WeatherFilter? = nil) -> ConcentrationEstimate {
        func valid(_ c: AMSR2Reader.Channel) -> Bool { tb[c].map(BrightnessTemperatureRange.contains) ?? false }
        guard requiredChannels.allSatisfy(valid), filter?.requiredChannels.allSatisfy(valid) ?? true else {
            return .invalid
        }
        let raw = unclampedConcentration(tb)
        guard raw.isFinite else { return .invalid }
        if let filter, filter.isWeather(tb) {
            return ConcentrationEstimate(concentration: 0, unclamped: raw, uncertainty: spread.uncertainty(at: 0),
                                         flags: .weatherFiltered)
        }
        // Rounded to 10⁻¹² first: floating-point residue (1 − 2·10⁻¹⁶ at a tie point) is not a concentration,
        // and a pure tie point must give exactly 0 or 1.
        let snapped = (raw * 1e12).rounded() / 1e12
        let c = min(max(snapped, 0), 1)
        return ConcentrationEstimate(concentration: c, unclamped: raw, uncertainty: spread.uncertainty(at: c),
                                     flags: c == snapped ? [] : .clamped)
    }

    /// Estimates over a field: `fields[channel]` holds one brightness temperature (K) per pixel, every array the
    /// same length and in the same pixel order (row-major for a grid); the result is in that order.
    /// - Throws: `SeaIceError.missing` listing every required (or filter) channel absent from `fields`, and
    ///   `SeaIceError.invalidInput` when the arrays differ in length. `source` names the file or grid in errors.
    public func estimate(fields: [AMSR2Reader.Channel: [Double]], filter: WeatherFilter? = nil,
                         source: String) throws -> ConcentrationField {
        let channels = requiredChannels + (filter?.requiredChannels ?? [])
        var seen = Set<AMSR2Reader.Channel>()
        let needed = channels.filter { seen.insert($0).inserted }
        let absent = needed.filter { fields[$0] == nil }
        guard absent.isEmpty else {
            throw SeaIceError.missing(file: source, item: "brightness-temperature channels "
                + absent.map(\.label).joined(separator: ", ") + " (\(name) needs " + needed.map(\.label)
                    .joined(separator: ", ") + ")")
        }
        let count = fields[needed[0]]!.count
        for c in needed where fields[c]!.count != count {
            throw SeaIceError.invalidInput(file: source, item: "channel \(c.label) with \(fields[c]!.count) values",
                                           expected: "\(count) values, as channel \(needed[0].label)")
        }
        var out = ConcentrationField(count: count)
        var tb = BrightnessTemperatures(minimumCapacity: needed.count)
        for i in 0..<count {
            for c in needed { tb[c] = fields[c]![i] }
            out.set(i, estimate(tb, filter: filter))
        }
        return out
    }
}

/// Estimates over a field, as parallel arrays in pixel order.
public struct ConcentrationField: Sendable, Equatable {
    /// Concentration fractions (0…1), NaN where the input is invalid.
    public var concentration: [Double]
    /// One-sigma uncertainties (fraction), NaN where invalid.
    public var uncertainty: [Double]
    /// `ConcentrationFlags.rawValue` per pixel.
    public var flags: [UInt8]

    /// A field of `count` invalid pixels.
    public init(count: Int) {
        concentration = Array(repeating: .nan, count: count)
        uncertainty = Array(repeating: .nan, count: count)
        flags = Array(repeating: ConcentrationFlags.invalidInput.rawValue, count: count)
    }

    /// Sets pixel `i` from `e`.
    public mutating func set(_ i: Int, _ e: ConcentrationEstimate) {
        concentration[i] = e.concentration
        uncertainty[i] = e.uncertainty
        flags[i] = e.flags.rawValue
    }

    /// The number of pixels flagged `flag`.
    public func count(_ flag: ConcentrationFlags) -> Int { flags.count { $0 & flag.rawValue != 0 } }
}
