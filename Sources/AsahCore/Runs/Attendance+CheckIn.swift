import GRDB

extension Attendance {
    /// A session a person may check in to now.
    public struct CheckInSession: Sendable {
        public let id: Int64
        public let runTitle: String
        public let startsAt: Int64
    }

    /// Today's sessions of runs `employeeId` holds a seat in that are open for check-in at `now`
    /// (from ``checkInLead`` before the start to the end).
    public func checkInSessions(employeeId: Int64, now: Int64 = Clock.now()) throws -> [CheckInSession] {
        try database.pool.read { try Self.checkInSessions(employeeId: employeeId, now: now, in: $0) }
    }

    /// ``checkInSessions(employeeId:now:)`` inside the caller's read.
    static func checkInSessions(employeeId: Int64, now: Int64, in db: Database) throws -> [CheckInSession] {
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.id, s.starts_at, r.title FROM run_sessions s
                JOIN runs r ON r.id = s.run_id AND r.status IN ('open', 'closed', 'running')
                JOIN enrolments e INDEXED BY enrolments_employee ON e.run_id = s.run_id AND e.employee_id = ? AND e.state = 'enrolled'
                WHERE ? BETWEEN s.starts_at - ? AND s.ends_at ORDER BY s.starts_at
                """), arguments: [employeeId, now, Self.checkInLead]).map {
                CheckInSession(id: $0["id"], runTitle: $0["title"], startsAt: $0["starts_at"])
            }
    }
}
