import SeaIceCore
import SeaIceNetCDF

/// The global attributes of a product: CF `Conventions`, `title`, `institution`, `source`,
/// `history`, `references`, the simulated marker and any system-specific extras.
///
/// Simulated products say so twice: `simulated = "true"` (the one spelling every writer uses) and a
/// `comment` that starts "SIMULATED INPUT" (DESIGN.md, "Simulated scenes"); real ones carry
/// `simulated = "false"` and no comment. Reading accepts the old spellings (`yes`/`no`, `1`/`0`, any case)
/// through SeaIceNetCDF's `SimulationMarkers`.
public struct ProductGlobals: Sendable, Equatable {
    /// The CF version every product declares.
    public static let conventions = "CF-1.8"
    /// The comment of simulated products.
    public static let simulatedComment =
        "SIMULATED INPUT: made from SeaIceKit's scene simulator, not from real satellite data."

    /// CF title.
    public var title: String
    /// CF institution.
    public var institution: String
    /// CF source: the model and its inputs.
    public var source: String
    /// CF history: when and by which command the file was made.
    public var history: String
    /// CF references, nil for none.
    public var references: String?
    /// Whether any input was simulated.
    public var simulated: Bool
    /// Further attributes (e.g. `scene_id`, `pixel_spacing`), by name; written sorted by name.
    public var extra: [String: NetCDFAttribute]

    /// Global attributes.
    public init(
        title: String, institution: String = "SeaIceKit", source: String, history: String,
        references: String? = nil, simulated: Bool, extra: [String: NetCDFAttribute] = [:]
    ) {
        self.title = title
        self.institution = institution
        self.source = source
        self.history = history
        self.references = references
        self.simulated = simulated
        self.extra = extra
    }

    static let reserved: Set<String> = [
        "Conventions", "title", "institution", "source", "history", "references",
        "simulated", "comment",
    ]

    /// The attributes in writing order.
    public func encode() -> [CFAttribute] {
        precondition(
            Self.reserved.isDisjoint(with: extra.keys), "extra global attributes \(extra.keys) reuse reserved names")
        var out = [
            CFAttribute("Conventions", .text(Self.conventions)), CFAttribute("title", .text(title)),
            CFAttribute("institution", .text(institution)), CFAttribute("source", .text(source)),
            CFAttribute("history", .text(history)),
        ]
        if let references { out.append(CFAttribute("references", .text(references))) }
        out += extra.sorted { $0.key < $1.key }.map { CFAttribute($0.key, $0.value) }
        out.append(CFAttribute("simulated", .text(SimulationMarkers.text(simulated))))
        if simulated { out.append(CFAttribute("comment", .text(Self.simulatedComment))) }
        return out
    }

    /// The globals of `dataset`.
    /// - Throws: `SeaIceError` naming the file when a required attribute is missing or the
    ///   simulated marker is none of the spellings `SimulationMarkers.saysYes`/`saysNo` know.
    public init(decoding dataset: CFDataset) throws {
        func text(_ name: String) throws -> String {
            guard let t = dataset.attribute(name)?.text else {
                throw SeaIceError.missing(file: dataset.source, item: "global text attribute `\(name)`")
            }
            return t
        }
        let marker = try text("simulated")
        guard SimulationMarkers.saysYes(.text(marker)) || SimulationMarkers.saysNo(.text(marker)) else {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "global attribute `simulated`",
                expected: "true or false (or yes/no, 1/0), found \(marker)")
        }
        var extra: [String: NetCDFAttribute] = [:]
        for a in dataset.attributes where !Self.reserved.contains(a.name) { extra[a.name] = a.value }
        self.init(
            title: try text("title"), institution: try text("institution"), source: try text("source"),
            history: try text("history"), references: dataset.attribute("references")?.text,
            simulated: SimulationMarkers.saysYes(.text(marker)), extra: extra)
    }
}
