import GRDB

/// One run with what every view of it needs: its course, seats and sessions (with the
/// instructors' names), read in one snapshot.
public struct RunFacts: Sendable {
    /// A session with its instructor's name.
    public struct SessionFacts: Sendable {
        public let session: RunSession
        public let instructorName: String?
    }

    /// A unit's seat quota in the run.
    public struct QuotaFacts: Sendable {
        public let unitId: Int64
        public let unitCode: String
        public let unitName: String
        public let seats: Int
    }

    public let run: Run
    public let courseCode: String
    public let courseTitle: BilingualText
    /// Enrolled or offered.
    public let held: Int
    public let waitlistLength: Int
    public let sessions: [SessionFacts]
    /// The unit quotas, by unit name.
    public let quotas: [QuotaFacts]

    public var seatsLeft: Int { max(0, run.capacity - held) }
    public var id: Int64 { run.id! }

    /// The run `id`, or nil when there is none.
    static func load(_ id: Int64, in db: Database) throws -> RunFacts? {
        guard let run = try Run.fetchOne(db, keptKey: id),
              let course = try Row.fetchOne(db.cachedStatement(sql: "SELECT code, title_id, title_en FROM courses WHERE id = ?"),
                                            arguments: [run.courseId]) else { return nil }
        let (held, waiting) = try counts(runId: id, in: db)
        let sessions = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.*, e.name AS instructor_name FROM run_sessions s LEFT JOIN employees e ON e.id = s.instructor_employee_id
            WHERE s.run_id = ? ORDER BY s.starts_at, s.id
            """), arguments: [id]).map { row in
            SessionFacts(session: try RunSession(row: row), instructorName: row["instructor_name"])
        }
        let quotas = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT q.unit_id, q.seats, u.code, u.name FROM run_unit_quotas q JOIN units u ON u.id = q.unit_id
            WHERE q.run_id = ? ORDER BY u.name, u.code
            """), arguments: [id]).map { row in
            QuotaFacts(unitId: row["unit_id"], unitCode: row["code"], unitName: row["name"], seats: row["seats"])
        }
        return RunFacts(run: run, courseCode: course["code"], courseTitle: BilingualText(course["title_id"], english: course["title_en"]),
                        held: held, waitlistLength: waiting, sessions: sessions, quotas: quotas)
    }

    /// Seats held (enrolled or offered) and people waiting in run `runId`.
    static func counts(runId: Int64, in db: Database) throws -> (held: Int, waiting: Int) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(state IN ('enrolled', 'offered')), 0) AS held, COALESCE(SUM(state = 'waitlisted'), 0) AS waiting
            FROM enrolments WHERE run_id = ?
            """), arguments: [runId])
        return (row?["held"] ?? 0, row?["waiting"] ?? 0)
    }

    /// Whether `principal` may see the run at all: drafts only for coordinators.
    public static func visible(_ run: Run, to principal: Principal) -> Bool {
        run.status != .draft || WorkshopAccess.coordinates(principal)
    }
}
