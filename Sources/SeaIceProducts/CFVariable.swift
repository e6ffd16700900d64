import SeaIceNetCDF

/// The values of one netCDF variable as stored on disk (C order, first dimension slowest).
public enum CFValues: Sendable, Equatable {
    /// `ubyte` values (class maps, packed percentages).
    case ubyte([UInt8])
    /// `short` values (scaled physical values).
    case short([Int16])
    /// `int` values.
    case int([Int32])
    /// `float` values (probabilities, uncertainties, latitude/longitude).
    case float([Float])
    /// `double` values (projected coordinates in metres).
    case double([Double])

    /// The netCDF type these values are stored as.
    public var type: NetCDFType {
        switch self {
        case .ubyte: return .ubyte
        case .short: return .short
        case .int: return .int
        case .float: return .float
        case .double: return .double
        }
    }

    /// Number of values.
    public var count: Int {
        switch self {
        case .ubyte(let v): return v.count
        case .short(let v): return v.count
        case .int(let v): return v.count
        case .float(let v): return v.count
        case .double(let v): return v.count
        }
    }
}

/// A named attribute, in the order it is written.
public struct CFAttribute: Sendable, Equatable {
    /// Attribute name, e.g. "units".
    public var name: String
    /// Its value.
    public var value: NetCDFAttribute

    /// An attribute.
    public init(_ name: String, _ value: NetCDFAttribute) {
        self.name = name
        self.value = value
    }
}

/// A netCDF dimension: name and length.
public struct CFDimension: Sendable, Equatable {
    /// Name, e.g. "y" or "sod_class".
    public var name: String
    /// Length.
    public var length: Int

    /// A dimension.
    public init(_ name: String, length: Int) {
        self.name = name
        self.length = length
    }
}

/// One encoded netCDF variable: what a coder produces and what a reader returns.
public struct CFVariable: Sendable {
    /// Variable name.
    public var name: String
    /// Dimension names, slowest first (e.g. `["y", "x"]`, `["sod_class", "y", "x"]`; `[]` for a scalar).
    public var dimensions: [String]
    /// The stored values, or nil for a variable that only carries attributes (a CF grid mapping).
    public var values: CFValues?
    /// The type of a variable without values (the type of `values` otherwise).
    public var emptyType: NetCDFType
    /// `_FillValue` in the stored type, nil for the library default.
    public var fillValue: Double?
    /// Attributes other than `_FillValue`, in writing order.
    public var attributes: [CFAttribute]

    /// A variable with values.
    public init(
        _ name: String, dimensions: [String], values: CFValues, fillValue: Double? = nil, attributes: [CFAttribute]
    ) {
        self.name = name
        self.dimensions = dimensions
        self.values = values
        self.emptyType = values.type
        self.fillValue = fillValue
        self.attributes = attributes
    }

    /// A scalar variable without values that only carries attributes (e.g. the `crs` grid mapping).
    public init(container name: String, type: NetCDFType = .int, attributes: [CFAttribute]) {
        self.name = name
        self.dimensions = []
        self.values = nil
        self.emptyType = type
        self.fillValue = nil
        self.attributes = attributes
    }

    /// The stored type.
    public var type: NetCDFType { values?.type ?? emptyType }

    /// The attribute `name`, nil when absent.
    public func attribute(_ name: String) -> NetCDFAttribute? { attributes.first { $0.name == name }?.value }
}

/// What one coder adds to a product: the dimensions it needs and its variables.
public struct CFEncoded: Sendable {
    /// Dimensions (shared ones, such as the grid's `y`/`x`, may appear in several encodings).
    public var dimensions: [CFDimension]
    /// Variables in definition order.
    public var variables: [CFVariable]

    /// An encoding.
    public init(dimensions: [CFDimension], variables: [CFVariable]) {
        self.dimensions = dimensions
        self.variables = variables
    }
}
