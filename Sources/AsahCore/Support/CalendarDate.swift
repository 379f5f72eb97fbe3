import Foundation
import GRDB

/// A day in the Gregorian calendar without a time or a time zone: a birth date, a TMT,
/// a training day. Stored in SQLite as `YYYY-MM-DD` text and coded as that string in JSON.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 1985.
    public let year: Int
    /// 1 for January ... 12 for December.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// A date, or `nil` when the day does not exist (30 February, month 13, day 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today in the given time zone (Indonesia spans UTC+7 to UTC+9; by default the installation's, ``LocalZone/current``).
    public static func today(in timeZone: TimeZone = LocalZone.current.timeZone) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    /// The number of days in `month` of `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(value)
            return text.count >= count ? text : String(repeating: "0", count: count - text.count) + text
        }
        return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // Written out: as a `RawRepresentable` type, the standard library would otherwise compare
    // and hash the `YYYY-MM-DD` text, formatting two strings for every comparison.
    public static func == (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.year == rhs.year && lhs.month == rhs.month && lhs.day == rhs.day
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(month)
        hasher.combine(day)
    }
}

/// Stored and encoded as `YYYY-MM-DD`.
extension CalendarDate: RawRepresentable, Codable, DatabaseValueConvertible {
    public init?(rawValue: String) { self.init(iso: rawValue) }
    public var rawValue: String { iso }
}

