import GRDB

/// Personal access tokens for scripts (`Authorization: Bearer ...`). Only a digest is stored;
/// the token is shown once, when created. Every token expires (90 days unless its owner
/// chooses fewer), its last use is kept to the hour only (like every other trace of activity
/// that could be matched with a pseudonymous post), and an admin can revoke anyone's.
public struct APITokens: Sendable {
    /// A token as listed (never the secret itself).
    public struct Token: Codable, FetchableRecord, Sendable {
        public let id: Int64
        public let name: String
        public let createdAt: Int64
        /// The hour it was last used in.
        public let lastUsedAt: Int64?
        public let revokedAt: Int64?
        public let expiresAt: Int64
        /// The owner, in the admin's list.
        public let ownerLogin: String?
        public let ownerName: String?

        /// Whether it can still be used at `now`.
        public func isLive(at now: Int64 = Clock.now()) -> Bool {
            revokedAt == nil && expiresAt > now
        }

        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    static let prefix = "asah_"
    private static let columns = "t.id, t.name, t.created_at, t.last_used_at, t.revoked_at, t.expires_at"
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Creates a token for `userId` living `lifetime` and returns its one-time plaintext.
    public func create(userId: Int64, name: String, lifetime: Lifetime = .standard, ip: String,
                       now: Int64 = Clock.now()) throws -> String {
        let secret = Self.prefix + SecureToken.generate()
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [userId, name, SecureToken.digest(secret), now, now + lifetime.seconds])
            try AuditLog.record("token.create", actor: userId, ip: ip, subject: name, detail: "\(lifetime.days) d", in: db)
        }
        return secret
    }

    /// The owner's tokens, newest first.
    public func list(userId: Int64) throws -> [Token] {
        try database.pool.read { db in
            try Token.fetchAll(db, sql: """
                SELECT \(Self.columns), NULL AS owner_login, NULL AS owner_name FROM api_tokens t WHERE t.user_id = ? ORDER BY t.id DESC
                """, arguments: [userId])
        }
    }

    /// Every live token of every account (for admins), newest first, one page, with the total.
    public func live(limit: Int, offset: Int, now: Int64 = Clock.now()) throws -> (tokens: [Token], total: Int) {
        try database.pool.read { db in
            let tokens = try Token.fetchAll(db, sql: """
                SELECT \(Self.columns), u.login AS owner_login, u.display_name AS owner_name
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.revoked_at IS NULL AND t.expires_at > ? ORDER BY t.id DESC LIMIT ? OFFSET ?
                """, arguments: [now, limit, offset])
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL AND expires_at > ?"),
                                         arguments: [now]) ?? 0
            return (tokens, total)
        }
    }

    /// Revokes one of the owner's tokens; false when it is not theirs or already revoked.
    public func revoke(id: Int64, userId: Int64, ip: String) throws -> Bool {
        try revoke(id: id, owner: userId, actor: userId, ip: ip) != nil
    }

    /// An admin (`actor`) revokes anyone's token; the owner's account, or nil when there is
    /// no unrevoked token `id`.
    public func revokeAny(id: Int64, actor: Int64?, ip: String) throws -> Int64? {
        try revoke(id: id, owner: nil, actor: actor, ip: ip)
    }

    private func revoke(id: Int64, owner: Int64?, actor: Int64?, ip: String) throws -> Int64? {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id IS coalesce(?, user_id) AND revoked_at IS NULL",
                           arguments: [Clock.now(), id, owner])
            guard db.changesCount > 0,
                  let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT u.id, u.login FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?"),
                                             arguments: [id]) else { return nil }
            try AuditLog.record("token.revoke", actor: actor, ip: ip, subject: String(id), detail: row["login"], in: db)
            return row["id"]
        }
    }

    /// The user a live token belongs to (not revoked, not expired). The hour of use is written
    /// at most once an hour.
    public func userId(forToken secret: String, now: Int64 = Clock.now()) throws -> Int64? {
        guard secret.hasPrefix(Self.prefix) else { return nil }
        let digest = SecureToken.digest(secret)
        let found = try database.pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?
                """), arguments: [digest, now])
        }
        guard let found else { return nil }
        let hour = Clock.hour(of: now)
        if (found["last_used_at"] as Int64?) != hour {
            try database.pool.write {
                try $0.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", arguments: [hour, found["id"] as Int64])
            }
        }
        return found["user_id"]
    }
}
