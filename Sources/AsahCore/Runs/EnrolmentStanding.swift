/// One person's place in one run as they see it: the record, their waitlist position when
/// waiting, and what to tell them about where they stand.
public struct EnrolmentStanding: Sendable, Hashable {
    /// The place.
    public let enrolment: Enrolment
    /// The waitlist position and its explanation, when waiting.
    public let waitlist: WaitlistStanding?

    /// What the employee reads about where they stand, as a message key with its arguments,
    /// worded in the reader's language by the web layer.
    public var explanation: NotificationContent {
        switch enrolment.state {
        case .requested: NotificationContent("notice_workshop_standing_requested")
        case .declined: Self.with(enrolment.decisionNotice, "notice_workshop_standing_declined")
        case .enrolled: NotificationContent("notice_workshop_standing_enrolled")
        case .waitlisted:
            waitlist.map { NotificationContent("notice_workshop_standing_waitlisted", $0.arguments) }
                ?? NotificationContent("notice_workshop_standing_waitlisted_unplaced")
        case .offered: NotificationContent("notice_workshop_standing_offered", ["expiresAt": String(enrolment.offerExpiresAt ?? 0)])
        case .cancelled:
            enrolment.decisionNotice == nil ? NotificationContent("notice_workshop_standing_cancelled")
                : Self.with(enrolment.decisionNotice, "notice_workshop_standing_cancelled_because")
        case .completed, .notCompleted:
            Self.with(enrolment.completionNotice, "notice_workshop_standing_finished", ["state": "@run_state_\(enrolment.state.rawValue)"])
        }
    }

    /// The sentence `key` whose `{reason}` is `reason` ("-" when none) and whose other arguments are `arguments`.
    private static func with(_ reason: NotificationContent?, _ key: String, _ arguments: [String: String] = [:]) -> NotificationContent {
        let reason = reason ?? NotificationContent("notice_workshop_reason_text", ["text": "-"])
        return NotificationContent(key, reason.arguments.merging(arguments) { $1 }.merging(["reason": "@" + reason.key]) { $1 })
    }
}
