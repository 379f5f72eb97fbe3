import GRDB

extension EmailQueue {
    /// One day's notifications for a person who asked for a daily digest, sent as one e-mail.
    public struct Digest: Sendable {
        public let address: String
        public let name: String
        /// "id" or "en", the account's language.
        public let locale: String
        /// Oldest first; each one's delivery is marked sent or failed with the digest.
        public let notifications: [AppNotification]
    }

    /// The hour (in the installation's zone) daily digests go out.
    public static let digestHour = 7

    /// The latest digest time (07.00 in the installation's zone) at or before `now`.
    public static func lastDigestTime(before now: Int64) -> Int64 {
        let today = IndonesianTime.clock(digestHour, daysAfter: 0, from: now)
        return today <= now ? today : IndonesianTime.clock(digestHour, daysAfter: -1, from: now)
    }

    /// The digests due at `now`, one per person who takes a daily digest: their deliveries made
    /// before the latest 07.00 and due (a failed digest is retried with the queue's pauses).
    /// Notifications made after 07.00 wait for the next day's.
    public func digestsDue(now: Int64) throws -> [Digest] {
        let cutoff = Self.lastDigestTime(before: now)
        return try database.pool.write { db in
            try Self.giveUpUnsendable(db, now: now)
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT n.*, e.email AS address, e.name AS person, u.locale AS account_locale
                FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
                JOIN employees e ON e.id = n.employee_id JOIN users u ON u.employee_id = e.id
                WHERE d.sent_at IS NULL AND d.given_up_at IS NULL AND d.next_attempt_at <= ? AND u.email_digest
                  AND n.created_at <= ?
                ORDER BY n.employee_id, d.notification_id
                """), arguments: [now, cutoff])
            var digests: [Digest] = []
            var current: (employee: Int64, row: Row, notes: [AppNotification])?
            for row in rows {
                let note = try AppNotification(row: row)
                if let open = current, open.employee == note.employeeId {
                    current?.notes.append(note)
                } else {
                    if let open = current { digests.append(Self.digest(open.row, open.notes)) }
                    current = (note.employeeId, row, [note])
                }
            }
            if let open = current { digests.append(Self.digest(open.row, open.notes)) }
            return digests
        }
    }

    private static func digest(_ row: Row, _ notes: [AppNotification]) -> Digest {
        Digest(address: row["address"], name: row["person"], locale: row["account_locale"], notifications: notes)
    }

    /// Turns the daily digest on or off for account `userId`.
    public func setDigest(userId: Int64, _ daily: Bool) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE users SET email_digest = ? WHERE id = ?", arguments: [daily, userId])
        }
    }

    /// Whether account `userId` takes one e-mail a day instead of one per notification.
    public func isDigest(userId: Int64) throws -> Bool {
        try database.pool.read { try Bool.fetchOne($0, sql: "SELECT email_digest FROM users WHERE id = ?", arguments: [userId]) ?? false }
    }
}
