import SeaIceCore

/// File names and global attributes of the two AI4Arctic versions.
///
/// Raw name: the Sentinel-1 product id followed by the chart id, e.g.
/// `S1A_EW_GRDM_1SDH_20190430T101830_…_9C47_icechart_cis_SGRDIEA_20190430T1020Z_pl_a.nc`.
/// Ready-to-train name: characters [17, 32) + `_` + [77, 80) of the raw name + `_prep.nc`
/// (`20190430T101830_cis_prep.nc`), the rule of the organisers' conversion.
public enum AI4ArcticNaming {
    /// Ice services whose charts label the scenes.
    public enum IceService: String, Codable, Sendable, CaseIterable {
        /// Danish Meteorological Institute (Greenland).
        case dmi
        /// Canadian Ice Service.
        case cis
    }

    /// Suffix of every ready-to-train file name.
    public static let readySuffix = "_prep.nc"

    /// Ready-to-train global attribute names.
    public enum ReadyAttribute {
        /// The ready-to-train file name, e.g. `20180607T184326_dmi_prep.nc`.
        public static let sceneID = "scene_id"
        /// The raw file name it was made from.
        public static let originalID = "original_id"
        /// `dmi` or `cis`.
        public static let iceService = "ice_service"
        /// 0 or 1 (integer), as in the released files.
        public static let flip = "flip"
        /// Full-grid pixel spacing in m (80), integer.
        public static let pixelSpacing = "pixel_spacing"
    }

    /// Raw global attribute names (free text in the released files; not required by the readers).
    public enum RawAttribute {
        /// "Training data file from AI4Arctic_CC…".
        public static let title = "title"
        /// "All variables are gridded to match S…".
        public static let geometricInfo = "geometric_info"
        /// "Thermal Denoising of Cross-Polarized…".
        public static let denoiseDocumentation = "sar_denoise_by_nersc_documentation"
    }

    /// Attribute of the raw `polygon_codes` variable naming the source chart.
    public static let icechartIDAttribute = "icechart_id"

    /// The parts of a raw file name the naming rule uses.
    public struct RawName: Sendable, Hashable {
        /// The raw file name (last path component).
        public let fileName: String
        /// Acquisition start `YYYYMMDDTHHMMSS` (characters [17, 32)).
        public let timestamp: String
        /// Chart provider (characters [77, 80)).
        public let iceService: IceService

        /// Acquisition month 1 … 12 from the timestamp.
        public var month: Int { Int(timestamp.dropFirst(4).prefix(2))! }

        /// The ready-to-train file name: `<timestamp>_<service>_prep.nc`.
        public var readyName: String { "\(timestamp)_\(iceService.rawValue)\(AI4ArcticNaming.readySuffix)" }
    }

    /// Parses a raw file name; throws naming the file (`path`, or the name itself) if it does not follow the rule.
    public static func parseRaw(_ fileName: String, path: String? = nil) throws -> RawName {
        let chars = Array(fileName)
        let expected = "a raw AI4Arctic name: S1x_EW_GRDM_1SDH_<YYYYMMDDTHHMMSS>_…, with `dmi` or `cis` at characters 77–79"
        guard chars.count >= 80 else {
            throw SeaIceError.invalidInput(file: path ?? fileName, item: "file name", expected: expected)
        }
        let timestamp = String(chars[17..<32])
        let service = String(chars[77..<80])
        guard isTimestamp(timestamp), let ice = IceService(rawValue: service) else {
            throw SeaIceError.invalidInput(file: path ?? fileName, item: "file name", expected: expected)
        }
        return RawName(fileName: fileName, timestamp: timestamp, iceService: ice)
    }

    /// The ready-to-train name for a raw file name (the organisers' rule).
    public static func readyName(forRaw fileName: String) throws -> String {
        try parseRaw(fileName).readyName
    }

    /// Acquisition month 1 … 12 of a ready-to-train scene id such as `20180607T184326_dmi_prep.nc`.
    public static func month(ofSceneID sceneID: String) throws -> Int {
        let stamp = String(sceneID.prefix(15))
        guard isTimestamp(stamp) else {
            throw SeaIceError.invalidInput(file: sceneID, item: "scene_id",
                                           expected: "a name starting with YYYYMMDDTHHMMSS")
        }
        return Int(stamp.dropFirst(4).prefix(2))!
    }

    /// Whether `s` is `YYYYMMDDTHHMMSS` with a month in 1 … 12.
    static func isTimestamp(_ s: String) -> Bool {
        let c = Array(s)
        guard c.count == 15, c[8] == "T" else { return false }
        for (i, ch) in c.enumerated() where i != 8 { if !ch.isASCII || !ch.isNumber { return false } }
        guard let month = Int(String(c[4..<6])) else { return false }
        return (1...12).contains(month)
    }
}
