/// Names of the AI4Arctic label classes, as written into CF `flag_values`/`flag_meanings`.
///
/// Source: ../shared/specs/ai4arctic.md, "Ice chart → SIC / SOD / FLOE classes" (the
/// AutoICE challenge definitions). CF flag meanings are single words joined by spaces.
public enum IceClassTable {
    /// Stage of development: 6 classes.
    public static let sod = ["open_water", "new_ice", "young_ice", "thin_first_year_ice", "thick_first_year_ice", "old_ice"]
    /// Floe size: 7 classes.
    public static let floe = ["open_water", "cake_ice", "small_floe", "medium_floe", "big_floe", "vast_floe", "icebergs"]
    /// SIC classes 0…10 are tenths of concentration (class × 10 %).
    public static let sicClassCount = 11
}
