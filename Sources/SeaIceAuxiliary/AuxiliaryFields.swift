/// One variable on the 2 km grid, ready to be written with its AI4Arctic name and unit.
public struct AuxiliaryField: Sendable, Equatable {
    /// AI4Arctic variable name, e.g. `btemp_18_7h`, `u10m_rotated`.
    public var name: String
    /// Physical unit (K, m/s, kg m-2).
    public var units: String
    /// Human-readable description (what it is and where it came from).
    public var longName: String
    /// Values, row-major (`2km_grid_lines`, `2km_grid_samples`); NaN = no data.
    public var values: [Double]

    /// A field.
    public init(name: String, units: String, longName: String, values: [Double]) {
        self.name = name; self.units = units; self.longName = longName; self.values = values
    }
}

/// The AMSR2 and ERA5 variables of one scene on its 2 km grid, with their provenance.
public struct AuxiliaryFields: Sendable {
    /// AMSR2 brightness temperatures (`btemp_*`, K), empty when no AMSR2 file was given.
    public var amsr2: [AuxiliaryField] = []
    /// ERA5 fields (`u10m_rotated`, `v10m_rotated`, `t2m`, `skt`, `tcwv`, `tclw`), empty when no ERA5 file was given.
    public var era5: [AuxiliaryField] = []
    /// Global attributes describing the sources (file names, chosen ERA5 time, resampling), in order.
    public var provenance: [(String, String)] = []

    /// No fields.
    public init() {}

    /// Every field, AMSR2 first.
    public var all: [AuxiliaryField] { amsr2 + era5 }
}
