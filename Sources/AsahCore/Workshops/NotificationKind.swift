import GRDB

/// What an in-app notification is about. The raw value is what `notifications.kind` holds.
public enum NotificationKind: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    /// To a supervisor: a subordinate asks for a seat.
    case approvalAsked = "approval_asked"
    /// A request or nomination was approved (with the seat or waitlist position).
    case approved
    /// A request was declined, with the reason.
    case declined
    /// A freed seat is offered until a deadline.
    case seatOffered = "seat_offered"
    /// An offered seat was not confirmed in time and went to the next person.
    case offerExpired = "offer_expired"
    /// The person's waitlist position improved.
    case waitlistMoved = "waitlist_moved"
    /// A session starts within a day.
    case sessionTomorrow = "session_tomorrow"
    /// A run the person was in (or waiting for, or teaching) was cancelled.
    case runCancelled = "run_cancelled"
    /// A run finished without the person meeting the completion rule (with the reason).
    case runFinished = "run_finished"
    /// A certificate was issued.
    case certificateReady = "certificate_ready"
    /// A coordinator verified or rejected an external training record.
    case trainingReviewed = "training_reviewed"
    /// A behaviour check (evaluation some months after a training) is open for the person.
    case behaviourCheckDue = "behaviour_check_due"
    /// A behaviour check is still unanswered two weeks after it opened.
    case behaviourCheckReminder = "behaviour_check_reminder"
    /// The reaction survey of a run the person attended is open.
    case surveyOpen = "survey_open"
}
