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
        let reason = enrolment.decidedReason ?? "-"
        return switch enrolment.state {
        case .requested: NotificationContent("notice_workshop_standing_requested")
        case .declined: NotificationContent("notice_workshop_standing_declined", ["reason": reason])
        case .enrolled: NotificationContent("notice_workshop_standing_enrolled")
        case .waitlisted:
            waitlist.map { NotificationContent("notice_workshop_standing_waitlisted", $0.arguments) }
                ?? NotificationContent("notice_workshop_standing_waitlisted_unplaced")
        case .offered: NotificationContent("notice_workshop_standing_offered", ["expiresAt": String(enrolment.offerExpiresAt ?? 0)])
        case .cancelled:
            enrolment.decidedReason.map { NotificationContent("notice_workshop_standing_cancelled_because", ["reason": $0]) }
                ?? NotificationContent("notice_workshop_standing_cancelled")
        case .completed, .notCompleted:
            NotificationContent("notice_workshop_standing_finished",
                                ["state": "@run_state_\(enrolment.state.rawValue)", "reason": enrolment.completionReason ?? "-"])
        }
    }
}
