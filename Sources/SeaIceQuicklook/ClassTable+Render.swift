@_exported import SeaIceClasses

/// Drawing class maps with a table's colours (the tables themselves live in SeaIceClasses, which
/// this module re-exports so that `RGB` and `ClassTable` come with `import SeaIceQuicklook`).
extension ClassTable {
    /// Renders a row-major class map of `width × height` codes; the fill code and codes not in the
    /// table get `fillColor`.
    public func render(_ classes: [UInt8], width: Int, height: Int) -> RGBImage {
        precondition(
            classes.count == width * height, "class map has \(classes.count) values, expected \(width) × \(height)")
        let lut = colorLookup
        var image = RGBImage(width: width, height: height)
        for k in classes.indices {
            let c = lut[Int(classes[k])]
            image.pixels[3 * k] = c.r
            image.pixels[3 * k + 1] = c.g
            image.pixels[3 * k + 2] = c.b
        }
        return image
    }
}
