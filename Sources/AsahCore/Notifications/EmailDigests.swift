import GRDB

extension EmailQueue {
    /// One day's notifications for a person who asked for a daily digest, sent as one e-mail.
    public struct Digest: Sendable {
        public let address: String
        public let name: String
        /// "id" or "en", the account's language.
        public let locale: String
        /// Oldest first; each one's delivery is marked sent or failed with the digest.
        public internal(set) var notifications: [AppNotification]
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
            let messages = try Self.pending(db, "u.email_digest AND n.created_at <= ?2 ORDER BY n.employee_id, d.notification_id",
                                            [now, cutoff])
            // One digest per person: their messages come together, oldest first.
            var digests: [Digest] = []
            for message in messages {
                if let last = digests.last, last.notifications.last?.employeeId == message.notification.employeeId {
                    digests[digests.count - 1].notifications.append(message.notification)
                } else {
                    digests.append(Digest(address: message.address, name: message.name, locale: message.locale,
                                          notifications: [message.notification]))
                }
            }
            return digests
        }
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
