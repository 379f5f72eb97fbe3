/// The date and time a clock in Indonesia shows at a Unix time, by arithmetic: Indonesia's
/// zones (WIB UTC+7, WITA UTC+8, WIT UTC+9) keep no daylight saving, so a fixed offset is
/// exact, and pages that show dozens of times no longer build a Foundation calendar for each.
public struct WallClock: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int

    /// The clock at `timestamp` (Unix seconds), `offset` seconds east of UTC (by default the
    /// installation's zone, ``LocalZone/current``).
    public init(_ timestamp: Int64, offset: Int = LocalZone.current.offset) {
        let local = timestamp + Int64(offset)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let seconds = Int(local - days * 86400)
        hour = seconds / 3600
        minute = seconds % 3600 / 60
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    }
}
