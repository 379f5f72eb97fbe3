import GRDB

/// The sessions of calendar feeds: one per run, and one per person (the runs they are enrolled
/// in or offered a seat in, plus the sessions they teach). Each call is one read.
public struct WorkshopCalendar: Sendable {
    let database: AppDatabase

    /// Feeds of `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// The title and sessions of one run; `nil` when there is no such run.
    public func run(runId: Int64) throws -> (title: String, sessions: [CalendarSession])? {
        try database.pool.read { db in
            guard let run = try Run.fetchOne(db, keptKey: runId) else { return nil }
            return (run.title, try Self.sessions(where: "s.run_id = ?1", runId, in: db))
        }
    }

    /// One person's schedule: sessions of runs they are enrolled or offered in, and those they teach.
    public func person(employeeId: Int64) throws -> [CalendarSession] {
        try database.pool.read { db in try Self.sessions(where: Self.personFilter, employeeId, in: db) }
    }

    /// The sessions of a person (`?1`): of runs they are enrolled or offered in, and those they teach.
    static let personFilter = """
        r.status != 'draft' AND (s.instructor_employee_id = ?1 OR s.run_id IN
            (SELECT run_id FROM enrolments WHERE employee_id = ?1 AND state IN ('enrolled', 'offered')))
        """

    /// The sessions matching `filter` (which may use `?1`, bound to `value`), in time order.
    static func sessions(where filter: String, _ value: Int64, in db: Database) throws -> [CalendarSession] {
        try sessions(where: filter, arguments: [value], in: db)
    }

    /// The sessions matching `filter` with its `arguments`, in time order.
    static func sessions(where filter: String, arguments: StatementArguments, in db: Database) throws -> [CalendarSession] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.id, s.run_id, s.starts_at, s.ends_at, s.place, s.online_url, r.title, r.status, i.name AS instructor,
                   -- The session's place in its run, counted for the chosen sessions only (numbering
                   -- every session of every run first cost a province's home most of its time).
                   (SELECT COUNT(*) FROM run_sessions x WHERE x.run_id = s.run_id
                       AND (x.starts_at < s.starts_at OR (x.starts_at = s.starts_at AND x.id <= s.id))) AS number,
                   (SELECT COUNT(*) FROM run_sessions x WHERE x.run_id = s.run_id) AS total
            FROM run_sessions s JOIN runs r ON r.id = s.run_id
            LEFT JOIN employees i ON i.id = s.instructor_employee_id
            WHERE \(filter) ORDER BY s.starts_at, s.id
            """), arguments: arguments).map { row in
            CalendarSession(sessionId: row["id"], runId: row["run_id"], title: row["title"], startsAt: row["starts_at"],
                            endsAt: row["ends_at"], place: row["place"], onlineURL: row["online_url"], instructor: row["instructor"],
                            number: row["number"], total: row["total"], cancelled: row["status"] == RunStatus.cancelled.rawValue)
        }
    }
}
