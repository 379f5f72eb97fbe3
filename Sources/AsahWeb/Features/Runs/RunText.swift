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

    /// "09.00" (id) or "09:00" (en) in WIB.
    static func time(_ seconds: Int64, _ localizer: Localizer) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianTime.wib
        let parts = calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%02d%@%02d", parts.hour ?? 0, localizer.locale == "id" ? "." : ":", parts.minute ?? 0)
    }

    /// "24 November 2026 14.05 WIB".
    static func moment(_ seconds: Int64, _ localizer: Localizer) -> String {
        localizer.dateTime(seconds) + " WIB"
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
