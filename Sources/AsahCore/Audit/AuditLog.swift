import GRDB

/// An append-only record of security-relevant and data-changing actions: who, what, when, from where.
public enum AuditLog {
    /// One line of the log.
    public struct Entry: Codable, FetchableRecord, Sendable {
        public let id: Int64
        public let at: Int64
        public let actorUserId: Int64?
        public let actorLogin: String?
        public let ip: String?
        public let action: String
        public let subject: String?
        public let detail: String?

        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    /// Actions recorded to the hour only: signing in and out says when a person was active,
    /// and to the second it could be matched with the time of a pseudonymous post.
    public static let hourlyActions: Set<String> = ["login", "login.failed", "logout"]

    /// Appends an entry inside the caller's transaction, so it commits or rolls back with the change.
    public static func record(_ action: String, actor: Int64?, ip: String?, subject: String? = nil,
                              detail: String? = nil, in db: Database) throws {
        let now = Clock.now()
        try db.execute(sql: """
            INSERT INTO audit_log (at, actor_user_id, ip, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [hourlyActions.contains(action) ? Clock.hour(of: now) : now, actor, ip, action, subject, detail])
    }

    /// Appends an entry in a transaction of its own, for an action whose change is already
    /// committed (an import reports what it applied).
    public static func record(_ action: String, actor: Int64?, ip: String?, subject: String? = nil, detail: String? = nil,
                              in database: AppDatabase) throws {
        try database.pool.write { try record(action, actor: actor, ip: ip, subject: subject, detail: detail, in: $0) }
    }

    /// One page of the log, newest first, and how many entries there are.
    public static func page(limit: Int, offset: Int, in database: AppDatabase) throws -> (entries: [Entry], total: Int) {
        try database.pool.read { db in
            (try recent(limit: limit, offset: offset, in: db), try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM audit_log")) ?? 0)
        }
    }

    /// The newest entries first.
    public static func recent(limit: Int = 100, offset: Int = 0, in db: Database) throws -> [Entry] {
        try Entry.fetchAll(db.cachedStatement(sql: """
            SELECT a.id, a.at, a.actor_user_id, u.login AS actor_login, a.ip, a.action, a.subject, a.detail
            FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
            ORDER BY a.id DESC LIMIT ? OFFSET ?
            """), arguments: [limit, offset])
    }
}
