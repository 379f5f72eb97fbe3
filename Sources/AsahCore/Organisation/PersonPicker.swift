import GRDB

/// Finding a person without typing their NIP: what someone typed (a NIP, or words of a name) is
/// resolved among active employees, within a supervisor's chain when they act for their team;
/// and the short lists a form offers as suggestions (a supervisor's team, the instructors).
public struct PersonPicker: Sendable {
    /// What the typed text found.
    public enum Pick: Sendable, Equatable {
        /// One person.
        case found(DirectoryEntry)
        /// Several: the form asks which one (at most ``PersonPicker/choiceLimit``).
        case choices([DirectoryEntry])
        /// Nobody.
        case none
    }

    /// How many matches a form lists to choose from.
    public static let choiceLimit = 12

    let database: AppDatabase

    /// A picker over `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// The person `typed` names: a NIP (spaces allowed; a whole one matches one person), else
    /// every word of a name; only active people, and only those below `supervisorId` in the
    /// chain when given.
    public func resolve(_ typed: String, withinChainOf supervisorId: Int64? = nil) throws -> Pick {
        let matches = try self.matches(typed, withinChainOf: supervisorId)
        switch matches.count {
        case 0: return .none
        case 1: return .found(matches[0])
        default: return .choices(Array(matches.prefix(Self.choiceLimit)))
        }
    }

    /// The people a form suggests while `typed` is being typed (at most `limit`), by the same
    /// rule as ``resolve(_:withinChainOf:)``.
    public func suggestions(_ typed: String, withinChainOf supervisorId: Int64? = nil, limit: Int = 10) throws -> [DirectoryEntry] {
        Array(try matches(typed, withinChainOf: supervisorId).prefix(max(1, min(limit, 50))))
    }

    /// Active people fitting `typed`: within a chain read whole and matched here (a chain is
    /// hundreds at most), else found by the directory's indexed search.
    private func matches(_ typed: String, withinChainOf supervisorId: Int64?) throws -> [DirectoryEntry] {
        try database.pool.read { db in
            if let supervisorId {
                return try team(of: supervisorId, limit: 300, in: db).filter { $0.fits(typed) }
            }
            return try EmployeeDirectory.search(typed, pageSize: 200, in: db).entries.filter(\.active)
        }
    }

    /// Everyone below `?` in the supervisor chain, as a query of their ids.
    private static let chain = """
        WITH RECURSIVE chain(id) AS (SELECT id FROM employees WHERE supervisor_id = ?
                                     UNION SELECT x.id FROM employees x JOIN chain ON x.supervisor_id = chain.id) SELECT id FROM chain
        """

    /// The active people below `supervisorId` in the chain, by name (at most `limit`).
    public func team(of supervisorId: Int64, limit: Int = 300) throws -> [DirectoryEntry] {
        try database.pool.read { db in try team(of: supervisorId, limit: limit, in: db) }
    }

    private func team(of supervisorId: Int64, limit: Int, in db: Database) throws -> [DirectoryEntry] {
        try entries(where: "e.active AND e.id IN (\(Self.chain))", [supervisorId], limit: limit, in: db)
    }

    /// The active employees whose account holds the instructor role, by name.
    public func instructors(limit: Int = 300) throws -> [DirectoryEntry] {
        try database.pool.read { db in
            try entries(where: """
                e.active AND e.id IN (SELECT u.employee_id FROM users u JOIN user_roles r ON r.user_id = u.id
                                      WHERE r.role = 'instruktur' AND u.active)
                """, [], limit: limit, in: db)
        }
    }

    private func entries(where filter: String, _ arguments: StatementArguments, limit: Int, in db: Database) throws -> [DirectoryEntry] {
        try DirectoryEntry.fetchAll(db, sql: DirectoryEntry.select + " WHERE \(filter) ORDER BY e.name COLLATE NOCASE, e.id LIMIT ?",
                                    arguments: arguments + [limit])
    }
}
