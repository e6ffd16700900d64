/// The AI4Arctic / AutoICE label classes: SIC tenths, SOD stages and FLOE forms.
///
/// Source: ../shared/specs/ai4arctic.md, "Ice chart → SIC / SOD / FLOE classes" (the AutoICE
/// challenge definitions, starter pack `utils.GROUP_NAMES` for the report labels).
/// Colours: SOD in the WMO stage-of-development colours; FLOE a sequential palette (the WMO has
/// no floe colour code); SIC in the WMO total-concentration colour code (JCOMM/WMO "Ice chart
/// colour code standard", WMO/TD-No. 1215), whose groups (1–3/10 green, 4–6/10 yellow, 7–8/10
/// orange, 9–10/10 red) keep their hue while each tenth gets its own lightness, so that no two
/// tenths share a colour (issue 16: 2/10 and 3/10, 4–6/10 and 9–10/10 were indistinguishable).
extension ClassTable {
    /// SIC classes 0…10: concentration in tenths (class × 10 %).
    public static let sic = ClassTable(
        variable: "SIC", longName: "sea ice concentration in tenths",
        entries: [
            Entry(0, "ice_free", label: "0 %", legend: "0/10 ice free", color: RGB(150, 200, 255)),
            Entry(1, "1_tenth", label: "10 %", legend: "1/10", color: RGB(190, 255, 200)),
            Entry(2, "2_tenths", label: "20 %", legend: "2/10", color: RGB(140, 255, 160)),
            Entry(3, "3_tenths", label: "30 %", legend: "3/10", color: RGB(90, 225, 110)),
            Entry(4, "4_tenths", label: "40 %", legend: "4/10", color: RGB(255, 255, 150)),
            Entry(5, "5_tenths", label: "50 %", legend: "5/10", color: RGB(255, 255, 0)),
            Entry(6, "6_tenths", label: "60 %", legend: "6/10", color: RGB(225, 205, 0)),
            Entry(7, "7_tenths", label: "70 %", legend: "7/10", color: RGB(255, 160, 60)),
            Entry(8, "8_tenths", label: "80 %", legend: "8/10", color: RGB(255, 110, 0)),
            Entry(9, "9_tenths", label: "90 %", legend: "9/10", color: RGB(255, 40, 40)),
            Entry(10, "10_tenths", label: "100 %", legend: "10/10", color: RGB(150, 0, 0)),
        ])

    /// Stage of development, 6 classes.
    public static let sod = ClassTable(
        variable: "SOD", longName: "stage of development",
        entries: [
            Entry(0, "open_water", label: "open water", color: RGB(150, 200, 255)),
            Entry(1, "new_ice", label: "new ice", color: RGB(240, 210, 250)),
            Entry(2, "young_ice", label: "young ice", color: RGB(170, 40, 240)),
            Entry(3, "thin_first_year_ice", label: "thin first-year ice", color: RGB(155, 210, 0)),
            Entry(4, "thick_first_year_ice", label: "thick first-year ice", color: RGB(0, 120, 0)),
            Entry(5, "old_ice", label: "old ice", color: RGB(180, 100, 50)),
        ])

    /// Floe size (form of ice), 7 classes.
    public static let floe = ClassTable(
        variable: "FLOE", longName: "floe size",
        entries: [
            Entry(0, "open_water", label: "open water", color: RGB(150, 200, 255)),
            Entry(1, "cake_ice", label: "cake ice", legend: "cake", color: RGB(255, 245, 200)),
            Entry(2, "small_floe", label: "small floe", color: RGB(255, 210, 130)),
            Entry(3, "medium_floe", label: "medium floe", color: RGB(250, 160, 70)),
            Entry(4, "big_floe", label: "big floe", color: RGB(220, 90, 40)),
            Entry(5, "vast_floe", label: "vast floe", color: RGB(150, 40, 30)),
            Entry(6, "icebergs", label: "bergs", color: RGB(90, 90, 200)),
        ])
}
