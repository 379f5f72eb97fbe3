import Foundation
import GRDB

/// The reads behind the forum pages and API.
extension Forums {
    /// How the suggestion board is filtered and ordered.
    public struct BoardFilter: Sendable {
        public enum Order: String, Sendable, CaseIterable { case support, newest, oldest }
        public var status: SuggestionStatus?
        public var categoryId: Int64?
        public var order: Order = .support
        public var overdueOnly = false
        public var agendaOnly = false
        public var limit = 50
        public var offset = 0

        public init() {}
    }

    /// Categories in their order.
    public static func categories(in db: Database) throws -> [ForumCategory] {
        try ForumCategory.fetchAll(db.cachedStatement(sql: "SELECT * FROM forum_categories ORDER BY position, name"))
    }

    /// Thread counts by category, as the triggers keep them (counting a province's 50,000
    /// threads was most of the forum index).
    public static func threadCounts(in db: Database) throws -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, thread_count FROM forum_categories
            """)).map { ($0["id"], $0["thread_count"]) })
    }

    /// The latest active threads, optionally of one category.
    public static func latest(categoryId: Int64? = nil, limit: Int = 30, offset: Int = 0, in db: Database) throws -> [ThreadSummary] {
        if let categoryId {
            return try ThreadSummary.fetchAll(db.cachedStatement(sql: ThreadSummary.select + """
                 WHERE t.category_id = ? ORDER BY t.last_post_at DESC, t.id DESC LIMIT ? OFFSET ?
                """), arguments: [categoryId, limit, offset])
        }
        return try ThreadSummary.fetchAll(db.cachedStatement(sql: ThreadSummary.select + " ORDER BY t.last_post_at DESC, t.id DESC LIMIT ? OFFSET ?"),
                                          arguments: [limit, offset])
    }

    /// Suggestions for the board.
    public static func board(_ filter: BoardFilter, today: CalendarDate, in db: Database) throws -> [ThreadSummary] {
        var conditions = ["t.kind = 'suggestion'"]
        var arguments: [any DatabaseValueConvertible] = []
        if let status = filter.status {
            conditions.append("t.status = ?")
            arguments.append(status.rawValue)
        }
        if let categoryId = filter.categoryId {
            conditions.append("t.category_id = ?")
            arguments.append(categoryId)
        }
        if filter.overdueOnly {
            conditions.append("t.status IN ('baru', 'ditinjau') AND t.decision_due < ?")
            arguments.append(today.iso)
        }
        if filter.agendaOnly { conditions.append("t.agenda_at IS NOT NULL AND t.status IN ('baru', 'ditinjau')") }
        let order = switch filter.order {
        case .support: "t.support_count DESC, t.id DESC"
        case .newest: "t.created_at DESC, t.id DESC"
        case .oldest: "t.created_at, t.id"
        }
        arguments += [filter.limit, filter.offset]
        return try ThreadSummary.fetchAll(db, sql: ThreadSummary.select + " WHERE " + conditions.joined(separator: " AND ")
                                          + " ORDER BY " + order + " LIMIT ? OFFSET ?", arguments: StatementArguments(arguments))
    }

    /// A thread with its category and as listed, in one read (the thread page and its API).
    public static func thread(_ threadId: Int64, in db: Database) throws
        -> (thread: ForumThread, category: ForumCategory, summary: ThreadSummary)? {
        let adapters = try splittingRowAdapters(columnCounts: [db.columns(in: "forum_threads").count,
                                                               db.columns(in: "forum_categories").count])
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT t.*, c.*, o.display_name FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id
            LEFT JOIN users o ON o.id = t.owner_user_id WHERE t.id = ?
            """), arguments: [threadId], adapter: ScopeAdapter(["thread": adapters[0], "category": adapters[1], "owner": adapters[2]]))
        else { return nil }
        let thread = try ForumThread(row: row.scopes["thread"]!), category = try ForumCategory(row: row.scopes["category"]!)
        let ownerName: String? = row.scopes["owner"]![0]
        return (thread, category, ThreadSummary(thread: thread, category: category, ownerName: ownerName))
    }

    /// The posts of a thread in order, labelled for `viewer`.
    public func posts(_ threadId: Int64, viewer: Principal, limit: Int = 500, in db: Database) throws -> [PostView] {
        try views(threadId: threadId, viewer: viewer, in: db, where: "p.thread_id = ? ORDER BY p.number LIMIT ?",
                  arguments: [threadId, limit])
    }

    /// One post of thread `threadId`, labelled for `viewer` (the answer to a reply or an edit).
    public func post(_ postId: Int64, in threadId: Int64, viewer: Principal, in db: Database) throws -> PostView? {
        try views(threadId: threadId, viewer: viewer, in: db, where: "p.id = ? AND p.thread_id = ?",
                  arguments: [postId, threadId]).first
    }

    /// The posts of `threadId` meeting `condition`, labelled for `viewer`, whose pseudonym in
    /// the thread is `mine` (looked up when not given).
    func views(threadId: Int64, viewer: Principal, mine: Int?? = nil, in db: Database, where condition: StaticString,
               arguments: StatementArguments) throws -> [PostView] {
        let mine = try mine ?? pseudonym(of: viewer.userId, in: threadId, db: db)
        // A constant condition: one prepared statement per call site, kept on the connection.
        // The rows are read as the cursor passes them (a row copied out of the statement finds
        // its columns by comparing lowercased names, a fifth of a thread page's time).
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT p.*, u.display_name AS author_name, r.number AS reply_number FROM forum_posts p
            LEFT JOIN users u ON u.id = p.author_user_id LEFT JOIN forum_posts r ON r.id = p.reply_to_id
            WHERE \(condition)
            """), arguments: arguments)
        return try Array(rows.map { row in
            let post = try ForumPost(row: row)
            let author = PostAuthor(pseudonym: post.pseudonym, name: row["author_name"])
            let isMine = post.authorUserId.map { $0 == viewer.userId } ?? (mine != nil && mine == post.pseudonym)
            return PostView(post: post, author: author, isMine: isMine, replyToNumber: row["reply_number"])
        })
    }

    /// The threads `employeeId` follows, latest activity first.
    public static func followed(employeeId: Int64, limit: Int = 100, in db: Database) throws -> [ThreadSummary] {
        try ThreadSummary.fetchAll(db.cachedStatement(sql: ThreadSummary.select + """
             JOIN forum_follows f ON f.thread_id = t.id WHERE f.employee_id = ? ORDER BY t.last_post_at DESC LIMIT ?
            """), arguments: [employeeId, limit])
    }

    /// The posts `userId` wrote, named or pseudonymous (found through their owner records),
    /// newest first, with their thread titles.
    public func myPosts(userId: Int64, limit: Int = 100, in db: Database) throws -> [(post: ForumPost, title: String)] {
        let pairs = try PseudonymOwners.pseudonyms(of: userId, vault: vault, in: db)
        let pseudonymous = pairs.map { "(\($0.threadId), \($0.number))" }.joined(separator: ", ")
        let condition = pseudonymous.isEmpty ? "p.author_user_id = ?"
            : "(p.author_user_id = ? OR (p.thread_id, p.pseudonym) IN (VALUES \(pseudonymous)))"
        return try Row.fetchAll(db, sql: """
            SELECT p.*, t.title AS thread_title FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
            WHERE \(condition) ORDER BY p.created_at DESC, p.id DESC LIMIT ?
            """, arguments: [userId, limit]).map { (try ForumPost(row: $0), $0["thread_title"]) }
    }

    /// A post waiting in the moderation queue, with the flag reasons (never who flagged).
    public struct QueuedPost: Sendable {
        public let post: PostView
        public let threadTitle: String
        public let reasons: [String]
    }

    /// Posts enough people flagged, oldest first, labelled for the moderator looking. Three
    /// reads however long the queue: the posts with their titles and author names, the open
    /// flags' reasons, and which of the pseudonymous ones are the moderator's own.
    public func queue(viewer: Principal, in db: Database) throws -> [QueuedPost] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.*, u.display_name AS author_name, t.title AS thread_title FROM forum_posts p
            JOIN forum_threads t ON t.id = p.thread_id LEFT JOIN users u ON u.id = p.author_user_id
            WHERE p.queued_at IS NOT NULL AND p.hidden = 0 ORDER BY p.queued_at LIMIT 100
            """))
        let posts = try rows.map { try ForumPost(row: $0) }
        guard !posts.isEmpty else { return [] }
        let postIds = posts.compactMap(\.id)
        var reasons: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT post_id, reason FROM forum_flags WHERE post_id IN (\(postIds.map { _ in "?" }.joined(separator: ",")))
              AND resolved_at IS NULL ORDER BY id
            """, arguments: StatementArguments(postIds)) {
            reasons[row["post_id"], default: []].append(row["reason"])
        }
        let own = try pseudonyms(of: viewer.userId, in: Set(posts.filter { $0.pseudonym != nil }.map(\.threadId)), db: db)
        return zip(posts, rows).map { post, row in
            let author = PostAuthor(pseudonym: post.pseudonym, name: row["author_name"])
            let isMine = post.authorUserId.map { $0 == viewer.userId } ?? (own[post.threadId] == post.pseudonym)
            return QueuedPost(post: PostView(post: post, author: author, isMine: isMine),
                              threadTitle: row["thread_title"], reasons: reasons[post.id!] ?? [])
        }
    }

    /// The pseudonym numbers `userId` holds in `threadIds`, by thread, in one read.
    private func pseudonyms(of userId: Int64, in threadIds: Set<Int64>, db: Database) throws -> [Int64: Int] {
        guard !threadIds.isEmpty else { return [:] }
        var arguments: [any DatabaseValueConvertible] = []
        for threadId in threadIds { arguments += [threadId, vault.authorTag(userId: userId, threadId: threadId)] }
        return Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT thread_id, number FROM forum_pseudonyms
            WHERE (thread_id, author_tag) IN (VALUES \(threadIds.map { _ in "(?, ?)" }.joined(separator: ", ")))
            """, arguments: StatementArguments(arguments)).map { ($0["thread_id"], $0["number"]) })
    }

    /// Appeals waiting for a decision, oldest first.
    public static func pendingAppeals(in db: Database) throws -> [ModerationAction] {
        try ModerationAction.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM forum_moderation WHERE appealed_at IS NOT NULL AND appeal_outcome IS NULL ORDER BY appealed_at
            """))
    }

    /// Coordinator accounts that may own suggestions, by name.
    public static func coordinators(in db: Database) throws -> [(id: Int64, name: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'koordinator'
            WHERE u.active ORDER BY u.display_name
            """)).map { ($0["id"], $0["display_name"]) }
    }
}
