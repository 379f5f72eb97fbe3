/// The period of a Survei Kepuasan Masyarakat result as agencies report it: a year (`2026`),
/// a semester (`2026-S1`, `2026-S2`) or a quarter (`2026-Q1` ... `2026-Q4`, also written
/// `2026-TW1` for triwulan), with its first and last day.
public struct SatisfactionPeriod: Sendable, Hashable {
    /// The period written the one way Asah stores it (`2026`, `2026-S1`, `2026-Q3`).
    public let text: String
    public let startsOn: CalendarDate
    public let endsOn: CalendarDate

    /// The years a period may fall in.
    public static let years = 2000...2100

    /// Reads `text` (case and spaces aside), `nil` when it is not a period.
    public init?(_ text: String) {
        let typed = text.uppercased().filter { !$0.isWhitespace }
        guard let match = typed.wholeMatch(of: /([0-9]{4})(?:[-\/](S|SEM|Q|TW)([1-4]))?/),
              let year = Int(match.1), Self.years.contains(year) else { return nil }
        let months: ClosedRange<Int>, canonical: String
        let kind = match.2.map { ["SEM": "S", "TW": "Q"][String($0)] ?? String($0) }
        switch (kind, match.3.flatMap { Int($0) }) {
        case (nil, _):
            months = 1...12
            canonical = String(year)
        case ("S"?, let half?) where half <= 2:
            months = (half * 6 - 5)...(half * 6)
            canonical = "\(year)-S\(half)"
        case ("Q"?, let quarter?):
            months = (quarter * 3 - 2)...(quarter * 3)
            canonical = "\(year)-Q\(quarter)"
        default:
            return nil
        }
        self.text = canonical
        startsOn = CalendarDate(year: year, month: months.lowerBound, day: 1)!
        endsOn = CalendarDate(year: year, month: months.upperBound, day: CalendarDate.daysIn(month: months.upperBound, year: year))!
    }
}
