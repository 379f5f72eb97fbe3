import Foundation
import GRDB

/// Notices to the author of a pseudonymous post (`pseudonym_notifications`): addressed to the
/// pseudonym ("Pegawai #2" of a thread), never to an account. The author finds theirs through
/// their owner records (``PseudonymOwners``), so the database holds no row naming the person
/// beside the post, and the notices of followers (named, in `notifications`) stay exactly
/// the followers: subtracting them from anything names nobody.
enum PseudonymNotices {
    /// One pseudonym a person holds: a thread and the pseudonym's number there.
    struct Address: Hashable {
        let threadId: Int64
        let number: Int
    }

    /// Writes a notice to pseudonym `number` of `threadId` inside the caller's transaction.
    static func send(to address: Address, _ kind: NotificationKind, _ notice: NotificationContent, link: String?, now: Int64,
                     in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO pseudonym_notifications (thread_id, number, kind, message, notice, link, created_at) VALUES (?, ?, ?, '', ?, ?, ?)
            """, arguments: [address.threadId, address.number, kind, notice, link, now])
    }

    /// The pseudonyms of every pseudonymous author in `threadId`.
    static func authors(of threadId: Int64, in db: Database) throws -> [Address] {
        try Int.fetchAll(db.cachedStatement(sql: "SELECT number FROM forum_pseudonyms WHERE thread_id = ? ORDER BY number"), arguments: [threadId])
            .map { Address(threadId: threadId, number: $0) }
    }

    /// The pseudonyms held by the account of `employeeId`, found through its owner records.
    static func addresses(ofEmployee employeeId: Int64, vault: PseudonymVault, in db: Database) throws -> [Address] {
        guard let userId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM users WHERE employee_id = ?"),
                                              arguments: [employeeId]) else { return [] }
        return try addresses(ofUser: userId, vault: vault, in: db)
    }

    /// The pseudonyms held by account `userId`.
    static func addresses(ofUser userId: Int64, vault: PseudonymVault, in db: Database) throws -> [Address] {
        try PseudonymOwners.pseudonyms(of: userId, vault: vault, in: db).map { Address(threadId: $0.threadId, number: $0.number) }
    }

    /// The notices to `addresses`, newest first; unread ones only when `unreadOnly`. Their ids
    /// are given negated, so they never collide with the ids of named notifications.
    static func notices(to addresses: [Address], unreadOnly: Bool, limit: Int, employeeId: Int64,
                        in db: Database) throws -> [AppNotification] {
        guard !addresses.isEmpty else { return [] }
        let (condition, arguments) = match(addresses)
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, kind, message, notice, link, created_at, read_at FROM pseudonym_notifications
            WHERE (\(condition))\(unreadOnly ? " AND read_at IS NULL" : "") ORDER BY id DESC LIMIT ?
            """, arguments: arguments + [limit])
        return rows.map {
            AppNotification(id: -($0["id"] as Int64), employeeId: employeeId, kind: $0["kind"], message: $0["message"],
                            notice: $0["notice"], link: $0["link"], createdAt: $0["created_at"], readAt: $0["read_at"])
        }
    }

    /// Marks notices to `addresses` read (one when `id` is given, else all), at `hour`.
    static func markRead(id: Int64?, addresses: [Address], hour: Int64, in db: Database) throws {
        guard !addresses.isEmpty else { return }
        let (condition, arguments) = match(addresses)
        try db.execute(sql: """
            UPDATE pseudonym_notifications SET read_at = ? WHERE (\(condition)) AND read_at IS NULL\(id == nil ? "" : " AND id = ?")
            """, arguments: [hour] + arguments + (id.map { [$0] } ?? []))
    }

    private static func match(_ addresses: [Address]) -> (String, StatementArguments) {
        let condition = Array(repeating: "(thread_id = ? AND number = ?)", count: addresses.count).joined(separator: " OR ")
        return (condition, StatementArguments(addresses.flatMap { [$0.threadId, Int64($0.number)] }))
    }
}
