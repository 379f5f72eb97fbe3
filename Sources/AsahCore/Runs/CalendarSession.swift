/// One session as a calendar feed shows it: when and where, which run, which of its sessions,
/// who teaches, and whether the run was cancelled. The web layer words it as an iCalendar event
/// in the reader's language.
public struct CalendarSession: Sendable, Hashable {
    public let sessionId: Int64
    public let runId: Int64
    /// The run's title.
    public let title: String
    public let startsAt: Int64
    public let endsAt: Int64
    /// The room, if any.
    public let place: String?
    /// The meeting link, if the session is online.
    public let onlineURL: String?
    /// The instructor's name, if one is assigned.
    public let instructor: String?
    /// 1 for the run's first session, in time order.
    public let number: Int
    /// How many sessions the run has.
    public let total: Int
    /// Whether the run was cancelled (subscribed calendars strike the event out).
    public let cancelled: Bool
}
