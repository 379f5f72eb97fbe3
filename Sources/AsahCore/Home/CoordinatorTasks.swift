import GRDB

/// A BKPSDM coordinator's home, each part for those allowed to act on it: external training
/// evidence to verify, behaviour checks long overdue, runs that need attention, and suggestions
/// past their decision date.
public struct CoordinatorTasks: Sendable {
    /// Why a run needs a coordinator's attention.
    public enum RunAttention: String, Sendable {
        /// Still a draft though it starts within 30 days.
        case stillDraft = "still_draft"
        /// Enrolment opens within the coming week.
        case opensSoon = "opens_soon"
        /// Starts within ``HomeTasks/horizonDays`` with fewer than half its seats taken.
        case shortOfParticipants = "short_of_participants"
    }

    /// A run and why it needs attention.
    public struct RunAlert: Sendable, Hashable {
        public let runId: Int64
        public let title: String
        public let startsOn: CalendarDate
        public let attention: RunAttention
        public let held: Int
        public let capacity: Int
        /// When enrolment opens, for ``RunAttention/opensSoon``.
        public let opensAt: Int64?
    }

    /// External trainings waiting for verification, and since when the oldest waits.
    public let evidence: (count: Int, oldestAt: Int64?)?
    /// Behaviour checks unanswered long after they were due.
    public let overdueChecks: Int?
    /// Runs that need attention, soonest first.
    public let runs: [RunAlert]?
    /// Suggestions still new or under review after their decision date.
    public let overdueSuggestions: Int?

    static func load(for viewer: Principal, now: Int64, in db: Database) throws -> CoordinatorTasks? {
        let today = IndonesianTime.date(of: now)
        let evidence: (Int, Int64?)? = try Policy.allows(viewer, .reviewTrainingHours) ? Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM training_hours WHERE status = 'pending'
            """)).map { ($0["waiting"], $0["oldest"]) } : nil
        let overdueChecks = try Policy.allows(viewer, .evaluateProgrammes) ? BehaviourChecks.overdueCount(now: now, in: db) : nil
        let runs = try Policy.allows(viewer, .manageRuns) ? runAlerts(now: now, today: today, in: db) : nil
        // INDEXED BY: without statistics SQLite takes the status index and reads every undecided
        // suggestion (12,000 in the province demo) for each coordinator's home.
        let suggestions = try Policy.allows(viewer, .decideSuggestions) ? Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM forum_threads INDEXED BY forum_threads_overdue WHERE kind = 'suggestion' AND status IN ('baru', 'ditinjau') AND decision_due < ?
            """), arguments: [today.iso]) ?? 0 : nil
        guard evidence != nil || overdueChecks != nil || runs != nil || suggestions != nil else { return nil }
        return CoordinatorTasks(evidence: evidence, overdueChecks: overdueChecks, runs: runs, overdueSuggestions: suggestions)
    }

    private static func runAlerts(now: Int64, today: CalendarDate, in db: Database) throws -> [RunAlert] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM (
                SELECT r.id, r.title, r.starts_on, r.capacity, r.enrol_opens_at,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held,
                       CASE
                           WHEN r.status = 'draft' THEN 'still_draft'
                           WHEN r.enrol_opens_at > ?1 THEN 'opens_soon'
                           ELSE 'short_of_participants'
                       END AS attention
                FROM runs r
                WHERE (r.status = 'draft' AND r.starts_on <= ?3)
                   OR (r.status = 'open' AND r.enrol_opens_at > ?1 AND r.enrol_opens_at <= ?1 + 7 * 86400)
                   OR (r.status IN ('open', 'closed') AND r.starts_on >= ?2 AND r.starts_on <= ?4)
            )
            WHERE attention != 'short_of_participants' OR held * 2 < capacity
            ORDER BY starts_on, id LIMIT ?5
            """), arguments: [now, today.iso, IndonesianTime.date(of: now + 30 * 86400).iso,
                             IndonesianTime.date(of: now + Int64(HomeTasks.horizonDays) * 86400).iso,
                             HomeTasks.limit]).compactMap { row in
            guard let attention = RunAttention(rawValue: row["attention"]) else { return nil }
            return RunAlert(runId: row["id"], title: row["title"], startsOn: row["starts_on"], attention: attention,
                            held: row["held"], capacity: row["capacity"], opensAt: row["enrol_opens_at"])
        }
    }
}
