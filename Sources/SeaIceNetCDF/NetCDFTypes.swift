import CNetCDF

/// The external (on-disk) type of a netCDF variable or attribute.
public enum NetCDFType: Int32, Sendable, CaseIterable, Codable {
    case byte = 1, char = 2, short = 3, int = 4, float = 5, double = 6
    case ubyte = 7, ushort = 8, uint = 9, int64 = 10, uint64 = 11, string = 12

    /// The netCDF-C type code (`NC_BYTE` …).
    public var code: nc_type { nc_type(rawValue) }

    /// CDL-like name, e.g. "float", "ubyte".
    public var name: String { String(describing: self) }

    /// Whether values of this type can be read as numbers.
    public var isNumeric: Bool { self != .char && self != .string }
}

/// An attribute value (global or per variable).
public enum NetCDFAttribute: Equatable, Sendable {
    case text(String)
    case bytes([Int8])
    case ubytes([UInt8])
    case shorts([Int16])
    case ints([Int32])
    case int64s([Int64])
    case floats([Float])
    case doubles([Double])

    /// The value as text when it is text.
    public var text: String? { if case let .text(s) = self { return s } else { return nil } }

    /// The numeric values converted to Double (nil for text).
    public var doubles: [Double]? {
        switch self {
        case .text: return nil
        case let .bytes(v): return v.map(Double.init)
        case let .ubytes(v): return v.map(Double.init)
        case let .shorts(v): return v.map(Double.init)
        case let .ints(v): return v.map(Double.init)
        case let .int64s(v): return v.map(Double.init)
        case let .floats(v): return v.map(Double.init)
        case let .doubles(v): return v
        }
    }

    /// The first numeric value, if any.
    public var number: Double? { doubles?.first }
}

/// What a file says about one variable.
public struct NetCDFVariable: Equatable, Sendable {
    /// Variable name.
    public var name: String
    /// External type.
    public var type: NetCDFType
    /// Dimension names, slowest-varying first (C order).
    public var dimensions: [String]
    /// Length of each dimension, same order.
    public var shape: [Int]
    /// Describes a variable.
    public init(name: String, type: NetCDFType, dimensions: [String], shape: [Int]) {
        self.name = name
        self.type = type
        self.dimensions = dimensions
        self.shape = shape
    }

    /// Number of values (product of `shape`; 1 for a scalar).
    public var count: Int { shape.reduce(1, *) }
}

/// Swift scalar types that netCDF-C reads and writes directly (with conversion between numeric types).
public protocol NetCDFScalar: Sendable {
    /// The external type a variable of this Swift type is created with.
    static var netCDFType: NetCDFType { get }
    /// Calls the matching `nc_get_vara_*`.
    static func getVara(_ ncid: Int32, _ varid: Int32, _ start: UnsafePointer<Int>, _ count: UnsafePointer<Int>, _ out: UnsafeMutablePointer<Self>) -> Int32
    /// Calls the matching `nc_put_vara_*`.
    static func putVara(_ ncid: Int32, _ varid: Int32, _ start: UnsafePointer<Int>, _ count: UnsafePointer<Int>, _ values: UnsafePointer<Self>) -> Int32
    /// The zero value used to allocate buffers.
    static var zero: Self { get }
}

extension Float: NetCDFScalar {
    public static var netCDFType: NetCDFType { .float }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<Float>) -> Int32 { nc_get_vara_float(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<Float>) -> Int32 { nc_put_vara_float(n, v, s, c, x) }
}

extension Double: NetCDFScalar {
    public static var netCDFType: NetCDFType { .double }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<Double>) -> Int32 { nc_get_vara_double(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<Double>) -> Int32 { nc_put_vara_double(n, v, s, c, x) }
}

extension Int8: NetCDFScalar {
    public static var netCDFType: NetCDFType { .byte }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<Int8>) -> Int32 { nc_get_vara_schar(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<Int8>) -> Int32 { nc_put_vara_schar(n, v, s, c, x) }
}

extension UInt8: NetCDFScalar {
    public static var netCDFType: NetCDFType { .ubyte }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<UInt8>) -> Int32 { nc_get_vara_ubyte(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<UInt8>) -> Int32 { nc_put_vara_ubyte(n, v, s, c, x) }
}

extension Int16: NetCDFScalar {
    public static var netCDFType: NetCDFType { .short }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<Int16>) -> Int32 { nc_get_vara_short(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<Int16>) -> Int32 { nc_put_vara_short(n, v, s, c, x) }
}

extension UInt16: NetCDFScalar {
    public static var netCDFType: NetCDFType { .ushort }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<UInt16>) -> Int32 { nc_get_vara_ushort(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<UInt16>) -> Int32 { nc_put_vara_ushort(n, v, s, c, x) }
}

extension Int32: NetCDFScalar {
    public static var netCDFType: NetCDFType { .int }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<Int32>) -> Int32 { nc_get_vara_int(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<Int32>) -> Int32 { nc_put_vara_int(n, v, s, c, x) }
}

extension Int64: NetCDFScalar {
    public static var netCDFType: NetCDFType { .int64 }
    public static func getVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ o: UnsafeMutablePointer<Int64>) -> Int32 { nc_get_vara_longlong(n, v, s, c, o) }
    public static func putVara(_ n: Int32, _ v: Int32, _ s: UnsafePointer<Int>, _ c: UnsafePointer<Int>, _ x: UnsafePointer<Int64>) -> Int32 { nc_put_vara_longlong(n, v, s, c, x) }
}
