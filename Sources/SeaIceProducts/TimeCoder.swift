import Foundation
import SeaIceCore
import SeaIceNetCDF

/// The acquisition time of a product: a length-1 CF `time` coordinate (double, seconds since
/// 1970-01-01 UTC, the middle of the interval) with `bounds = "time_bnds"` and `time_bnds(time, nv)`
/// holding the start and end, so that xarray's `open_mfdataset` can stack scenes along `time`.
///
/// Value: the interval. The raster variables stay over (y, x) and do not name `time` (a product is one
/// scene; `xarray.open_mfdataset(..., combine="nested", concat_dim="time")` stacks them); the ACDD
/// `time_coverage_start`/`_end` globals are `ProductGlobals.timeCoverage`.
public struct TimeCoder: CFCoder {
    /// The coordinate's name (also its dimension).
    public var name = "time"
    /// The bounds variable's name.
    public var boundsName = "time_bnds"
    /// The CF time units.
    public static let units = "seconds since 1970-01-01 00:00:00"

    /// A coder.
    public init() {}

    /// Encodes `interval` (start ≤ end) as `time(time)` and `time_bnds(time, nv)`.
    public func encode(_ interval: DateInterval, on grid: ProductGrid) throws -> CFEncoded {
        let start = interval.start.timeIntervalSince1970
        let end = interval.end.timeIntervalSince1970
        let time = CFVariable(
            name, dimensions: [name], values: .double([(start + end) / 2]),
            attributes: [
                CFAttribute("standard_name", .text("time")), CFAttribute("long_name", .text("acquisition time")),
                CFAttribute("units", .text(Self.units)), CFAttribute("calendar", .text("standard")),
                CFAttribute("axis", .text("T")), CFAttribute("bounds", .text(boundsName)),
            ])
        let bounds = CFVariable(boundsName, dimensions: [name, "nv"], values: .double([start, end]), attributes: [])
        return CFEncoded(
            dimensions: [CFDimension(name, length: 1), CFDimension("nv", length: 2)], variables: [time, bounds])
    }

    /// The interval back from `time_bnds`; `time` must be its middle.
    public func decode(from dataset: CFDataset) throws -> DateInterval {
        let time = try dataset.variable(name, dimensions: [name], type: .double)
        try dataset.expect("units", of: time, .text(Self.units))
        let bounds = try dataset.variable(boundsName, dimensions: [name, "nv"], type: .double)
        guard let b = bounds.values?.doubles, b.count == 2, b[0] <= b[1], let t = time.values?.doubles,
            t == [(b[0] + b[1]) / 2]
        else {
            throw SeaIceError.invalidInput(
                file: dataset.source, item: "variables `\(name)` and `\(boundsName)`",
                expected: "one time at the middle of its [start, end] bounds")
        }
        return DateInterval(
            start: Date(timeIntervalSince1970: b[0]), end: Date(timeIntervalSince1970: b[1]))
    }
}
