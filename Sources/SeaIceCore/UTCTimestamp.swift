import Foundation

/// The one spelling of instants in SeaIceKit's files and logs: ISO 8601 in UTC with whole seconds,
/// `2018-01-24T19:47:59Z` (metrics lines, run records, report dates, CF `date_created`/`time_coverage_*`,
/// `history`, GeoTIFF acquisition metadata).
public enum UTCTimestamp {
    /// `date` as `yyyy-MM-ddTHH:mm:ssZ`.
    public static func string(_ date: Date) -> String { formatter().string(from: date) }

    /// The instant of an ISO 8601 text (nil when it is not one).
    public static func date(_ text: String) -> Date? { formatter().date(from: text) }

    // A new formatter per call: ISO8601DateFormatter is not Sendable, and these run a few times per epoch or file.
    private static func formatter() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f
    }
}
