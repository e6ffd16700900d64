import SeaIceClasses

/// An 8-bit RGB raster, row-major, pixels interleaved (R, G, B) — the canvas of every quick-look.
public struct RGBImage: Sendable, Equatable {
    /// Size in pixels.
    public let width: Int, height: Int
    /// `width × height × 3` bytes, row-major, interleaved RGB.
    public var pixels: [UInt8]

    /// A `width × height` image filled with `color`.
    public init(width: Int, height: Int, color: RGB = .white) {
        precondition(width >= 0 && height >= 0, "negative image size \(width) × \(height)")
        self.width = width; self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        fill(color)
    }

    /// The colour at (x, y).
    public func color(x: Int, y: Int) -> RGB {
        let k = (y * width + x) * 3
        return RGB(pixels[k], pixels[k + 1], pixels[k + 2])
    }

    /// Sets (x, y) to `c`; points outside the image are ignored.
    public mutating func set(x: Int, y: Int, _ c: RGB) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let k = (y * width + x) * 3
        pixels[k] = c.r; pixels[k + 1] = c.g; pixels[k + 2] = c.b
    }

    /// Fills the whole image.
    public mutating func fill(_ c: RGB) { fillRect(x: 0, y: 0, width: width, height: height, c) }

    /// Fills a rectangle (clipped to the image).
    public mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, _ c: RGB) {
        for yy in max(0, y)..<min(height, y + h) where w > 0 {
            for xx in max(0, x)..<min(width, x + w) {
                let k = (yy * width + xx) * 3
                pixels[k] = c.r; pixels[k + 1] = c.g; pixels[k + 2] = c.b
            }
        }
    }

    /// Draws a one-pixel rectangle outline.
    public mutating func strokeRect(x: Int, y: Int, width w: Int, height h: Int, _ c: RGB) {
        fillRect(x: x, y: y, width: w, height: 1, c)
        fillRect(x: x, y: y + h - 1, width: w, height: 1, c)
        fillRect(x: x, y: y, width: 1, height: h, c)
        fillRect(x: x + w - 1, y: y, width: 1, height: h, c)
    }

    /// Copies `image` with its top-left corner at (x, y) (clipped).
    public mutating func draw(_ image: RGBImage, x: Int, y: Int) {
        for yy in 0..<image.height where y + yy >= 0 && y + yy < height {
            for xx in 0..<image.width where x + xx >= 0 && x + xx < width {
                let s = (yy * image.width + xx) * 3, d = ((y + yy) * width + x + xx) * 3
                pixels[d] = image.pixels[s]; pixels[d + 1] = image.pixels[s + 1]; pixels[d + 2] = image.pixels[s + 2]
            }
        }
    }
}
