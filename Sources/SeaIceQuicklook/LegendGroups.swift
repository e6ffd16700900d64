import SeaIceClasses

/// Legend groups of the chart conventions that group classes: the WMO total-concentration colour
/// code (JCOMM/WMO "Ice chart colour code standard", WMO/TD-No. 1215) groups SIC tenths as ice free,
/// 1–3/10, 4–6/10, 7–8/10 and 9–10/10; inside a group each tenth keeps its own colour from the table.
public enum LegendGroups {
    /// The WMO total-concentration groups: (group name, codes in tenths).
    public static let wmoTotalConcentration: [(name: String, codes: [UInt8])] = [
        ("ice free", [0]), ("1–3/10", [1, 2, 3]), ("4–6/10", [4, 5, 6]), ("7–8/10", [7, 8]),
        ("9–10/10", [9, 10]),
    ]

    /// The grouped legend of `table` (swatches in the table's colours, labelled with their code),
    /// or nil when its convention has no groups. Tables are recognised by variable and codes: SIC
    /// in tenths 0…10.
    public static func groups(for table: ClassTable) -> [(name: String, items: [(RGB, String)])]? {
        guard table.variable == ClassTable.sic.variable, table.codes == Array(0...10) else { return nil }
        return wmoTotalConcentration.map { group in
            (group.name, group.codes.map { (table.color($0), "\($0)") })
        }
    }
}
