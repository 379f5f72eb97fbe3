/// How many of a run's sessions a participant attended.
public struct AttendanceRate: Sendable, Hashable {
    /// Sessions marked present.
    public let attended: Int
    /// Sessions of the run.
    public let sessions: Int

    /// A rate.
    public init(attended: Int, sessions: Int) {
        self.attended = attended
        self.sessions = sessions
    }

    /// The attended share in whole percent, halves rounded up (7 of 8 is 88).
    public var percent: Int { WorkshopMath.roundedPercent(attended, of: sessions) }

    /// Whether the exact share reaches `minimumPercent` (no rounding in the participant's favour
    /// or against it: 79.5 % does not reach 80 %).
    public func reaches(_ minimumPercent: Int) -> Bool {
        sessions > 0 && attended * 100 >= minimumPercent * sessions
    }
}

/// Whether a participant completed a run by the course's rule, with the reason they see.
public struct CompletionVerdict: Sendable, Hashable {
    /// Completed (lulus) or not.
    public let completed: Bool
    /// Why, as facts: sessions attended of all, the share and the course's minimum
    /// ("Hadir 7 dari 8 sesi (88 %), minimal 80 %").
    public let reason: NotificationContent

    /// The verdict for `rate` under a minimum attendance of `minimumPercent`.
    public init(rate: AttendanceRate, minimumPercent: Int) {
        completed = rate.reaches(minimumPercent)
        reason = NotificationContent("notice_workshop_reason_attendance", [
            "attendedCount": String(rate.attended), "sessionsCount": String(rate.sessions),
            "percentCount": String(rate.percent), "minimumCount": String(minimumPercent)])
    }
}
