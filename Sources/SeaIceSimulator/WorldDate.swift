import Foundation
import SeaIceCore

/// A calendar day (UTC) of the simulated world.
public struct WorldDate: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Year, month (1–12) and day of month.
    public let year: Int, month: Int, day: Int
    /// Day of the year, 1…366 (kept: the world's composition reads it at every point).
    public let dayOfYear: Int
    /// Days since 2000-01-01 (negative before).
    public let daysSince2000: Int

    private enum CodingKeys: String, CodingKey { case year, month, day }

    /// The day `text` ("YYYY-MM-DD").
    /// - Throws: `SeaIceError.configuration` naming the text when it is not a valid date.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]), parts[0] >= 1900,
              let d = Self.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              Self.calendar.component(.day, from: d) == parts[2]
        else { throw SeaIceError.configuration("date must be YYYY-MM-DD (a real day from 1900 on), got \"\(text)\"") }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    init(date: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    private init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
        let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
        dayOfYear = Self.calendar.ordinality(of: .day, in: .year, for: start)!
        daysSince2000 = Int(((start.timeIntervalSince1970 - 946_684_800) / 86_400).rounded(.down))
    }

    /// Decodes {"year", "month", "day"} and checks the day exists.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(String(format: "%04d-%02d-%02d", try c.decode(Int.self, forKey: .year),
                             try c.decode(Int.self, forKey: .month), try c.decode(Int.self, forKey: .day)))
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Midnight UTC of the day.
    public var start: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day))! }
    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> WorldDate { WorldDate(date: start.addingTimeInterval(Double(n) * 86_400)) }
    /// "YYYY-MM-DD".
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
