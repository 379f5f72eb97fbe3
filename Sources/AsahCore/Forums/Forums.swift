import Foundation
import GRDB

/// The forums' writes and reads over one database and its pseudonym vault. The work is split
/// by concern into extensions: posting, support, decisions, moderation, queries and search.
public struct Forums: Sendable {
    public let database: AppDatabase
    let vault: PseudonymVault

    /// The forums of `database`, with the pseudonym key beside it.
    public init(database: AppDatabase) throws {
        self.database = database
        self.vault = try PseudonymVault.of(database)
    }

    /// Whether `principal` decides on suggestions (status, owner, merge, official answers).
    public static func coordinates(_ principal: Principal) -> Bool {
        principal.has(.koordinator)
    }

    /// Whether `userId` holds the forum moderation right (granted by an admin).
    public static func isModerator(_ userId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM forum_moderators WHERE user_id = ?)"), arguments: [userId]) ?? false
    }

    /// The pseudonym number `userId` holds in `threadId`, if they wrote there under one.
    func pseudonym(of userId: Int64, in threadId: Int64, db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT number FROM forum_pseudonyms WHERE thread_id = ? AND author_tag = ?"),
                         arguments: [threadId, vault.authorTag(userId: userId, threadId: threadId)])
    }

    /// Whether `userId` wrote `post` (under their name or a pseudonym).
    func isAuthor(_ userId: Int64, of post: ForumPost, db: Database) throws -> Bool {
        if let author = post.authorUserId { return author == userId }
        return try pseudonym(of: userId, in: post.threadId, db: db) == post.pseudonym
    }

    /// The account behind a post: its named author, or the opened seal of its pseudonym.
    func authorUserId(of post: ForumPost, db: Database) throws -> Int64? {
        if let author = post.authorUserId { return author }
        guard let pseudonym = post.pseudonym, let sealed = try Data.fetchOne(db.cachedStatement(sql: """
            SELECT sealed_user FROM forum_pseudonyms WHERE thread_id = ? AND number = ?
            """), arguments: [post.threadId, pseudonym]) else { return nil }
        return vault.open(sealed)
    }

    /// The employees following `threadId`, minus `except`. Pseudonymous authors are told
    /// apart, through their pseudonyms (``PseudonymNotices``), never as followers.
    func followers(of threadId: Int64, except: Int64?, db: Database) throws -> Set<Int64> {
        var employees = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT employee_id FROM forum_follows WHERE thread_id = ?"),
                                               arguments: [threadId]))
        if let except { employees.remove(except) }
        return employees
    }

    /// Sends `notice` about `threadId` inside the caller's transaction: to each follower by
    /// name, and to each pseudonym of the thread (a pseudonymous author who also follows gets
    /// both and reads one; sending both keeps the named list equal to the followers).
    func notifyFollowers(of threadId: Int64, _ kind: NotificationKind, _ notice: NotificationContent, except: Int64?, now: Int64,
                         db: Database) throws {
        try notify(followers(of: threadId, except: except, db: db), authorsOf: threadId, kind, notice,
                   link: Self.link(threadId), now: now, db: db)
    }

    /// Sends `notice` to `employees` by name and to every pseudonym of `threadId`.
    func notify(_ employees: Set<Int64>, authorsOf threadId: Int64, _ kind: NotificationKind, _ notice: NotificationContent, link: String,
                now: Int64, db: Database) throws {
        for employee in employees.sorted() {
            try Notifications.send(to: employee, kind, notice, link: link, now: now, in: db)
        }
        for address in try PseudonymNotices.authors(of: threadId, in: db) {
            try PseudonymNotices.send(to: address, kind, notice, link: link, now: now, in: db)
        }
    }

    /// Sends `notice` to the author of `post`: by name, or to its pseudonym.
    func notifyAuthor(of post: ForumPost, _ kind: NotificationKind, _ notice: NotificationContent, now: Int64, db: Database) throws {
        let link = Self.link(post.threadId) + "?post=\(post.number)#tulisan-\(post.number)"
        if let pseudonym = post.pseudonym {
            try PseudonymNotices.send(to: .init(threadId: post.threadId, number: pseudonym), kind, notice, link: link, now: now, in: db)
        } else if let author = post.authorUserId,
                  let employee = try Int64.fetchOne(db.cachedStatement(sql: "SELECT employee_id FROM users WHERE id = ?"), arguments: [author]) {
            try Notifications.send(to: employee, kind, notice, link: link, now: now, in: db)
        }
    }

    /// Follows `threadId` for `employeeId` (no-op when already following).
    func follow(_ threadId: Int64, employeeId: Int64?, db: Database) throws {
        guard let employeeId else { return }
        try db.execute(sql: "INSERT OR IGNORE INTO forum_follows (thread_id, employee_id) VALUES (?, ?)",
                       arguments: [threadId, employeeId])
    }

    /// The page of a thread.
    public static func link(_ threadId: Int64) -> String {
        "/forums/threads/\(threadId)"
    }
}
