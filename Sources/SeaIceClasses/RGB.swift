/// An 8-bit sRGB colour: the colour of a class in every picture, palette and legend.
///
/// Lives beside the class tables (not in SeaIceQuicklook) so that product writers and reports that
/// draw nothing can still hand a class's colour to a GeoTIFF colour table.
public struct RGB: Sendable, Equatable, Hashable, Codable {
    /// Red, green, blue, 0…255.
    public var r: UInt8, g: UInt8, b: UInt8

    /// A colour from its three components.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// A grey level.
    public init(gray v: UInt8) { self.init(v, v, v) }

    /// White.
    public static let white = RGB(255, 255, 255)
    /// Black.
    public static let black = RGB(0, 0, 0)
}
