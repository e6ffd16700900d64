import SeaIceCore
import SeaIceNetCDF

/// The auxiliary input groups of an AI4Arctic scene that an analysis-ready scene may lack.
///
/// `seaice preprocess` without `--amsr2`/`--era5` writes `amsr2_available = "no"` and
/// `era5_available = "no"` global attributes; readers then accept the scene without those
/// variables, and models that need them refuse it with `AI4ArcticFile.requireVariables`.
public enum AI4ArcticAuxiliaryInput: String, Sendable, Hashable, CaseIterable, Codable {
    /// AMSR2 brightness temperatures (`btemp_*`, K) on the 2 km grid.
    case amsr2
    /// ERA5 weather fields on the 2 km grid.
    case era5

    /// The global attribute that declares the group available ("yes") or absent ("no").
    public var attribute: String { "\(rawValue)_available" }

    /// The variables of the group.
    public var variables: [String] {
        switch self {
        case .amsr2: return AI4ArcticSchema.amsr2Variables
        case .era5: return AI4ArcticSchema.era5Variables
        }
    }

    /// The groups `file` declares absent; a value other than yes/no is an error naming the attribute.
    static func declaredAbsent(in file: NetCDFFile) throws -> Set<AI4ArcticAuxiliaryInput> {
        var absent: Set<AI4ArcticAuxiliaryInput> = []
        for input in allCases {
            guard let value = try file.attribute(input.attribute) else { continue }
            switch value.text?.lowercased() {
            case "no", "false": absent.insert(input)
            case "yes", "true": break
            default:
                throw SeaIceError.invalidInput(file: file.path, item: "global attribute `\(input.attribute)`", expected: "\"yes\" or \"no\"")
            }
        }
        return absent
    }
}
