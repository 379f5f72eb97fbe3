import GRDB

/// In-app notifications: written inside the transaction of the change they report, read and
/// marked read by their employee. A person reads two kinds together: those addressed to them
/// (`notifications`) and those addressed to the pseudonyms they hold (see `PseudonymNotices`,
/// given negative ids). A notice that reached someone both as a follower and as a pseudonymous
/// author is shown once. Read times are kept to the hour only, like every other trace of
/// activity that could be matched with the time of a pseudonymous post.
public struct Notifications: Sendable {
    let database: AppDatabase
    let vault: PseudonymVault

    /// Notifications of `database`, with its pseudonym key.
    public init(database: AppDatabase) throws {
        self.database = database
        self.vault = try PseudonymVault.of(database)
    }

    /// Writes a notification inside the caller's transaction.
    static func send(to employeeId: Int64, _ kind: NotificationKind, _ notice: NotificationContent, link: String?,
                     now: Int64, in db: Database) throws {
        var notification = AppNotification(employeeId: employeeId, kind: kind, notice: notice, link: link, createdAt: now)
        try notification.insert(db)
    }

    /// Writes a notification with a ready sentence (being replaced by ``send(to:_:_:link:now:in:)-(_,_,NotificationContent,_,_,_)``).
    static func send(to employeeId: Int64, _ kind: NotificationKind, _ message: String, link: String?,
                     now: Int64, in db: Database) throws {
        var notification = AppNotification(employeeId: employeeId, kind: kind, message: message, link: link, createdAt: now)
        try notification.insert(db)
    }

    /// The unread notifications of `employeeId`, newest first.
    public func unread(employeeId: Int64, limit: Int = 50) throws -> [AppNotification] {
        try database.pool.read { try list(employeeId: employeeId, unreadOnly: true, limit: limit, in: $0) }
    }

    /// The latest notifications of `employeeId`, read or not, newest first.
    public func recent(employeeId: Int64, limit: Int = 50) throws -> [AppNotification] {
        try database.pool.read { try list(employeeId: employeeId, unreadOnly: false, limit: limit, in: $0) }
    }

    /// One page of `employeeId`'s notifications, newest first, and how many there are in all.
    public func page(employeeId: Int64, offset: Int, limit: Int) throws -> (notifications: [AppNotification], total: Int) {
        try database.pool.read { db in
            let pseudonymous = try pseudonymNotices(employeeId: employeeId, unreadOnly: false, limit: Int(Int32.max), in: db)
            let named = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM notifications WHERE employee_id = ?"), arguments: [employeeId]) ?? 0
            let shown = try list(employeeId: employeeId, pseudonymous: pseudonymous, unreadOnly: false, limit: offset + limit, in: db)
            return (Array(shown.dropFirst(offset)), named + pseudonymous.count)
        }
    }

    /// Marks notification `id` of `employeeId` read and gives the page it leads to; nil when
    /// it is not theirs.
    public func open(id: Int64, employeeId: Int64, now: Int64 = Clock.now()) throws -> AppNotification? {
        try markRead(id: id, employeeId: employeeId, now: now)
        return try database.pool.read { db in
            guard id < 0 else {
                return try AppNotification.fetchOne(db.cachedStatement(sql: "SELECT * FROM notifications WHERE id = ? AND employee_id = ?"),
                                                    arguments: [id, employeeId])
            }
            let addresses = try PseudonymNotices.addresses(ofEmployee: employeeId, vault: vault, in: db)
            return try PseudonymNotices.notices(to: addresses, unreadOnly: false, limit: Int(Int32.max), employeeId: employeeId,
                                                in: db).first { $0.id == id }
        }
    }

    /// How many notifications of `employeeId` are unread (for the badge).
    public func unreadCount(employeeId: Int64) throws -> Int {
        try database.pool.read { try unreadCount(employeeId: employeeId, in: $0) }
    }

    /// ``unreadCount(employeeId:)`` inside the caller's read; `userId`, when the caller knows
    /// it, spares looking up the account (the badge is counted on every identity load).
    func unreadCount(employeeId: Int64, userId: Int64? = nil, in db: Database) throws -> Int {
        let named = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM notifications WHERE employee_id = ? AND read_at IS NULL
            """), arguments: [employeeId]) ?? 0
        return try named + pseudonymNotices(employeeId: employeeId, userId: userId, unreadOnly: true, limit: Int(Int32.max), in: db).count
    }

    /// Marks one notification read; only its own employee can (others' ids are ignored).
    public func markRead(id: Int64, employeeId: Int64, now: Int64 = Clock.now()) throws {
        try database.pool.write { db in
            if id < 0 {
                let addresses = try PseudonymNotices.addresses(ofEmployee: employeeId, vault: vault, in: db)
                try PseudonymNotices.markRead(id: -id, addresses: addresses, hour: Clock.hour(of: now), in: db)
            } else {
                try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE id = ? AND employee_id = ? AND read_at IS NULL",
                               arguments: [Clock.hour(of: now), id, employeeId])
            }
        }
    }

    /// Marks every notification of `employeeId` read.
    public func markAllRead(employeeId: Int64, now: Int64 = Clock.now()) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE employee_id = ? AND read_at IS NULL",
                           arguments: [Clock.hour(of: now), employeeId])
            let addresses = try PseudonymNotices.addresses(ofEmployee: employeeId, vault: vault, in: db)
            try PseudonymNotices.markRead(id: nil, addresses: addresses, hour: Clock.hour(of: now), in: db)
        }
    }

    private func list(employeeId: Int64, unreadOnly: Bool, limit: Int, in db: Database) throws -> [AppNotification] {
        try list(employeeId: employeeId,
                 pseudonymous: pseudonymNotices(employeeId: employeeId, unreadOnly: unreadOnly, limit: limit, in: db),
                 unreadOnly: unreadOnly, limit: limit, in: db)
    }

    /// The named notifications merged with `pseudonymous` ones, newest first.
    private func list(employeeId: Int64, pseudonymous: [AppNotification], unreadOnly: Bool, limit: Int,
                      in db: Database) throws -> [AppNotification] {
        // Two statements in all (all or unread), each prepared once per connection.
        let named = try AppNotification.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM notifications WHERE employee_id = ?\(unreadOnly ? " AND read_at IS NULL" : "") ORDER BY created_at DESC, id DESC LIMIT ?
            """), arguments: [employeeId, limit])
        guard !pseudonymous.isEmpty else { return named }
        let merged = (named + pseudonymous).sorted { ($0.createdAt, abs($0.id ?? 0)) > ($1.createdAt, abs($1.id ?? 0)) }
        return Array(merged.prefix(limit))
    }

    /// The notices to the pseudonyms `employeeId` holds (looked up from `userId` when given),
    /// without those that also reached them as a follower.
    private func pseudonymNotices(employeeId: Int64, userId: Int64? = nil, unreadOnly: Bool, limit: Int,
                                  in db: Database) throws -> [AppNotification] {
        let addresses = try userId.map { try PseudonymNotices.addresses(ofUser: $0, vault: vault, in: db) }
            ?? PseudonymNotices.addresses(ofEmployee: employeeId, vault: vault, in: db)
        guard !addresses.isEmpty else { return [] }
        return try PseudonymNotices.notices(to: addresses, unreadOnly: unreadOnly, limit: limit, employeeId: employeeId, in: db)
            .filter { try !isTwin($0, in: db) }
    }

    /// Whether a pseudonym's notice also reached the same person as a follower (same change).
    private func isTwin(_ notice: AppNotification, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM notifications WHERE employee_id = ? AND created_at = ? AND kind = ? AND message = ?
                           AND notice IS ?)
            """), arguments: [notice.employeeId, notice.createdAt, notice.kind, notice.message, notice.notice]) ?? false
    }
}
