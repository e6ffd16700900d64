import Foundation

/// Acquisition times written in Sentinel-1 product ids and AI4Arctic scene names (UTC).
///
/// A Sentinel-1 product id `S1A_EW_GRDM_1SDH_<start>_<stop>_…` holds the first and last line times as
/// `YYYYMMDDTHHMMSS` at characters [17, 32) and [33, 48) (ESA's naming convention; AI4Arctic raw file
/// names and the ready-to-train `original_id` begin with it); a ready-to-train scene id
/// (`20180124T194759_dmi_prep.nc`) holds only the start.
public enum AcquisitionTime {
    /// The UTC time of `YYYYMMDDTHHMMSS`, nil when `stamp` is not one.
    public static func parse<S: StringProtocol>(_ stamp: S) -> Date? {
        let c = Array(stamp.utf8)
        guard c.count == 15, c[8] == UInt8(ascii: "T"),
            c.enumerated().allSatisfy({ $0.offset == 8 || (48...57).contains($0.element) })
        else { return nil }
        func number(_ from: Int, _ length: Int) -> Int {
            Int(String(decoding: c[from..<(from + length)], as: UTF8.self))!
        }
        var parts = DateComponents()
        (parts.year, parts.month, parts.day) = (number(0, 4), number(4, 2), number(6, 2))
        (parts.hour, parts.minute, parts.second) = (number(9, 2), number(11, 2), number(13, 2))
        guard (1...12).contains(parts.month!), (1...31).contains(parts.day!), parts.hour! < 24,
            parts.minute! < 60, parts.second! < 61
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: parts)
    }

    /// [start, stop] of a Sentinel-1 product id (or a name that begins with one), nil when the name does
    /// not follow the convention or stop precedes start.
    public static func interval(ofProductID id: String) -> DateInterval? {
        let c = Array(id)
        guard c.count >= 48, c[32] == "_", let start = parse(String(c[17..<32])), let stop = parse(String(c[33..<48])),
            start <= stop
        else { return nil }
        return DateInterval(start: start, end: stop)
    }

    /// The zero-length interval at the start time that begins `sceneID` (`YYYYMMDDTHHMMSS…`), nil otherwise.
    public static func interval(ofSceneID sceneID: String) -> DateInterval? {
        parse(sceneID.prefix(15)).map { DateInterval(start: $0, duration: 0) }
    }
}
