import Foundation

/// Dates and times written the Indonesian way for messages: "Senin, 14 Maret 2026 09.00 WIB".
/// Times are read in the installation's zone (``LocalZone/current``) unless the caller names another.
public enum IndonesianTime {
    /// The installation's zone in force now (``LocalZone/current``).
    public static var zone: TimeZone { LocalZone.current.timeZone }

    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                         "September", "Oktober", "November", "Desember"]
    static let weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    /// The calendar day of a Unix time in `timeZone`.
    public static func date(of timestamp: Int64, in timeZone: TimeZone = zone) -> CalendarDate {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day], from: instant(timestamp))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The Unix time of `hour`:00 in `timeZone` on the day `days` after the day of `timestamp`
    /// (for scheduling "the day after tomorrow at 09.00" without crossing midnight by accident).
    public static func clock(_ hour: Int, daysAfter days: Int, from timestamp: Int64, in timeZone: TimeZone = zone) -> Int64 {
        let calendar = calendar(timeZone)
        let day = calendar.startOfDay(for: instant(timestamp))
        let target = calendar.date(byAdding: DateComponents(day: days, hour: hour), to: day)!
        return Int64(target.timeIntervalSince1970)
    }

    /// The Unix time of `hour`:`minute` on `date` in `timeZone` (a session typed 09.00 in WITA is 01.00 UTC).
    public static func timestamp(_ date: CalendarDate, hour: Int, minute: Int, in timeZone: TimeZone = zone) -> Int64? {
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
        return calendar(timeZone).date(from: components).map { Int64($0.timeIntervalSince1970) }
    }

    /// "14 Maret 2026".
    public static func describe(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "14 Maret 2026", or "12 Maret 2026 s.d. 14 Maret 2026" for a range.
    public static func describe(from start: CalendarDate, to end: CalendarDate) -> String {
        start == end ? describe(start) : "\(describe(start)) s.d. \(describe(end))"
    }

    /// "Senin, 14 Maret 2026 09.00 WIB".
    public static func describe(_ timestamp: Int64, in timeZone: TimeZone = zone) -> String {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: instant(timestamp))
        let day = "\(weekdays[parts.weekday! - 1]), \(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
        return day + String(format: " %02d.%02d ", parts.hour!, parts.minute!) + zoneName(timeZone, at: timestamp)
    }

    /// WIB, WITA or WIT for Indonesia's zones; the UTC offset otherwise.
    static func zoneName(_ timeZone: TimeZone, at timestamp: Int64) -> String {
        let hours = timeZone.secondsFromGMT(for: instant(timestamp)) / 3600
        switch hours {
        case 7: return "WIB"
        case 8: return "WITA"
        case 9: return "WIT"
        default: return "UTC\(hours >= 0 ? "+" : "")\(hours)"
        }
    }

    private static func instant(_ timestamp: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(timestamp))
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
