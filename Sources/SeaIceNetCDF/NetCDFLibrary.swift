import CNetCDF

/// Facts about the netCDF-C library SeaIceKit is linked against.
public enum NetCDFLibrary {
    /// The library version string, e.g. "4.9.0 of ...".
    public static var version: String { String(cString: nc_inq_libvers()) }
}
