import SeaIceAI4Arctic

/// One input channel of a training patch, by where its values come from.
///
/// The raw value is the ready-to-train variable name for the file channels, `time`, `latitude`,
/// `longitude` for the MMSeaIce encodings (`specs/mmseaice.md`). Codable as that string.
public enum InputChannel: Sendable, Hashable, Codable, RawRepresentable {
    /// A full-grid input of the ready-to-train file (already standard-scaled there):
    /// `nersc_sar_primary`, `nersc_sar_secondary`, `sar_incidenceangle`, `distance_map`.
    case fullGrid(String)
    /// A 2 km AMSR2/ERA5 variable (standard-scaled in the file), upsampled to the patch.
    case twoKm(String)
    /// Month encoding 2·m/11 − 1, m = 0 (January) … 11, constant over the scene.
    case time
    /// Latitude interpolated from the 21 × 21 grid, standardised with MMSeaIce's μ/σ.
    case latitude
    /// Longitude interpolated from the 21 × 21 grid, standardised with MMSeaIce's μ/σ.
    case longitude

    /// Parses a channel name; nil for names that are neither file variables nor encodings.
    public init?(rawValue: String) {
        switch rawValue {
        case "time": self = .time
        case "latitude": self = .latitude
        case "longitude": self = .longitude
        default:
            if AI4ArcticSchema.fullGridInputs.contains(rawValue) { self = .fullGrid(rawValue) }
            else if AI4ArcticSchema.twoKmVariables.contains(rawValue) { self = .twoKm(rawValue) }
            else { return nil }
        }
    }

    /// The channel name (file variable or encoding name).
    public var rawValue: String {
        switch self {
        case let .fullGrid(name), let .twoKm(name): return name
        case .time: return "time"
        case .latitude: return "latitude"
        case .longitude: return "longitude"
        }
    }

    /// The MMSeaIce inputs as `specs/mmseaice.md` names them: HH, HV, incidence angle, distance map,
    /// AMSR2 18.7 H/V and 36.5 H/V, ERA5 u10, v10, t2m, tcwv, tclw, then time, latitude, longitude.
    /// That is 16 channels; the spec's heading says 18 without naming the other two.
    public static let mmseaice: [InputChannel] = [
        "nersc_sar_primary", "nersc_sar_secondary", "sar_incidenceangle", "distance_map",
        "btemp_18_7h", "btemp_18_7v", "btemp_36_5h", "btemp_36_5v",
        "u10m_rotated", "v10m_rotated", "t2m", "tcwv", "tclw",
        "time", "latitude", "longitude",
    ].map { InputChannel(rawValue: $0)! }

    /// Decodes a channel name; unknown names fail with the list of what is accepted.
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let channel = InputChannel(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "unknown input channel `\(name)`: expected a full-grid or 2 km variable of the ready-to-train files, time, latitude or longitude"))
        }
        self = channel
    }

    /// Encodes the channel name.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
