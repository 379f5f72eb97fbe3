import GRDB

/// Headline counts for coordinators and admins.
public struct OrganisationStats: Sendable {
    public let employees: Int
    public let units: Int
    public let supervisors: Int
    public let accounts: Int

    /// The counts now.
    public static func current(in database: AppDatabase) throws -> OrganisationStats {
        try database.pool.read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT COUNT(*) FROM employees WHERE active) AS employees,
                       (SELECT COUNT(*) FROM units WHERE active) AS units,
                       (SELECT COUNT(DISTINCT supervisor_id) FROM employees WHERE active AND supervisor_id IS NOT NULL) AS supervisors,
                       (SELECT COUNT(*) FROM users WHERE active) AS accounts
                """))!
            return OrganisationStats(employees: row["employees"], units: row["units"], supervisors: row["supervisors"],
                                     accounts: row["accounts"])
        }
    }
}

/// What the home page shows one person, read in one snapshot: their record, and for a
/// supervisor their team; the audit log's latest entries for those who may read it.
public struct HomePage: Sendable {
    /// A supervisor's team at a glance: how many report directly, the first of them by name,
    /// and how many are below in the whole chain.
    public struct Team: Sendable {
        public let direct: Int
        public let first: [Employee]
        public let chain: Int
    }

    /// How many of the direct reports the home page names.
    public static let teamShown = 8

    public let record: PersonRecord?
    public let team: Team?
    public let audit: [AuditLog.Entry]?
    /// What waits for them, by role.
    public let tasks: HomeTasks

    /// The home of `viewer` at `now`, in one read.
    public static func of(_ viewer: Principal, now: Int64 = Clock.now(), in database: AppDatabase) throws -> HomePage {
        try database.pool.read { db in
            let id = viewer.employeeId
            return HomePage(
                record: try id.flatMap { try PersonRecord.load(id: $0, in: db) },
                team: try id.flatMap { id in
                    viewer.has(.atasan) ? Team(direct: try EmployeeDirectory.directSubordinateCount(of: id, in: db),
                                               first: try EmployeeDirectory.firstSubordinates(of: id, limit: teamShown, in: db),
                                               chain: try EmployeeDirectory.chainSize(below: id, in: db)) : nil
                },
                audit: Policy.allows(viewer, .viewAuditLog) ? try AuditLog.recent(limit: 8, in: db) : nil,
                tasks: try HomeTasks.load(for: viewer, now: now, in: db))
        }
    }
}
