import AsahCore
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("written as YYYY-MM-DD with zero padding, and read back")
    func iso() {
        let dates = [CalendarDate(year: 2026, month: 11, day: 26)!, CalendarDate(year: 985, month: 3, day: 1)!,
                     CalendarDate(year: 1, month: 12, day: 31)!, CalendarDate(year: 2024, month: 2, day: 29)!]
        #expect(dates.map(\.iso) == ["2026-11-26", "0985-03-01", "0001-12-31", "2024-02-29"])
        #expect(dates.map { CalendarDate(iso: $0.iso) } == dates)
        #expect(dates[0].rawValue == "2026-11-26" && dates[0].description == "2026-11-26")
    }

    @Test("equal by day, ordered by day, and usable as a key")
    func equalityOrderAndHashing() {
        let day = CalendarDate(year: 2026, month: 1, day: 2)!, same = CalendarDate(iso: "2026-01-02")!
        let next = CalendarDate(year: 2026, month: 1, day: 3)!, nextMonth = CalendarDate(year: 2026, month: 2, day: 1)!
        #expect(day == same && day != next && next != nextMonth)
        #expect(day < next && next < nextMonth && !(same < day))
        #expect((day, 2) <= (same, 2) && (day, 3) > (same, 2))
        #expect(Set([day, same, next, nextMonth]).count == 3)
        #expect([day: "a"][same] == "a")
    }
}
