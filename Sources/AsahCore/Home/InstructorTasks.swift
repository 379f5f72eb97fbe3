import GRDB

/// An instructor's, coach's or mentor's home: the sessions they teach soon, attendance not yet
/// recorded for sessions they taught, and project submissions waiting for their review.
public struct InstructorTasks: Sendable {
    /// A session they taught whose attendance nobody has recorded yet.
    public struct AttendanceDue: Sendable, Hashable {
        public let sessionId: Int64
        public let runId: Int64
        public let title: String
        public let startsAt: Int64
    }

    /// Their sessions from now to ``HomeTasks/horizonDays`` ahead, soonest first.
    public let teaching: [CalendarSession]
    /// Sessions of the last 30 days they taught with participants and no attendance yet, oldest first.
    public let attendanceDue: [AttendanceDue]
    /// Submissions waiting for their review, longest waiting first.
    public let reviews: [ReviewQueueItem]

    /// Whether there is nothing to show.
    public var isEmpty: Bool { teaching.isEmpty && attendanceDue.isEmpty && reviews.isEmpty }

    static func load(employeeId: Int64, now: Int64, in db: Database) throws -> InstructorTasks? {
        let teaching = try WorkshopCalendar.sessions(where: """
            s.instructor_employee_id = ?1 AND s.ends_at >= ?2 AND s.starts_at < ?3 AND r.status IN ('open', 'closed', 'running')
            """, arguments: [employeeId, now, now + Int64(HomeTasks.horizonDays) * 86400], in: db)
        let attendance = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.id, s.run_id, s.starts_at, r.title FROM run_sessions s JOIN runs r ON r.id = s.run_id
            WHERE s.instructor_employee_id = ?1 AND s.starts_at <= ?2 AND s.starts_at > ?2 - 30 * 86400
              AND r.status IN ('running', 'finished', 'closed', 'open')
              AND EXISTS (SELECT 1 FROM enrolments e WHERE e.run_id = s.run_id AND e.state IN ('enrolled', 'completed', 'not_completed'))
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)
            ORDER BY s.starts_at, s.id LIMIT ?3
            """), arguments: [employeeId, now, HomeTasks.limit]).map {
            AttendanceDue(sessionId: $0["id"], runId: $0["run_id"], title: $0["title"], startsAt: $0["starts_at"])
        }
        let tasks = InstructorTasks(teaching: Array(teaching.prefix(HomeTasks.limit)), attendanceDue: attendance,
                                    reviews: Array(try ProjectLists.reviewQueue(employeeId: employeeId, in: db).prefix(HomeTasks.limit)))
        return tasks.isEmpty ? nil : tasks
    }
}
