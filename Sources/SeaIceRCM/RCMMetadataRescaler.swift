import Foundation
import SeaIceCore
import SeaIceSAR

/// Rewrites a real RCM product's metadata for a product reduced by an integer factor (the simulated products of
/// `SimulatedRCMWriter`): image positions divided by `k`, spacings multiplied by `k`, sizes set, and every
/// along-row table (LUT gains, noise levels, incidence angles) resampled at the reduced pixels, so that the reduced
/// pixel x has the radiometry of the original pixel k·x.
public enum RCMMetadataRescaler {
    /// product.xml text with `numLines`/`samplesPerLine` set to `height`/`width`, `sampledPixelSpacing`/
    /// `sampledLineSpacing` multiplied by `k`, tie-point `line`/`pixel` divided by `k`, and `productAnnotation`
    /// saying the product is simulated.
    public static func product(_ xml: String, reduction k: Int, width: Int, height: Int) -> String {
        var s = xml
        replace(&s, "numLines") { _ in "\(height)" }
        replace(&s, "samplesPerLine") { _ in "\(width)" }
        for name in ["sampledPixelSpacing", "sampledLineSpacing"] {
            replace(&s, name) { v in Double(v).map { String(format: "%.15e", $0 * Double(k)) } ?? v }
        }
        if k > 1 {
            for name in ["line", "pixel"] {
                replace(&s, name) { v in Double(v).map { String(format: "%.7e", $0 / Double(k)) } ?? v }
            }
        }
        replace(&s, "productAnnotation") { v in "SIMULATED by SeaIceKit, NOT REAL DATA (template annotation: \(v))" }
        return s
    }

    /// product.xml text with every geodetic coordinate (`<latitude>` followed by `<longitude>`, degrees: the
    /// tie points and the scene corners) moved by `move(latitude, longitude)`; simulated products placed
    /// elsewhere on Earth than their template keep its geometry this way.
    public static func relocate(_ xml: String, _ move: (Double, Double) -> (latitude: Double, longitude: Double)) -> String {
        let pattern = #"(<latitude[^>]*>)([^<]+)(</latitude>\s*<longitude[^>]*>)([^<]+)(</longitude>)"#
        guard let re = try? NSRegularExpression(pattern: pattern) else { return xml }
        let ns = xml as NSString
        var out = "", last = 0
        for m in re.matches(in: xml, range: NSRange(location: 0, length: ns.length)) {
            guard let lat = Double(ns.substring(with: m.range(at: 2)).trimmingCharacters(in: .whitespaces)),
                  let lon = Double(ns.substring(with: m.range(at: 4)).trimmingCharacters(in: .whitespaces)) else { continue }
            let p = move(lat, lon)
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += ns.substring(with: m.range(at: 1)) + String(format: "%.15e", p.latitude) + ns.substring(with: m.range(at: 3))
                + String(format: "%.15e", p.longitude) + ns.substring(with: m.range(at: 5))
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }

    /// A calibration-folder table (`lut*`, `noiseLevels_*`, `incidenceAngles.xml`) resampled for an image of
    /// `width` samples made from one of `originalWidth` reduced `k` times (unchanged when `k` is 1).
    /// - Throws: `SeaIceError` naming `file` when the table cannot be parsed.
    public static func table(_ xml: String, file: String, reduction k: Int, originalWidth: Int, width: Int) throws -> String {
        if k == 1 { return xml }
        let root = try XMLTree.parse(Data(xml.utf8), file: file)
        func resample(_ t: RCMPixelTable) -> RCMPixelTable {
            let step = (t.stepSize < 0 ? -1 : 1) * max(1, abs(t.stepSize) / k)
            let count = (width - 1 + abs(step) - 1) / abs(step) + 1
            let first = step < 0 ? width - 1 : 0
            let full = t.expanded(width: originalWidth)
            let values = (0..<count).map { i in full[min(originalWidth - 1, max(0, (first + i * step) * k))] }
            return RCMPixelTable(firstPixel: first, stepSize: step, values: values)
        }
        func numbers(_ v: [Double]) -> String { v.map { String(format: "%.15e", $0) }.joined(separator: " ") }
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        switch root.name {
        case "lut":
            let t = resample(try RCMPixelTable.parse(root, first: "pixelFirstLutValue", valuesPath: "gains", item: "gains"))
            return head + "<lut xmlns=\"rcmGsProductSchema\">\n\t<pixelFirstLutValue>\(t.firstPixel)</pixelFirstLutValue>\n"
                + "\t<stepSize>\(t.stepSize)</stepSize>\n\t<numberOfValues>\(t.values.count)</numberOfValues>\n"
                + "\t<offset>\(try root.string("offset"))</offset>\n\t<gains>\(numbers(t.values))</gains>\n</lut>\n"
        case "noiseLevels":
            var body = ""
            for node in root.children("referenceNoiseLevel") {
                let t = resample(try RCMPixelTable.parse(node, first: "pixelFirstNoiseValue", valuesPath: "noiseLevelValues",
                                                         item: "noiseLevelValues"))
                body += "\t<referenceNoiseLevel>\n\t\t<sarCalibrationType>\(try node.string("sarCalibrationType"))</sarCalibrationType>\n"
                    + "\t\t<pixelFirstNoiseValue>\(t.firstPixel)</pixelFirstNoiseValue>\n\t\t<stepSize>\(t.stepSize)</stepSize>\n"
                    + "\t\t<numberOfValues>\(t.values.count)</numberOfValues>\n"
                    + "\t\t<noiseLevelValues units=\"dB\">\(numbers(t.values))</noiseLevelValues>\n\t</referenceNoiseLevel>\n"
            }
            return head + "<noiseLevels xmlns=\"rcmGsProductSchema\">\n" + body + "</noiseLevels>\n"
        case "incidenceAngles":
            let t = resample(try RCMPixelTable.parse(root, first: "pixelFirstAnglesValue", valuesPath: "angles",
                                                     oneElementPerValue: true, item: "angles"))
            return head + "<incidenceAngles xmlns=\"rcmGsProductSchema\">\n\t<pixelFirstAnglesValue>\(t.firstPixel)</pixelFirstAnglesValue>\n"
                + "\t<stepSize>\(t.stepSize)</stepSize>\n\t<numberOfValues>\(t.values.count)</numberOfValues>\n"
                + t.values.map { "\t<angles units=\"deg\">\(String(format: "%.15e", $0))</angles>\n" }.joined() + "</incidenceAngles>\n"
        default:
            return xml
        }
    }

    /// Replaces the text of every `<name …>text</name>` in `s` by `transform(text)`.
    static func replace(_ s: inout String, _ name: String, _ transform: (String) -> String) {
        var out = "", rest = Substring(s)
        let open = "<\(name)", close = "</\(name)>"
        while let r = rest.range(of: open) {
            let after = rest[r.upperBound...]
            guard let c = after.first, c == ">" || c == " ", let gt = after.firstIndex(of: ">"),
                  let end = rest[gt...].range(of: close) else {
                out += rest[..<r.upperBound]; rest = rest[r.upperBound...]; continue
            }
            out += rest[..<rest.index(after: gt)]
            out += transform(String(rest[rest.index(after: gt)..<end.lowerBound]))
            out += close
            rest = rest[end.upperBound...]
        }
        s = out + rest
    }
}
