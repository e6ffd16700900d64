import SeaIceClasses

/// The `status_flag` of the daily concentration product: one exclusive code per cell (CF `flag_values` /
/// `flag_meanings`), the first that applies in this order.
public enum PMStatusFlag: UInt8, Sendable, CaseIterable {
    /// A concentration from the algorithm.
    case nominal = 0
    /// Land (NSIDC `gsfc_25n.msk`), no concentration.
    case land = 1
    /// Inside the chosen NSIDC pole hole (`pole_n.msk`), no concentration.
    case poleHole = 2
    /// No swath sample (or gridded value) reached the cell this day: missing, never 0 %.
    case noObservation = 3
    /// Observed, but a required brightness temperature was fill or outside 50…350 K: masked.
    case invalidBrightnessTemperature = 4
    /// The algorithm could not retrieve.
    case retrievalFailed = 5
    /// The algorithm's weather filter set the concentration to 0.
    case weatherFiltered = 6

    /// The class table behind the CF flags (and the GeoTIFF/PNG colours).
    public static let table = ClassTable(
        variable: "status_flag", longName: "status flag of the ice concentration retrieval",
        entries: [
            .init(0, "nominal", label: "nominal retrieval", color: RGB(30, 100, 200)),
            .init(1, "land", label: "land", color: RGB(150, 150, 150)),
            .init(2, "pole_hole", label: "pole hole", color: RGB(90, 90, 90)),
            .init(3, "no_observation", label: "no observation this day", color: RGB(0, 0, 0)),
            .init(4, "invalid_brightness_temperature", label: "brightness temperature outside 50-350 K or fill",
                  color: RGB(200, 0, 200)),
            .init(5, "retrieval_failed", label: "retrieval failed", color: RGB(220, 60, 30)),
            .init(6, "weather_filtered", label: "set to 0 by the weather filter", color: RGB(120, 200, 255)),
        ])
}
