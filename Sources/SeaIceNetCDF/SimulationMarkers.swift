import Foundation

/// The global attributes by which a file says it was made from simulated data.
///
/// SeaIceKit's simulator and every product made from its scenes carry attributes such as
/// `simulated = "true"` or `simulator_seed = 2028`. One rule reads them everywhere (conversion,
/// prediction, evaluation): an attribute counts when its name contains "simulat" (any case) and
/// its value does not say no. Writers spell the marker one way, `simulated = "true"` (`text(_:)`);
/// readers accept the old spellings too (`yes`, `1`, `TRUE`, …).
public enum SimulationMarkers {
    /// The name of the marker every writer sets.
    public static let name = "simulated"
    /// The one spelling writers use: "true" for simulated, "false" otherwise.
    public static func text(_ simulated: Bool) -> String { simulated ? "true" : "false" }

    /// Text values that say "simulated" outright (compared lower-cased, trimmed): the written spelling
    /// "true" and the older "yes", "1", "y".
    static let positiveTexts: Set<String> = ["true", "yes", "1", "1.0", "y", "t"]

    /// Whether a marker's value says "simulated" in one of the known spellings ("true", "yes", "1", any
    /// case), or is a number other than 0.
    public static func saysYes(_ value: NetCDFAttribute) -> Bool {
        if let text = value.text {
            return positiveTexts.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
        }
        return value.doubles.map { !$0.isEmpty && $0.contains { $0 != 0 } } ?? false
    }

    /// Text values that say "not simulated" (compared lower-cased, trimmed).
    static let negativeTexts: Set<String> = ["", "no", "false", "0", "0.0", "none", "n", "f"]

    /// Whether a marker's value says "not simulated" ("no", "false", "0", …, or numbers that are all 0).
    public static func saysNo(_ value: NetCDFAttribute) -> Bool {
        if let text = value.text {
            return negativeTexts.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
        }
        return value.doubles?.allSatisfy { $0 == 0 } ?? false
    }

    /// Every global attribute of `file` whose name contains "simulat", sorted by name (whatever its value).
    public static func attributes(of file: NetCDFFile) throws -> [(name: String, value: NetCDFAttribute)] {
        try file.attributes().filter { $0.key.lowercased().contains("simulat") }
            .sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// The attributes of `file` that mark it simulated (name contains "simulat", value not negative).
    public static func markers(of file: NetCDFFile) throws -> [(name: String, value: NetCDFAttribute)] {
        try attributes(of: file).filter { !saysNo($0.value) }
    }
}
