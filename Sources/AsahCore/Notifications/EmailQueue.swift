import GRDB

/// The notifications waiting to go by e-mail, and what became of each: sent, retried later with
/// a growing pause, or given up (no address, e-mail turned off altogether or for its kind, too
/// old, or too many failures).
/// Only named notifications are mailed: a notice to a pseudonym stays in the app, so no mail
/// log links a pseudonymous author to an address. The words are the web layer's, rendered
/// when sending in the recipient's language.
public struct EmailQueue: Sendable {
    /// One e-mail to send.
    public struct Message: Sendable {
        public let notification: AppNotification
        public let address: String
        public let name: String
        /// "id" or "en", the account's language.
        public let locale: String
    }

    /// Pauses after each failed attempt; after the last, the delivery is given up.
    public static let retryPauses: [Int64] = [60, 300, 1800, 7200, 43200]
    /// A notification older than this when it could first be sent is not mailed (a server that
    /// had no mail settings for a month does not send a month of news at once).
    public static let oldest: Int64 = 3 * 86400

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Up to `limit` messages due at `now`, oldest first, for people who take each notification
    /// at once (a daily digest's are ``digestsDue(now:)``). Deliveries that cannot be sent are
    /// given up first.
    public func due(limit: Int, now: Int64) throws -> [Message] {
        try database.pool.write { db in
            try Self.giveUpUnsendable(db, now: now)
            return try Self.pending(db, "u.email_digest IS 0 ORDER BY d.notification_id LIMIT ?2", [now, limit])
        }
    }

    /// The deliveries due at `?1` (the first argument) that also meet `rest` (further conditions,
    /// then the order and limit), with their recipients.
    static func pending(_ db: Database, _ rest: StaticString, _ arguments: StatementArguments) throws -> [Message] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT n.*, e.email AS address, e.name AS person, u.locale AS account_locale
            FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
            JOIN employees e ON e.id = n.employee_id JOIN users u ON u.employee_id = e.id
            WHERE d.sent_at IS NULL AND d.given_up_at IS NULL AND d.next_attempt_at <= ?1 AND \(rest)
            """), arguments: arguments).map { row in
            Message(notification: try AppNotification(row: row), address: row["address"], name: row["person"],
                    locale: row["account_locale"])
        }
    }

    /// Gives up the deliveries due at `now` that cannot be sent: no address, e-mail turned off,
    /// its kind turned off, account or employee inactive, too old.
    static func giveUpUnsendable(_ db: Database, now: Int64) throws {
        try db.execute(sql: """
            UPDATE email_deliveries SET given_up_at = ?, last_error = 'not mailed'
            WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ? AND notification_id IN (
                SELECT n.id FROM notifications n JOIN employees e ON e.id = n.employee_id
                LEFT JOIN users u ON u.employee_id = e.id
                WHERE n.created_at < ? OR NOT e.active OR e.email IS NULL OR e.email = '' OR u.id IS NULL OR NOT u.active
                   OR NOT u.email_notifications)
            """, arguments: [now, now, now - Self.oldest])
        try db.execute(sql: """
            UPDATE email_deliveries SET given_up_at = ?, last_error = 'kind off'
            WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ? AND notification_id IN (
                SELECT n.id FROM notifications n JOIN users u ON u.employee_id = n.employee_id
                JOIN email_kinds_off o ON o.user_id = u.id AND o.kind = n.kind)
            """, arguments: [now, now])
    }

    /// Records that notification `id` was handed to the mail server.
    public func sent(_ id: Int64, now: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE email_deliveries SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE notification_id = ?",
                           arguments: [now, id])
        }
    }

    /// Records a failed attempt for notification `id` (`error` as the mail server said it);
    /// answers whether the delivery was given up.
    @discardableResult
    public func failed(_ id: Int64, error: String, now: Int64) throws -> Bool {
        try database.pool.write { db in
            let attempts = (try Int.fetchOne(db.cachedStatement(sql: "SELECT attempts FROM email_deliveries WHERE notification_id = ?"),
                                             arguments: [id]) ?? 0) + 1
            let givesUp = attempts > Self.retryPauses.count
            try db.execute(sql: """
                UPDATE email_deliveries SET attempts = ?, last_error = ?, next_attempt_at = ?, given_up_at = ? WHERE notification_id = ?
                """, arguments: [attempts, String(error.prefix(500)), now + Self.retryPauses[min(attempts, Self.retryPauses.count) - 1],
                                 givesUp ? now : nil, id])
            return givesUp
        }
    }

    /// Turns e-mail notifications on or off for account `userId`.
    public func setEnabled(userId: Int64, _ enabled: Bool) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE users SET email_notifications = ? WHERE id = ?", arguments: [enabled, userId])
        }
    }

    /// Whether account `userId` gets e-mail notifications.
    public func isEnabled(userId: Int64) throws -> Bool {
        try database.pool.read { try Bool.fetchOne($0, sql: "SELECT email_notifications FROM users WHERE id = ?", arguments: [userId]) ?? false }
    }
}
