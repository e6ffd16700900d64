import SeaIceCore
import SeaIceNetCDF

/// A continuous physical variable on the grid (concentration, thickness, uncertainty): units,
/// standard name, valid range and a fill value, stored as float or as a packed integer.
///
/// Value: `height × width` floats, row-major, NaN = no data. Packed storage writes
/// `round((v − offset) / scale)` with CF `scale_factor`/`add_offset` (omitted when 1 and 0) and the
/// valid range in the packed type (CF §8.1); decoding computes `stored · scale + offset`, so values
/// on the packing grid come back exactly.
public struct ContinuousCoder: CFCoder {
    /// How the values are stored.
    public enum Storage: Sendable, Equatable {
        /// `float`, fill NaN.
        case float32
        /// `ubyte` with `scale`/`offset` and a fill byte (e.g. percent 0…100, fill 255).
        case uint8(scale: Double = 1, offset: Double = 0, fill: UInt8 = 255)
        /// `short` with `scale`/`offset` and a fill value.
        case int16(scale: Double, offset: Double = 0, fill: Int16 = .min)
    }

    /// Variable name, e.g. "SIC".
    public var name: String
    /// CF standard name, e.g. "sea_ice_area_fraction"; nil when CF has none.
    public var standardName: String?
    /// CF long name.
    public var longName: String
    /// UDUNITS units, e.g. "%" or "1".
    public var units: String
    /// Physical valid range, written in the stored type; nil for none.
    public var validRange: ClosedRange<Double>?
    /// Storage.
    public var storage: Storage
    /// Optional CF comment.
    public var comment: String?
    /// ACDD `coverage_content_type` (ISO 19115-1 code): "modelResult" for predictions, "qualityInformation"
    /// for uncertainties, "physicalMeasurement" for measured values.
    public var coverageContentType: String

    /// A coder.
    public init(
        name: String, standardName: String? = nil, longName: String, units: String,
        validRange: ClosedRange<Double>? = nil, storage: Storage = .float32, comment: String? = nil,
        coverageContentType: String = "modelResult"
    ) {
        self.name = name
        self.standardName = standardName
        self.longName = longName
        self.units = units
        self.validRange = validRange
        self.storage = storage
        self.comment = comment
        self.coverageContentType = coverageContentType
    }

    /// The uncertainty (one standard deviation, float, same units) of `base`: CF standard-name
    /// modifier `standard_error`, named `<base>_uncertainty` unless `name` is given.
    public static func uncertainty(of base: ContinuousCoder, name: String? = nil) -> ContinuousCoder {
        ContinuousCoder(
            name: name ?? "\(base.name)_uncertainty", standardName: base.standardName.map { "\($0) standard_error" },
            longName: "uncertainty of the \(base.longName)", units: base.units,
            coverageContentType: "qualityInformation")
    }

    /// Encodes `values` (NaN = no data) as `name(y, x)`.
    public func encode(_ values: [Float], on grid: ProductGrid) throws -> CFEncoded {
        precondition(
            values.count == grid.count, "\(name) has \(values.count) values, grid \(grid.height) × \(grid.width)")
        var attributes: [CFAttribute] = standardName.map { [CFAttribute("standard_name", .text($0))] } ?? []
        attributes += [CFAttribute("long_name", .text(longName)), CFAttribute("units", .text(units))]
        let stored: CFValues
        let fill: Double
        switch storage {
        case .float32:
            stored = .float(values)
            fill = .nan
            if let r = validRange {
                attributes.append(CFAttribute("valid_range", .floats([Float(r.lowerBound), Float(r.upperBound)])))
            }
        case .uint8(let scale, let offset, let fillByte):
            stored = .ubyte(try pack(values, scale: scale, offset: offset, fill: fillByte))
            fill = Double(fillByte)
            attributes += packing(scale: scale, offset: offset)
            if let r = validRange {
                attributes.append(CFAttribute("valid_range", .ubytes(try pack(r, scale, offset, fillByte))))
            }
        case .int16(let scale, let offset, let fillShort):
            stored = .short(try pack(values, scale: scale, offset: offset, fill: fillShort))
            fill = Double(fillShort)
            attributes += packing(scale: scale, offset: offset)
            if let r = validRange {
                attributes.append(CFAttribute("valid_range", .shorts(try pack(r, scale, offset, fillShort))))
            }
        }
        if let comment { attributes.append(CFAttribute("comment", .text(comment))) }
        attributes.append(CFAttribute("coverage_content_type", .text(coverageContentType)))
        let v = CFVariable(
            name, dimensions: grid.rasterDimensions, values: stored, fillValue: fill,
            attributes: attributes + grid.links)
        return CFEncoded(dimensions: [], variables: [v])
    }

    /// The floats back (fill → NaN, packed values unpacked).
    public func decode(from dataset: CFDataset) throws -> [Float] {
        switch storage {
        case .float32:
            let v = try dataset.variable(name, dimensions: dataset.rasterDimensions, type: .float)
            try dataset.expect("units", of: v, .text(units))
            return v.values?.floats ?? []
        case .uint8(let scale, let offset, let fill):
            let v = try dataset.variable(name, dimensions: dataset.rasterDimensions, type: .ubyte)
            try dataset.expect("units", of: v, .text(units))
            guard case .ubyte(let stored)? = v.values else { return [] }
            return stored.map { $0 == fill ? .nan : Float(Double($0) * scale + offset) }
        case .int16(let scale, let offset, let fill):
            let v = try dataset.variable(name, dimensions: dataset.rasterDimensions, type: .short)
            try dataset.expect("units", of: v, .text(units))
            guard case .short(let stored)? = v.values else { return [] }
            return stored.map { $0 == fill ? .nan : Float(Double($0) * scale + offset) }
        }
    }

    private func packing(scale: Double, offset: Double) -> [CFAttribute] {
        (scale == 1 ? [] : [CFAttribute("scale_factor", .floats([Float(scale)]))])
            + (offset == 0 ? [] : [CFAttribute("add_offset", .floats([Float(offset)]))])
    }

    private func pack<T: FixedWidthInteger>(_ range: ClosedRange<Double>, _ scale: Double, _ offset: Double, _ fill: T)
        throws -> [T]
    {
        try pack([Float(range.lowerBound), Float(range.upperBound)], scale: scale, offset: offset, fill: fill)
    }

    private func pack<T: FixedWidthInteger>(_ values: [Float], scale: Double, offset: Double, fill: T) throws -> [T] {
        let low = Double(T.min)
        let high = Double(T.max)
        var out = [T](repeating: fill, count: values.count)
        for (k, v) in values.enumerated() where !v.isNaN {
            let p = ((Double(v) - offset) / scale).rounded()
            guard p >= low, p <= high, T(p) != fill else {
                throw SeaIceError.invalidInput(
                    file: "product variable `\(name)`", item: "value \(v) at index \(k)",
                    expected: "a value that packs into \(T.self) without the fill \(fill) "
                        + "(scale \(scale), offset \(offset))")
            }
            out[k] = T(p)
        }
        return out
    }
}
