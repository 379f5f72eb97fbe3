import AsahCore
import Foundation
import HTTPServer

/// Dates, times and labels of runs in the reader's language.
enum RunText {
    static func date(_ date: CalendarDate, _ localizer: Localizer) -> String {
        localizer.date(year: date.year, month: date.month, day: date.day)
    }

    /// "12 Maret 2026 – 14 Maret 2026", or one date.
    static func dates(_ run: Run, _ localizer: Localizer) -> String {
        run.startsOn == run.endsOn ? date(run.startsOn, localizer)
            : date(run.startsOn, localizer) + " – " + date(run.endsOn, localizer)
    }

    /// "09.00" (id) or "09:00" (en) in the installation's zone.
    static func time(_ seconds: Int64, _ localizer: Localizer) -> String {
        let clock = WallClock(seconds)
        return String(format: "%02d%@%02d", clock.hour, localizer.locale == "id" ? "." : ":", clock.minute)
    }

    /// "09.00–12.00 WITA": a session's hours with the zone named.
    static func hours(from start: Int64, to end: Int64, _ localizer: Localizer) -> String {
        time(start, localizer) + "–" + time(end, localizer) + " " + LocalZone.current.abbreviation
    }

    /// "24 November 2026 14.05 WITA".
    static func moment(_ seconds: Int64, _ localizer: Localizer) -> String {
        localizer.moment(seconds)
    }

    static func status(_ status: RunStatus, _ localizer: Localizer) -> String {
        localizer.t("run_status_\(status.rawValue)")
    }

    static func state(_ state: EnrolmentState, _ localizer: Localizer) -> String {
        localizer.t("run_state_\(state.rawValue)")
    }

    /// Where a person's place stands, in the reader's language ("Urutan 3 dari 12 di daftar tunggu. ...").
    static func explanation(_ standing: EnrolmentStanding, _ localizer: Localizer) -> String {
        MessageArguments.text(standing.explanation, localizer)
    }

    /// "Sisa kursi 3 dari 20 · daftar tunggu 2".
    static func seats(_ facts: (capacity: Int, left: Int, waiting: Int), _ localizer: Localizer) -> String {
        localizer.t("run_seats_summary", ["left": localizer.number(facts.left), "capacity": localizer.number(facts.capacity),
                                          "waiting": localizer.number(facts.waiting)])
    }
}
