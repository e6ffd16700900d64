@preconcurrency import CGDAL
import Foundation

/// Process-wide GDAL state: driver registration and version.
public enum GDALLibrary {
    private static let registration: Void = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
    }()

    /// Registers all GDAL/OGR drivers once per process (idempotent, thread-safe).
    public static func ensureRegistered() { _ = registration }

    /// The GDAL release name, e.g. "3.6.2".
    public static var version: String {
        String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    /// The message of GDAL's last error on this thread ("" when none).
    public static var lastErrorMessage: String {
        guard let msg = CPLGetLastErrorMsg() else { return "" }
        return String(cString: msg)
    }

    /// Whether a driver of this short name (e.g. "GTiff", "GPKG", "PNG") is available.
    public static func hasDriver(_ name: String) -> Bool {
        ensureRegistered()
        return GDALGetDriverByName(name) != nil
    }
}
