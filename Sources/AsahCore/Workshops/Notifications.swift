import GRDB

/// In-app notifications: written inside the transaction of the change they report, read and
/// marked read by their employee.
public struct Notifications: Sendable {
    let database: AppDatabase

    /// Notifications of `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Writes a notification inside the caller's transaction.
    static func send(to employeeId: Int64, _ kind: NotificationKind, _ message: String, link: String?,
                     now: Int64, in db: Database) throws {
        var notification = AppNotification(employeeId: employeeId, kind: kind, message: message, link: link, createdAt: now)
        try notification.insert(db)
    }

    /// The unread notifications of `employeeId`, newest first.
    public func unread(employeeId: Int64, limit: Int = 50) throws -> [AppNotification] {
        try database.pool.read { db in
            try AppNotification.fetchAll(db, sql: """
                SELECT * FROM notifications WHERE employee_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ?
                """, arguments: [employeeId, limit])
        }
    }

    /// How many notifications of `employeeId` are unread (for the badge).
    public func unreadCount(employeeId: Int64) throws -> Int {
        try database.pool.read { try Self.unreadCount(employeeId: employeeId, in: $0) }
    }

    /// ``unreadCount(employeeId:)`` inside the caller's read.
    public static func unreadCount(employeeId: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM notifications WHERE employee_id = ? AND read_at IS NULL"),
                         arguments: [employeeId]) ?? 0
    }

    /// The latest notifications of `employeeId`, read or not, newest first.
    public func recent(employeeId: Int64, limit: Int = 50) throws -> [AppNotification] {
        try database.pool.read { db in
            try AppNotification.fetchAll(db, sql: "SELECT * FROM notifications WHERE employee_id = ? ORDER BY id DESC LIMIT ?",
                                         arguments: [employeeId, limit])
        }
    }

    /// Marks one notification read; only its own employee can (others' ids are ignored).
    public func markRead(id: Int64, employeeId: Int64, now: Int64 = Clock.now()) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE id = ? AND employee_id = ? AND read_at IS NULL",
                           arguments: [now, id, employeeId])
        }
    }

    /// Marks every notification of `employeeId` read.
    public func markAllRead(employeeId: Int64, now: Int64 = Clock.now()) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE employee_id = ? AND read_at IS NULL",
                           arguments: [now, employeeId])
        }
    }
}
