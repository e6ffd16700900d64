import SeaIceCore
import SeaIceNetCDF

/// A grid in satellite geometry, optionally located by the latitude and longitude of every pixel
/// centre (written as the CF auxiliary coordinates `lat(y, x)` and `lon(y, x)`, float, degrees).
public struct SwathGrid: Sendable, Equatable {
    /// Number of lines.
    public var height: Int
    /// Number of samples per line.
    public var width: Int
    /// Latitude of each pixel centre, degrees north, row-major `height × width`.
    public var latitude: [Float]?
    /// Longitude of each pixel centre, degrees east, row-major `height × width`.
    public var longitude: [Float]?

    /// A grid; latitude and longitude come together or not at all.
    public init(height: Int, width: Int, latitude: [Float]? = nil, longitude: [Float]? = nil) {
        precondition(height > 0 && width > 0, "a swath grid of \(height) × \(width)")
        precondition((latitude == nil) == (longitude == nil), "latitude and longitude come together")
        precondition(
            latitude.map { $0.count == height * width } ?? true && longitude.map { $0.count == height * width } ?? true,
            "lat/lon must have \(height) × \(width) values, got \(latitude?.count ?? 0) and \(longitude?.count ?? 0)")
        self.height = height
        self.width = width
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Whether the grid carries latitude/longitude.
    public var hasGeolocation: Bool { latitude != nil && longitude != nil }

    static let axes = [("lat", "latitude", "degrees_north"), ("lon", "longitude", "degrees_east")]

    /// `lat` and `lon` when present.
    var coordinateVariables: [CFVariable] {
        guard let latitude, let longitude else { return [] }
        return zip(Self.axes, [latitude, longitude]).map { axis, values in
            CFVariable(
                axis.0, dimensions: ProductGrid.dimensions, values: .float(values),
                attributes: [
                    CFAttribute("standard_name", .text(axis.1)), CFAttribute("long_name", .text(axis.1)),
                    CFAttribute("units", .text(axis.2)),
                ])
        }
    }

    /// The grid of `dataset` (`lat`/`lon` read when both exist).
    init(decoding dataset: CFDataset, height: Int, width: Int) throws {
        guard dataset.has("lat"), dataset.has("lon") else {
            self.init(height: height, width: width)
            return
        }
        var planes: [[Float]] = []
        for (name, standardName, _) in Self.axes {
            let v = try dataset.variable(name, dimensions: ProductGrid.dimensions, type: .float)
            try dataset.expect("standard_name", of: v, .text(standardName))
            planes.append(v.values?.floats ?? [])
        }
        self.init(height: height, width: width, latitude: planes[0], longitude: planes[1])
    }
}
