import Foundation

/// Rewrites the image coordinates of SAFE annotation XML for a product reduced by an integer factor.
///
/// Every integer in the elements that hold line or sample positions or image sizes is divided by `k`
/// (floor for positions, ceiling for sizes) and pixel spacings are multiplied by `k`, so a real
/// annotation, calibration and noise set describes a consistent product `k` times smaller on each
/// axis: the same LUT values at the scaled positions. Used to build small, realistic test products.
public enum AnnotationRescaler {
    static let positions: Set<String> = ["line", "pixel", "firstAzimuthLine", "lastAzimuthLine", "firstRangeSample", "lastRangeSample"]
    static let sizes: Set<String> = ["numberOfLines", "numberOfSamples"]
    static let spacings: Set<String> = ["rangePixelSpacing", "azimuthPixelSpacing"]

    /// `xml` with positions divided by `k`, sizes divided by `k` rounding up, spacings multiplied by `k`.
    public static func rescale(_ xml: Data, by k: Int) -> Data {
        precondition(k >= 1, "rescale factor \(k)")
        if k == 1 { return xml }
        let b = [UInt8](xml)
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        while i < n {
            guard b[i] == UInt8(ascii: "<"), i + 1 < n, b[i + 1] != UInt8(ascii: "/") else { out.append(b[i]); i += 1; continue }
            var j = i + 1
            while j < n, b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: " "), b[j] != UInt8(ascii: "/") { j += 1 }
            let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
            let kind: Int = positions.contains(name) ? 0 : sizes.contains(name) ? 1 : spacings.contains(name) ? 2 : -1
            guard kind >= 0, let close = b[j...].firstIndex(of: UInt8(ascii: ">")), b[close - 1] != UInt8(ascii: "/") else {
                out.append(b[i]); i += 1; continue
            }
            let end = b[(close + 1)...].firstIndex(of: UInt8(ascii: "<")) ?? n
            out.append(contentsOf: b[i...close])
            let text = String(decoding: b[(close + 1)..<end], as: UTF8.self)
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            let rewritten: [String] = tokens.map { t in
                switch kind {
                case 0:
                    if let v = Int(t) { return String(v >= 0 ? v / k : -((-v + k - 1) / k)) }
                    if let d = Double(t) { return String((d / Double(k)).rounded(.down)) }
                    return String(t)
                case 1:
                    if let v = Int(t) { return String((v + k - 1) / k) }
                    return String(t)
                default:
                    if let d = Double(t) { return String(format: "%.6e", d * Double(k)) }
                    return String(t)
                }
            }
            out.append(contentsOf: Array(rewritten.joined(separator: " ").utf8))
            i = end
        }
        return Data(out)
    }
}
