/// Polarisation channels and geolocation tie points shared by every SAR product reader (Sentinel-1, RCM).

/// Polarisation channels of a dual-pol SAR product (Sentinel-1 GRD, RCM GRD).
public enum Polarisation: String, Codable, Sendable, CaseIterable {
    /// Horizontal transmit, horizontal receive (EW sea-ice primary channel).
    case hh = "HH"
    /// Horizontal transmit, vertical receive (EW sea-ice secondary channel).
    case hv = "HV"
    /// Vertical transmit, vertical receive.
    case vv = "VV"
    /// Vertical transmit, horizontal receive.
    case vh = "VH"

    /// Whether transmit and receive differ (HV, VH): the noise-limited channel.
    public var isCrossPolarised: Bool { self == .hv || self == .vh }
}

/// One geolocation tie point (pixel and line in full-resolution image coordinates): a Sentinel-1 `geolocationGridPoint`
/// or an RCM `imageTiePoint` with its incidence and elevation angles.
public struct GeolocationPoint: Sendable, Equatable {
    /// Image line (row, azimuth) of the point.
    public var line: Double
    /// Image pixel (column, range) of the point.
    public var pixel: Double
    /// Geodetic latitude, degrees north.
    public var latitude: Double
    /// Geodetic longitude, degrees east.
    public var longitude: Double
    /// Height above the ellipsoid, metres.
    public var height: Double
    /// Incidence angle, degrees.
    public var incidenceAngle: Double
    /// Elevation (look) angle, degrees.
    public var elevationAngle: Double

    /// A tie point from its coordinates (image line/pixel, degrees, metres).
    public init(line: Double, pixel: Double, latitude: Double, longitude: Double, height: Double,
                incidenceAngle: Double, elevationAngle: Double) {
        self.line = line; self.pixel = pixel; self.latitude = latitude; self.longitude = longitude
        self.height = height; self.incidenceAngle = incidenceAngle; self.elevationAngle = elevationAngle
    }
}
