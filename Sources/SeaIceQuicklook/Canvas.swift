import CCairo
import Foundation

/// A vector drawing surface over cairo (an ARGB32 image surface) with text laid out by pango, so
/// labels are in any Unicode (σ⁰, °, ², lower case) in a real font (DejaVu Sans through fontconfig).
/// Owns its native handles and frees them in `deinit`; `image()` reads the pixels back as `RGBImage`.
/// Coordinates are pixels, origin top left, y down.
public final class Canvas {
    /// Horizontal placement of a text relative to its `x`.
    public enum Alignment: Sendable { case left, center, right }

    /// Size in pixels.
    public let width: Int, height: Int
    private let surface: OpaquePointer
    private let cr: OpaquePointer

    /// A `width × height` canvas filled with `background`.
    public init(width: Int, height: Int, background: RGB = .white) {
        precondition(width > 0 && height > 0, "canvas size \(width) × \(height) must be positive")
        self.width = width
        self.height = height
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        cr = cairo_create(surface)
        fillRect(x: 0, y: 0, width: Double(width), height: Double(height), background)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    private func setColor(_ c: RGB) {
        cairo_set_source_rgb(cr, Double(c.r) / 255, Double(c.g) / 255, Double(c.b) / 255)
    }

    /// Fills a rectangle.
    public func fillRect(x: Double, y: Double, width w: Double, height h: Double, _ c: RGB) {
        setColor(c)
        cairo_rectangle(cr, x, y, w, h)
        cairo_fill(cr)
    }

    /// Strokes a rectangle outline of `lineWidth` pixels centred on its edges.
    public func strokeRect(x: Double, y: Double, width w: Double, height h: Double, _ c: RGB, lineWidth: Double = 1) {
        setColor(c)
        cairo_set_line_width(cr, lineWidth)
        cairo_rectangle(cr, x, y, w, h)
        cairo_stroke(cr)
    }

    /// Strokes a polyline through `points` (x, y), closed when `closed`.
    public func strokePath(_ points: [(Double, Double)], _ c: RGB, lineWidth: Double = 1, closed: Bool = false) {
        guard let first = points.first else { return }
        setColor(c)
        cairo_set_line_width(cr, lineWidth)
        cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        if closed { cairo_close_path(cr) }
        cairo_stroke(cr)
    }

    /// Fills the polygon through `points` (x, y).
    public func fillPolygon(_ points: [(Double, Double)], _ c: RGB) {
        guard let first = points.first else { return }
        setColor(c)
        cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    /// Fills a circle.
    public func fillCircle(x: Double, y: Double, radius: Double, _ c: RGB) {
        setColor(c)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        cairo_fill(cr)
    }

    /// Copies `image` pixel for pixel with its top-left corner at (x, y), scaled by `scale`
    /// (nearest neighbour, so class maps keep exact table colours).
    public func draw(_ image: RGBImage, x: Double, y: Double, scale: Double = 1) {
        guard image.width > 0, image.height > 0 else { return }
        let source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))
        defer { cairo_surface_destroy(source) }
        cairo_surface_flush(source)
        let stride = Int(cairo_image_surface_get_stride(source))
        let data = cairo_image_surface_get_data(source)!
        for row in 0..<image.height {
            let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for col in 0..<image.width {
                let k = (row * image.width + col) * 3
                line[col] = 0xFF00_0000 | UInt32(image.pixels[k]) << 16 | UInt32(image.pixels[k + 1]) << 8
                    | UInt32(image.pixels[k + 2])
            }
        }
        cairo_surface_mark_dirty(source)
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, source, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    private func layout(_ text: String, size: Double, bold: Bool) -> OpaquePointer {
        let layout = pango_cairo_create_layout(cr)!
        let font = pango_font_description_new()
        pango_font_description_set_family(font, TextStyle.family)
        pango_font_description_set_absolute_size(font, size * Double(PANGO_SCALE))
        if bold { pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD) }
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    /// The size in pixels (width, height) that `text` takes at `size` pixels (the font's em size).
    public func measure(
        _ text: String, size: Double = TextStyle.body, bold: Bool = false
    ) -> (width: Double, height: Double) {
        let l = layout(text, size: size, bold: bold)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(l, &w, &h)
        return (Double(w), Double(h))
    }

    /// Draws `text` with its top edge at `y`, aligned to `x`; returns its size in pixels.
    @discardableResult
    public func text(
        _ text: String, x: Double, y: Double, size: Double = TextStyle.body, color: RGB = RGB(gray: 20),
        bold: Bool = false, align: Alignment = .left
    ) -> (width: Double, height: Double) {
        let l = layout(text, size: size, bold: bold)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(l, &w, &h)
        let left: Double
        switch align {
        case .left: left = x
        case .center: left = x - Double(w) / 2
        case .right: left = x - Double(w)
        }
        setColor(color)
        cairo_move_to(cr, left, y)
        pango_cairo_show_layout(cr, l)
        return (Double(w), Double(h))
    }

    /// The pixels drawn so far.
    public func image() -> RGBImage {
        cairo_surface_flush(surface)
        var out = RGBImage(width: width, height: height)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for col in 0..<width {
                let v = line[col], k = (row * width + col) * 3
                out.pixels[k] = UInt8(truncatingIfNeeded: v >> 16)
                out.pixels[k + 1] = UInt8(truncatingIfNeeded: v >> 8)
                out.pixels[k + 2] = UInt8(truncatingIfNeeded: v)
            }
        }
        return out
    }

    /// Writes the canvas as an RGB PNG through SeaIceGDAL (`PNGWriter`, atomic).
    public func writePNG(to url: URL) throws {
        try PNGWriter.write(image(), to: url)
    }
}

/// Font sizes (pixels, the em size) and family of every picture.
public enum TextStyle {
    /// The font family pango asks fontconfig for (Debian `fonts-dejavu-core`).
    public static let family = "DejaVu Sans"
    /// Panel titles.
    public static let title: Double = 16
    /// Legends, axis labels, captions.
    public static let body: Double = 13
    /// Small print (cell percentages, tick labels).
    public static let small: Double = 11
}
