import Foundation

/// North polar stereographic projection on an ellipsoid (Snyder 1987, *Map Projections — A Working Manual*,
/// USGS PP 1395, eqs. 21-33 … 21-40 and 7-9 for the inverse series), metres ↔ degrees.
///
/// `x = ρ sin(λ − λ₀) + FE`, `y = −ρ cos(λ − λ₀) + FN`; the scale is true at `standardParallel` (90° gives
/// scale factor 1 at the pole). Used for the NSIDC grid (EPSG:3411), EPSG:3413 and the 25 km map of
/// `nansat/arctic.nc`, and as the pole-safe plane in which the simulated weather's noise lives.
public struct PolarStereographic: Sendable, Equatable {
    /// Semi-major axis (m) and squared eccentricity of the ellipsoid.
    public let semiMajorAxis: Double, eccentricitySquared: Double
    /// Latitude of true scale (°N) and longitude pointing down the y axis (°E).
    public let standardParallel: Double, centralMeridian: Double
    /// False easting and northing, m.
    public let falseEasting: Double, falseNorthing: Double

    /// A projection; `standardParallel` in (0, 90].
    public init(
        semiMajorAxis: Double, eccentricitySquared: Double, standardParallel: Double,
        centralMeridian: Double, falseEasting: Double = 0, falseNorthing: Double = 0
    ) {
        precondition(standardParallel > 0 && standardParallel <= 90, "standard parallel \(standardParallel)")
        self.semiMajorAxis = semiMajorAxis
        self.eccentricitySquared = eccentricitySquared
        self.standardParallel = standardParallel
        self.centralMeridian = centralMeridian
        self.falseEasting = falseEasting
        self.falseNorthing = falseNorthing
    }

    /// EPSG:3411, NSIDC Sea Ice Polar Stereographic North on the Hughes 1980 ellipsoid (a 6378273 m,
    /// b 6356889.449 m), true at 70° N, 45° W down: the grid of NSIDC-0051/0081/0802.
    public static let epsg3411 = PolarStereographic(
        semiMajorAxis: 6_378_273, eccentricitySquared: 1 - pow(6_356_889.449 / 6_378_273, 2),
        standardParallel: 70, centralMeridian: -45)
    /// EPSG:3413, the same on WGS 84.
    public static let epsg3413 = PolarStereographic(
        semiMajorAxis: 6_378_137, eccentricitySquared: wgs84EccentricitySquared, standardParallel: 70,
        centralMeridian: -45)
    /// WGS 84 e² (1/f = 298.257223563).
    static let wgs84EccentricitySquared = {
        let f = 1 / 298.257223563
        return f * (2 - f)
    }()

    var e: Double { eccentricitySquared.squareRoot() }

    func t(_ phi: Double) -> Double {
        let s = e * sin(phi)
        return tan(.pi / 4 - phi / 2) / pow((1 - s) / (1 + s), e / 2)
    }

    /// ρ = `radiusScale` · t (Snyder 21-33 / 21-34).
    var radiusScale: Double {
        let a = semiMajorAxis
        if standardParallel >= 90 { return 2 * a / ((pow(1 + e, 1 + e) * pow(1 - e, 1 - e)).squareRoot()) }
        let pc = standardParallel * .pi / 180
        let mc = cos(pc) / (1 - eccentricitySquared * sin(pc) * sin(pc)).squareRoot()
        return a * mc / t(pc)
    }

    /// Projected (x, y) in metres of a latitude/longitude in degrees.
    public func forward(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let rho = radiusScale * t(latitude * .pi / 180)
        let dl = (longitude - centralMeridian) * .pi / 180
        return (rho * sin(dl) + falseEasting, -rho * cos(dl) + falseNorthing)
    }

    /// Latitude and longitude (degrees, longitude in (−180, 180]) of projected (x, y) metres.
    public func inverse(x: Double, y: Double) -> (latitude: Double, longitude: Double) {
        let dx = x - falseEasting
        let dy = y - falseNorthing
        let rho = (dx * dx + dy * dy).squareRoot()
        let chi = .pi / 2 - 2 * atan(rho / radiusScale)
        let e2 = eccentricitySquared
        let e4 = e2 * e2
        let e6 = e4 * e2
        let e8 = e4 * e4
        let phi =
            chi + (e2 / 2 + 5 * e4 / 24 + e6 / 12 + 13 * e8 / 360) * sin(2 * chi)
            + (7 * e4 / 48 + 29 * e6 / 240 + 811 * e8 / 11520) * sin(4 * chi)
            + (7 * e6 / 120 + 81 * e8 / 1120) * sin(6 * chi) + (4279 * e8 / 161_280) * sin(8 * chi)
        var lon = centralMeridian + atan2(dx, -dy) * 180 / .pi
        if lon > 180 { lon -= 360 } else if lon <= -180 { lon += 360 }
        return (phi * 180 / .pi, lon)
    }
}
