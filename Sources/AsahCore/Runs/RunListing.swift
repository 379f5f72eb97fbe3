import GRDB

/// The coordinator's list of runs, newest first, with their seat counts.
public struct RunListing: Sendable {
    /// One run as listed.
    public struct Entry: Sendable {
        public let run: Run
        public let courseCode: String
        public let courseTitle: BilingualText
        /// Seats held (enrolled or offered), people waiting, requests waiting for a supervisor.
        public let held: Int
        public let waiting: Int
        public let pending: Int
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// A course's page: the course on offer with code `code` and its runs that are open,
    /// closed for enrolment or running (soonest first), in one read; `nil` for an unknown or
    /// archived course.
    public func coursePage(code: String) throws -> (course: Course, runs: [Entry])? {
        try database.pool.read { db in
            guard let course = try CatalogueQueries.course(code: code, in: db), !course.archived else { return nil }
            return (course, try Self.upcoming(courseId: course.id!, in: db))
        }
    }

    private static func upcoming(courseId: Int64, in db: Database) throws -> [Entry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(columns) WHERE r.course_id = ? AND r.status IN ('open', 'closed', 'running') ORDER BY r.starts_on, r.id
            """), arguments: [courseId]).map(entry)
    }

    /// One page of the runs in `status` (every status when nil), and how many there are.
    public func page(status: RunStatus?, limit: Int, offset: Int) throws -> (runs: [Entry], total: Int) {
        try database.pool.read { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM runs WHERE ?1 IS NULL OR status = ?1"),
                                         arguments: [status?.rawValue]) ?? 0
            let runs = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.columns) WHERE ?1 IS NULL OR r.status = ?1 ORDER BY r.starts_on DESC, r.id DESC LIMIT ?2 OFFSET ?3
                """), arguments: [status?.rawValue, limit, offset]).map(Self.entry)
            return (runs, total)
        }
    }

    /// A run with its course and seat counts, as every listing reads it.
    private static let columns = """
        r.*, c.code AS course_code, c.title_id, c.title_en,
               (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) AS held,
               (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state = 'waitlisted') AS waiting,
               (SELECT COUNT(*) FROM enrolments e WHERE e.run_id = r.id AND e.state = 'requested') AS pending
        FROM runs r JOIN courses c ON c.id = r.course_id
        """

    private static func entry(_ row: Row) throws -> Entry {
        Entry(run: try Run(row: row), courseCode: row["course_code"], courseTitle: BilingualText(row["title_id"], english: row["title_en"]),
              held: row["held"], waiting: row["waiting"], pending: row["pending"])
    }
}
