import GRDB

extension EmailQueue {
    /// Stores the notification kinds account `userId` wants no e-mail for (all others are mailed).
    public func setKindsOff(userId: Int64, _ kinds: Set<NotificationKind>) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM email_kinds_off WHERE user_id = ?", arguments: [userId])
            for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
                try db.execute(sql: "INSERT INTO email_kinds_off (user_id, kind) VALUES (?, ?)", arguments: [userId, kind])
            }
        }
    }

    /// The notification kinds account `userId` turned e-mail off for.
    public func kindsOff(userId: Int64) throws -> Set<NotificationKind> {
        try database.pool.read { db in
            Set(try String.fetchAll(db.cachedStatement(sql: "SELECT kind FROM email_kinds_off WHERE user_id = ?"), arguments: [userId])
                .compactMap(NotificationKind.init(rawValue:)))
        }
    }
}
