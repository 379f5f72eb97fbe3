import AsahCore
import Foundation
import HTTPServer

/// Small helpers shared by the training pages: JP and date text, the year asked for, notices
/// carried across a redirect, and the answer to a domain problem.
enum TrainingFormat {
    /// "20" or "2,5" (id) / "2.5" (en): JP without needless decimals.
    static func jp(_ value: Double, _ localizer: Localizer) -> String {
        if value.rounded() == value { return localizer.number(Int(value)) }
        let text = String(format: "%.1f", value)
        return localizer.locale == "id" ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// "14 Maret 2026" or "12 Maret 2026 – 14 Maret 2026".
    static func dates(_ start: CalendarDate?, _ end: CalendarDate?, _ localizer: Localizer) -> String {
        let text = { (date: CalendarDate) in localizer.date(year: date.year, month: date.month, day: date.day) }
        switch (start, end) {
        case let (start?, end?) where start == end: return text(start)
        case let (start?, end?): return text(start) + " – " + text(end)
        case let (start?, nil): return text(start)
        case let (nil, end?): return text(end)
        default: return "–"
        }
    }

    /// The current year in Western Indonesian Time.
    static var currentYear: Int { CalendarDate.today().year }

    /// `?year=` when it is a sensible year, else the current year in the installation's zone.
    static func year(_ context: Context) throws -> Int {
        let query = try context.query()
        if let year = try query.integer("year", in: 2000...2100) { return year }
        return currentYear
    }

    /// Notices a redirect may carry as `?notice=KEY`; only these keys are shown.
    static let notices: Set<String> = [
        "attendance_saved", "attendance_checked_in", "hours_recorded", "hours_reviewed_ok", "hours_reviewed_rejected",
        "certificate_revoked_done", "notification_all_read", "notification_read_done",
    ]

    /// The notice text named by `?notice=`, if it is one of ``notices``.
    static func notice(_ context: Context) -> String? {
        Notice.message(context, allowed: notices)
    }

    /// The JP progress bar's values for `ledger`: against the person's target, or without one
    /// (a PPPK by default), with their cap and the JP beyond it.
    static func progress(_ ledger: TrainingLedger, _ localizer: Localizer) -> [String: Any] {
        let percent = Int((ledger.progress * 100).rounded())
        return [
            "verified": jp(ledger.verifiedJP, localizer), "pending": jp(ledger.pendingJP, localizer),
            "target": ledger.target.map { jp($0, localizer) } as Any, "remaining": jp(ledger.remainingJP, localizer),
            "percent": percent, "reached": ledger.reached, "hasPending": ledger.pendingJP > 0,
            "capNote": capNote(cap: ledger.cap, beyond: ledger.beyondCapJP, localizer) as Any,
        ]
    }

    /// "at most 24 JP a year" or "4 JP beyond the cap of 24 JP"; `nil` without a cap.
    static func capNote(cap: Double?, beyond: Double, _ localizer: Localizer) -> String? {
        cap.map { cap in
            beyond > 0 ? localizer.t("hours_beyond_cap", ["jp": jp(beyond, localizer), "cap": jp(cap, localizer)])
                : localizer.t("hours_cap", ["cap": jp(cap, localizer)])
        }
    }

    /// One ledger entry as a table row.
    static func entry(_ entry: TrainingHoursEntry, _ localizer: Localizer) -> [String: Any] {
        [
            "id": entry.id ?? 0, "title": entry.title, "organiser": entry.organiser ?? "", "kind": entry.kind ?? "",
            "dates": dates(entry.startedOn, entry.endedOn, localizer), "jp": jp(entry.jp, localizer),
            "isAsah": entry.source == .asah, "source": localizer.t("hours_source_\(entry.source.rawValue)"),
            "status": localizer.t("hours_status_\(entry.status.rawValue)"), "statusClass": entry.status.rawValue,
            "certificateNumber": entry.certificateNumber ?? "", "note": entry.reviewNote ?? "",
            "hasEvidence": entry.evidencePath != nil, "evidenceName": entry.evidenceName ?? "",
        ]
    }
}
