import GRDB

/// Server-side sessions in SQLite. The cookie carries a random token; the table keeps only its
/// SHA-256, so neither a database copy nor a log line is enough to take over a session.
public struct SessionStore: Sendable {
    /// A live session as a request sees it.
    public struct Session: Sendable {
        public let id: String
        public let userId: Int64
        public let csrfToken: String
        public let createdAt: Int64
        public let lastSeenAt: Int64
    }

    let database: AppDatabase
    public let policy: SessionPolicy

    public init(database: AppDatabase, policy: SessionPolicy = SessionPolicy()) {
        self.database = database
        self.policy = policy
    }

    /// Starts a new session (always a new id: no fixation) and returns the cookie token.
    public func create(userId: Int64, ip: String, userAgent: String?, in db: Database) throws -> (token: String, session: Session) {
        let token = SecureToken.generate()
        let now = Clock.floor(Clock.now(), to: policy.activityStep)
        let session = Session(id: SecureToken.digest(token), userId: userId, csrfToken: SecureToken.generate(),
                              createdAt: now, lastSeenAt: now)
        try db.execute(sql: """
            INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [session.id, userId, session.csrfToken, now, now, ip, userAgent.map { String($0.prefix(300)) }])
        return (token, session)
    }

    /// The live session for a cookie token; expired ones are deleted and give nil.
    public func resolve(token: String) throws -> Session? {
        let id = SecureToken.digest(token)
        let now = Clock.now()
        guard let session = try database.pool.read({ db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id = ?"),
                             arguments: [id]).map {
                Session(id: id, userId: $0["user_id"], csrfToken: $0["csrf_token"], createdAt: $0["created_at"],
                        lastSeenAt: $0["last_seen_at"])
            }
        }) else { return nil }
        if now - session.lastSeenAt >= policy.idleTimeout + policy.activityStep || now - session.createdAt > policy.absoluteTimeout {
            try database.pool.write { try $0.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id]) }
            return nil
        }
        let step = Clock.floor(now, to: policy.activityStep)
        if step > session.lastSeenAt {
            try database.pool.write {
                try $0.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE id = ?", arguments: [step, id])
            }
        }
        return session
    }

    /// Ends one session.
    public func delete(id: String) throws {
        try database.pool.write { try $0.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id]) }
    }

    /// Ends every session of a user (after a password change or reset).
    public static func deleteAll(userId: Int64, except keep: String? = nil, in db: Database) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?", arguments: [userId, keep])
    }

    /// How many sessions are live (within both timeouts).
    public func liveCount() throws -> Int {
        let now = Clock.now()
        return try database.pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions WHERE last_seen_at > ? AND created_at >= ?",
                             arguments: [now - policy.idleTimeout - policy.activityStep, now - policy.absoluteTimeout]) ?? 0
        }
    }

    /// Deletes sessions past either timeout.
    public func purgeExpired() throws {
        let now = Clock.now()
        try database.pool.write {
            try $0.execute(sql: "DELETE FROM sessions WHERE last_seen_at <= ? OR created_at < ?",
                           arguments: [now - policy.idleTimeout - policy.activityStep, now - policy.absoluteTimeout])
        }
    }
}
