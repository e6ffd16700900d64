import Foundation
import SeaIceClasses

/// Which way north points in a picture drawn in product (swath) geometry, and its arrow. Pictures
/// are never flipped to make north point up (a descending pass stays as acquired); the arrow says
/// where north is instead.
public enum NorthArrow {
    /// The direction of north in the picture, radians clockwise from "up", from per-pixel latitudes
    /// (row-major `height × width`, degrees north): the direction in which latitude grows fastest,
    /// from differences across the middle row and column. Nil when the latitudes are flat or not finite.
    /// `columnStep` and `rowStep` are the picture pixels between neighbouring columns and rows of
    /// `latitude` (1 for per-pixel latitudes; e.g. samples/20 and lines/20 for a 21 × 21 tie-point grid).
    public static func direction(
        latitude: [Float], width: Int, height: Int, columnStep: Double = 1, rowStep: Double = 1
    ) -> Double? {
        precondition(
            latitude.count == width * height, "\(latitude.count) latitudes for \(height) × \(width) pixels")
        guard width >= 2, height >= 2 else { return nil }
        let midRow = height / 2, midCol = width / 2
        let dx = Double(latitude[midRow * width + width - 1] - latitude[midRow * width])
        let dy = Double(latitude[(height - 1) * width + midCol] - latitude[midCol])
        let gx = dx / (Double(width - 1) * columnStep), gy = dy / (Double(height - 1) * rowStep)
        guard gx.isFinite, gy.isFinite, gx != 0 || gy != 0 else { return nil }
        // Picture y grows downwards: "up" is −y, so the clockwise angle from up is atan2(gx, −gy).
        return atan2(gx, -gy)
    }

    /// Draws a north arrow (a white disc, a dark arrow pointing `direction`, an "N" at its tip)
    /// centred at (centerX, centerY).
    public static func draw(
        on canvas: Canvas, direction: Double, centerX: Double, centerY: Double, radius: Double = 15
    ) {
        canvas.fillCircle(x: centerX, y: centerY, radius: radius, .white)
        let (s, c) = (sin(direction), cos(direction))
        // Unit vectors: along the arrow (towards north) and across it, in picture coordinates.
        func point(_ along: Double, _ across: Double) -> (Double, Double) {
            (centerX + along * s + across * c, centerY - along * c + across * s)
        }
        let r = radius - 3
        let arrow = [point(r * 0.35, 0), point(-r * 0.8, -r * 0.45), point(-r * 0.45, 0), point(-r * 0.8, r * 0.45)]
        canvas.fillPolygon(arrow, RGB(gray: 30))
        let tip = point(r * 0.72, 0)
        canvas.text("N", x: tip.0, y: tip.1 - 6, size: 10, color: RGB(gray: 30), bold: true, align: .center)
    }
}
