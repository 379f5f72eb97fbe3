/// What a coordinator fills in to create or change a run: the run's terms, its sessions
/// and the optional seat quota per unit.
public struct RunPlan: Sendable, Hashable {
    /// One session of the plan.
    public struct Session: Sendable, Hashable {
        /// The existing session's id when editing (keeps its attendance and check-in code);
        /// `nil` for a new session.
        public var id: Int64?
        /// Unix seconds.
        public var startsAt: Int64
        /// Unix seconds.
        public var endsAt: Int64
        /// The room or venue.
        public var place: String?
        /// The video-meeting link.
        public var onlineUrl: String?
        /// The employee who teaches.
        public var instructorEmployeeId: Int64?

        /// A session.
        public init(id: Int64? = nil, startsAt: Int64, endsAt: Int64, place: String? = nil, onlineUrl: String? = nil,
                    instructorEmployeeId: Int64? = nil) {
            self.id = id
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.place = place
            self.onlineUrl = onlineUrl
            self.instructorEmployeeId = instructorEmployeeId
        }
    }

    /// The course taught (see ``Run/courseId``).
    public var courseId: Int64
    /// The unique short code, e.g. "PPP-01".
    public var code: String
    /// The title shown to participants.
    public var title: String
    /// Seats; more than 0.
    public var capacity: Int
    /// Start of the enrolment window; `nil` for as soon as the run opens.
    public var enrolOpensAt: Int64?
    /// End of the enrolment window, not after the first session.
    public var enrolClosesAt: Int64?
    /// The first day.
    public var startsOn: CalendarDate
    /// The last day.
    public var endsOn: CalendarDate
    /// Hours a waitlisted person has to accept an offered seat.
    public var offerWindowHours: Int
    /// Hours before the first session after which no seat is offered.
    public var offerCutoffHours: Int
    /// The sessions, at least one.
    public var sessions: [Session]
    /// Unit id → the most seats people of that unit (and its sub-units) may hold.
    public var quotas: [Int64: Int]

    /// A plan; the waitlist timing defaults to a 48-hour offer window and a 24-hour cutoff.
    public init(courseId: Int64, code: String, title: String, capacity: Int, enrolOpensAt: Int64? = nil,
                enrolClosesAt: Int64? = nil, startsOn: CalendarDate, endsOn: CalendarDate, offerWindowHours: Int = 48,
                offerCutoffHours: Int = 24, sessions: [Session], quotas: [Int64: Int] = [:]) {
        self.courseId = courseId
        self.code = code
        self.title = title
        self.capacity = capacity
        self.enrolOpensAt = enrolOpensAt
        self.enrolClosesAt = enrolClosesAt
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.offerWindowHours = offerWindowHours
        self.offerCutoffHours = offerCutoffHours
        self.sessions = sessions
        self.quotas = quotas
    }

    /// The first session's start, the moment the cutoff counts back from.
    public var firstSessionStart: Int64? { sessions.map(\.startsAt).min() }
}
