import GRDB

/// Where one person's place in a run stands. The raw value is what `enrolments.state` holds.
///
/// `requested` waits for the supervisor; approval leads to `enrolled` (a seat) or `waitlisted`;
/// a freed seat turns the head of the waitlist into `offered` until they accept (`enrolled`),
/// decline or let the window pass (`cancelled`). Finishing the run ends in `completed` or
/// `not_completed`.
public enum EnrolmentState: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case requested, declined, enrolled, waitlisted, offered, cancelled, completed
    case notCompleted = "not_completed"

    /// Whether the person holds one of the run's seats (an offer reserves the seat).
    public var holdsSeat: Bool { self == .enrolled || self == .offered }

    /// Whether the place is still in play: asked for, held, offered or waiting.
    public var isActive: Bool { [.requested, .enrolled, .waitlisted, .offered].contains(self) }

    /// Whether a new request may reuse the row (the one place per person per run).
    public var allowsNewRequest: Bool { self == .declined || self == .cancelled }
}
