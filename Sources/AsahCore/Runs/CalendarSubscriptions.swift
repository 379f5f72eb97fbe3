import GRDB

/// Calendar subscriptions: a secret address per account that Google Calendar, Outlook or
/// Thunderbird fetch without signing in, serving the person's schedule (sessions they hold a
/// seat or an offer in, and those they teach). Only the address's digest is stored, so it is
/// shown once; issuing a new one ends the old, and a switched-off account's feed stops.
public struct CalendarSubscriptions: Sendable {
    let database: AppDatabase

    /// Subscriptions in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// When the account's current address was made, or `nil` when it has none.
    public func issuedAt(userId: Int64) throws -> Int64? {
        try database.pool.read { try Int64.fetchOne($0, sql: "SELECT created_at FROM calendar_feeds WHERE user_id = ?", arguments: [userId]) }
    }

    /// A new secret for `actor`'s own feed, replacing any earlier one; audited.
    public func issue(for actor: Principal, ip: String?, now: Int64 = Clock.now()) throws -> String {
        let secret = SecureToken.generate()
        try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO calendar_feeds (user_id, token_digest, created_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET token_digest = excluded.token_digest, created_at = excluded.created_at,
                    last_used_at = NULL
                """, arguments: [actor.userId, SecureToken.digest(secret), now])
            try AuditLog.record("calendar.feed_issued", actor: actor.userId, ip: ip, in: db)
        }
        return secret
    }

    /// Ends `actor`'s feed; `false` when there was none.
    public func revoke(for actor: Principal, ip: String?) throws -> Bool {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM calendar_feeds WHERE user_id = ?", arguments: [actor.userId])
            guard db.changesCount > 0 else { return false }
            try AuditLog.record("calendar.feed_revoked", actor: actor.userId, ip: ip, in: db)
            return true
        }
    }

    /// The schedule behind `secret` with the owner's language, or `nil` for an unknown or
    /// revoked address or a switched-off account. The use is kept to the hour.
    public func schedule(secret: String, now: Int64 = Clock.now()) throws -> (locale: String, sessions: [CalendarSession])? {
        guard secret.count <= 128 else { return nil }
        let found = try database.pool.read { db -> (userId: Int64, lastUsed: Int64?, locale: String, sessions: [CalendarSession])? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT u.id, u.employee_id, u.locale, f.last_used_at FROM calendar_feeds f JOIN users u ON u.id = f.user_id AND u.active
                WHERE f.token_digest = ?
                """), arguments: [SecureToken.digest(secret)]) else { return nil }
            let sessions = try (row["employee_id"] as Int64?).map {
                try WorkshopCalendar.sessions(where: WorkshopCalendar.personFilter, $0, in: db)
            } ?? []
            return (row["id"], row["last_used_at"], row["locale"] ?? "id", sessions)
        }
        guard let found else { return nil }
        let hour = now - now % 3600
        if found.lastUsed != hour {
            try database.pool.write { db in
                try db.execute(sql: "UPDATE calendar_feeds SET last_used_at = ? WHERE user_id = ?", arguments: [hour, found.userId])
            }
        }
        return (found.locale, found.sessions)
    }
}
