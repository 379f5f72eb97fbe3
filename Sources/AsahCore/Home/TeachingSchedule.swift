import GRDB

/// An instructor's teaching schedule ("Jadwal mengajar"): the sessions they teach from 30 days
/// back to 60 days ahead, each with how much of its attendance is recorded, and the project
/// submissions waiting for their review, longest waiting first.
public struct TeachingSchedule: Sendable {
    /// A session they teach, with its attendance so far.
    public struct Session: Sendable, Hashable {
        public let session: CalendarSession
        /// Participants holding a seat in the run.
        public let participants: Int
        /// Of them, how many have a mark for this session.
        public let marked: Int
    }

    public let sessions: [Session]
    public let reviews: [ReviewQueueItem]

    /// The schedule of `employeeId` at `now`, in one read.
    public static func of(employeeId: Int64, now: Int64 = Clock.now(), in database: AppDatabase) throws -> TeachingSchedule {
        try database.pool.read { db in
            let sessions = try WorkshopCalendar.sessions(where: """
                s.instructor_employee_id = ?1 AND s.starts_at >= ?2 - 30 * 86400 AND s.starts_at < ?2 + 60 * 86400
                  AND r.status IN ('open', 'closed', 'running', 'finished')
                """, arguments: [employeeId, now], in: db)
            var counts: [Int64: (Int, Int)] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.id,
                       (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = s.run_id AND e.state IN ('enrolled', 'completed', 'not_completed'))
                           AS participants,
                       (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) AS marked
                FROM run_sessions s WHERE s.instructor_employee_id = ?
                """), arguments: [employeeId]) {
                counts[row["id"]] = (row["participants"], row["marked"])
            }
            return TeachingSchedule(
                sessions: sessions.map { Session(session: $0, participants: counts[$0.sessionId]?.0 ?? 0, marked: counts[$0.sessionId]?.1 ?? 0) },
                reviews: try ProjectLists.reviewQueue(employeeId: employeeId, in: db))
        }
    }
}
