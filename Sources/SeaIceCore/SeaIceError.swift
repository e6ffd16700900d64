import Foundation

/// An error from bad input or a failed native call, phrased for the person running the tool.
///
/// Every case names the file (or object) concerned and what was expected, so that a message
/// such as "scene.nc: variable `nersc_sar_primary`: expected 2 dimensions, found 3" can be
/// acted on without reading the code.
public enum SeaIceError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The input file is malformed: `file`, the `item` inside it (variable, tensor, XML element), what was expected.
    case invalidInput(file: String, item: String, expected: String)
    /// A required file or item is missing.
    case missing(file: String, item: String)
    /// A native library (libtorch, netCDF, GDAL) reported an error.
    case native(library: String, operation: String, message: String)
    /// The configuration is inconsistent.
    case configuration(String)
    /// An I/O failure while reading or writing `file`.
    case io(file: String, message: String)

    public var description: String {
        switch self {
        case let .invalidInput(file, item, expected):
            return "\(file): \(item): expected \(expected)"
        case let .missing(file, item):
            return "\(file): missing \(item)"
        case let .native(library, operation, message):
            return "\(library) \(operation) failed: \(message)"
        case let .configuration(message):
            return "configuration: \(message)"
        case let .io(file, message):
            return "\(file): \(message)"
        }
    }

    public var errorDescription: String? { description }
}
