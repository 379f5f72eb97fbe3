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
    /// A followed suggestion changed status (with the reason), or was merged.
    case forumStatus = "forum_status"
    /// A followed thread received an official answer.
    case forumAnswer = "forum_answer"
    /// A moderator hid, restored or locked the person's post or thread, or decided their appeal.
    case forumModeration = "forum_moderation"
    /// Someone became coach, mentor or team member of a project.
    case projectAssigned = "project_assigned"
    /// To the coach and mentor: a milestone was submitted for review.
    case projectSubmitted = "project_submitted"
    /// To the team: a milestone was accepted or a revision asked for.
    case projectReviewed = "project_reviewed"
    /// To the team: a milestone is due within days.
    case projectDueSoon = "project_due_soon"
    /// To the team: a milestone is past its due date.
    case projectLate = "project_late"
    /// To the coach and mentor: a submission has waited days for review.
    case projectReviewWaiting = "project_review_waiting"
    /// To the team: the project was completed (or did not reach the pass mark).
    case projectCompleted = "project_completed"
    /// A behaviour check (evaluation some months after a training) is open for the person.
    case behaviourCheckDue = "behaviour_check_due"
    /// A behaviour check is still unanswered two weeks after it opened.
    case behaviourCheckReminder = "behaviour_check_reminder"
    /// The reaction survey of a run the person attended is open.
    case surveyOpen = "survey_open"
}
