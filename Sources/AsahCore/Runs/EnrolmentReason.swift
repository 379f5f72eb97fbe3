import Foundation
import GRDB

/// Why a place ended as it did. `enrolments.decided_reason` and `completion_reason` hold
/// either a notice the system wrote (a message key with its facts, as JSON) or text a person
/// typed (a supervisor's decline reason) or an earlier version stored; both are read here as
/// a notice, worded in the reader's language by the web layer.
extension Enrolment {
    /// Why the place was declined or cancelled; `nil` when no reason was recorded.
    public var decisionNotice: NotificationContent? { Self.notice(stored: decidedReason) }

    /// Why the person completed the run or not; `nil` before the run finished.
    public var completionNotice: NotificationContent? { Self.notice(stored: completionReason) }

    /// `completionNotice`, else `decisionNotice`: the one reason a list of places shows.
    public var reasonNotice: NotificationContent? { completionNotice ?? decisionNotice }

    /// `notice` as the text stored in a reason column.
    static func stored(_ notice: NotificationContent) -> String {
        String.fromDatabaseValue(notice.databaseValue) ?? ""
    }

    /// The reasons the system writes (a typed reason that happens to look like one stays text).
    static let systemReasons: Set = ["notice_workshop_reason_attendance", "notice_workshop_reason_offer_lapsed",
                                     "notice_workshop_reason_run_cancelled", "notice_workshop_reason_run_finished",
                                     "notice_project_finished_passed", "notice_project_finished_not_passed"]

    /// The stored reason `text` as a notice: a system notice as written, anything else as text.
    static func notice(stored text: String?) -> NotificationContent? {
        guard let text else { return nil }
        if text.hasPrefix("{"), let notice = NotificationContent.fromDatabaseValue(text.databaseValue),
           systemReasons.contains(notice.key) {
            return notice
        }
        return NotificationContent("notice_workshop_reason_text", ["text": text])
    }
}
