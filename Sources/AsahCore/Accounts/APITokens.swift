import GRDB

/// Personal access tokens for scripts (`Authorization: Bearer ...`). Only a digest is stored;
/// the token is shown once, when created.
public struct APITokens: Sendable {
    /// A token as listed to its owner (never the secret itself).
    public struct Token: Codable, FetchableRecord, Sendable {
        public let id: Int64
        public let name: String
        public let createdAt: Int64
        public let lastUsedAt: Int64?
        public let revokedAt: Int64?

        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    static let prefix = "asah_"
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Creates a token for `userId` and returns its one-time plaintext.
    public func create(userId: Int64, name: String, ip: String) throws -> String {
        let secret = Self.prefix + SecureToken.generate()
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [userId, name, SecureToken.digest(secret), Clock.now()])
            try AuditLog.record("token.create", actor: userId, ip: ip, subject: name, in: db)
        }
        return secret
    }

    /// The owner's tokens, newest first.
    public func list(userId: Int64) throws -> [Token] {
        try database.pool.read { db in
            try Token.fetchAll(db, sql: """
                SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id DESC
                """, arguments: [userId])
        }
    }

    /// Revokes one of the owner's tokens; false when it is not theirs or already revoked.
    public func revoke(id: Int64, userId: Int64, ip: String) throws -> Bool {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                           arguments: [Clock.now(), id, userId])
            guard db.changesCount > 0 else { return false }
            try AuditLog.record("token.revoke", actor: userId, ip: ip, subject: String(id), in: db)
            return true
        }
    }

    /// The user a live token belongs to.
    public func userId(forToken secret: String) throws -> Int64? {
        guard secret.hasPrefix(Self.prefix) else { return nil }
        let digest = SecureToken.digest(secret)
        let found = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                             arguments: [digest])
        }
        guard let found else { return nil }
        let lastUsed: Int64? = found["last_used_at"]
        if (lastUsed ?? 0) < Clock.now() - 60 {
            try database.pool.write {
                try $0.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
                               arguments: [Clock.now(), found["id"] as Int64])
            }
        }
        return found["user_id"]
    }
}
