import Foundation
import SeaIceCore

/// CF time coordinates (`units = "<unit> since <reference>"`, standard/gregorian calendar) decoded to `Date`s.
///
/// ERA5 from the old CDS has `time` in "hours since 1900-01-01 00:00:00.0" (int32); the new CDS has
/// `valid_time` in "seconds since 1970-01-01" (int64). Units seconds, minutes, hours and days are supported.
public enum CFTime {
    /// Decodes `values` with the CF `units` string of variable `variable` in `file`.
    /// - Throws: `SeaIceError.invalidInput` when the units are not "<unit> since <date>".
    public static func decode(_ values: [Double], units: String, file: String, variable: String) throws -> [Date] {
        let parts = units.trimmingCharacters(in: .whitespaces).components(separatedBy: " since ")
        let expected = "CF time units '<seconds|minutes|hours|days> since YYYY-MM-DD[ hh:mm:ss]'"
        guard parts.count == 2 else {
            throw SeaIceError.invalidInput(file: file, item: "`\(variable)` units '\(units)'", expected: expected)
        }
        let scale: Double
        switch parts[0].lowercased().trimmingCharacters(in: .whitespaces) {
        case "seconds", "second", "s": scale = 1
        case "minutes", "minute", "min": scale = 60
        case "hours", "hour", "h": scale = 3600
        case "days", "day", "d": scale = 86400
        default: throw SeaIceError.invalidInput(file: file, item: "`\(variable)` units '\(units)'", expected: expected)
        }
        guard let reference = parseDate(parts[1]) else {
            throw SeaIceError.invalidInput(file: file, item: "`\(variable)` reference date '\(parts[1])'", expected: expected)
        }
        return values.map { reference.addingTimeInterval($0 * scale) }
    }

    /// Parses "YYYY-MM-DD", "YYYY-MM-DD hh:mm[:ss[.f]]" or the same with a 'T' separator, in UTC.
    public static func parseDate(_ text: String) -> Date? {
        var s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        for suffix in [" UTC", "Z", " +00:00", "+00:00"] where s.hasSuffix(suffix) { s = String(s.dropLast(suffix.count)) }
        let halves = s.split(separator: " ", omittingEmptySubsequences: true)
        guard let day = halves.first else { return nil }
        let ymd = day.split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3 else { return nil }
        var hms: [Double] = [0, 0, 0]
        if halves.count > 1 {
            let fields = halves[1].split(separator: ":").map { Double($0) }
            guard (1...3).contains(fields.count), fields.allSatisfy({ $0 != nil }) else { return nil }
            for (k, v) in fields.enumerated() { hms[k] = v! }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let midnight = calendar.date(from: DateComponents(year: ymd[0], month: ymd[1], day: ymd[2])) else { return nil }
        return midnight.addingTimeInterval(hms[0] * 3600 + hms[1] * 60 + hms[2])
    }

    /// The acquisition time of a Sentinel-1 product from its name (`MMM_BB_TTTR_LFPP_<start>_<stop>_…`,
    /// times `YYYYMMDDThhmmss` UTC): the midpoint of start and stop, or the first time when only one is present.
    /// - Throws: `SeaIceError.invalidInput` naming `productName` when it holds no such time.
    public static func sentinel1AcquisitionTime(_ productName: String) throws -> Date {
        let stamps = productName.split(separator: "_").compactMap { compactStamp(String($0)) }
        guard let start = stamps.first else {
            throw SeaIceError.invalidInput(file: productName, item: "product name", expected: "a start time YYYYMMDDThhmmss (Sentinel-1 naming)")
        }
        guard stamps.count > 1 else { return start }
        return start.addingTimeInterval(stamps[1].timeIntervalSince(start) / 2)
    }

    /// `YYYYMMDDThhmmss` → Date (UTC), nil when `s` is not exactly that.
    static func compactStamp(_ s: String) -> Date? {
        let c = Array(s)
        guard c.count == 15, c[8] == "T", c.enumerated().allSatisfy({ $0.offset == 8 || $0.element.isASCII && $0.element.isNumber }) else { return nil }
        let d = "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8])) \(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))"
        return parseDate(d)
    }
}
