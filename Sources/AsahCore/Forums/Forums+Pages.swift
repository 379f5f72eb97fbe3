import Foundation
import GRDB

/// What each forum page and API answer shows, each read from one snapshot by one call.
extension Forums {
    /// The forum home: categories with their thread counts, and the latest threads.
    public struct Home: Sendable {
        public let categories: [ForumCategory]
        public let threadCounts: [Int64: Int]
        public let latest: [ThreadSummary]
    }

    /// A thread as its page shows it to one viewer.
    public struct ThreadPage: Sendable {
        public let thread: ForumThread
        public let category: ForumCategory
        public let summary: ThreadSummary
        /// The posts whose numbers were asked for.
        public let posts: [PostView]
        /// The highest post number in the thread (how many pages it has).
        public let lastNumber: Int
        /// The viewer's pseudonym in this thread, if they wrote under one.
        public let viewerPseudonym: Int?
        /// Whether the viewer opened the thread.
        public let openedByViewer: Bool
        public let history: [StatusChange]
        /// Whether the viewer supports it, follows it, and holds the moderation right.
        public let supports: Bool
        public let follows: Bool
        public let moderator: Bool
        /// Moderation actions on the thread and its posts, oldest first.
        public let actions: [ModerationAction]
        public let mergedInto: ForumThread?
        public let proposal: CourseProposal?
        /// The coordinators a suggestion can be assigned to (for coordinators only).
        public let coordinators: [(id: Int64, name: String)]
        /// Supports that put a suggestion on the agenda.
        public let threshold: Int?
        /// The latest other threads of the category, offered as merge targets (for coordinators only).
        public let mergeTargets: [ThreadSummary]
    }

    /// The moderation queue, for a moderator.
    public struct Queue: Sendable {
        public let posts: [QueuedPost]
        /// Appealed actions waiting for a decision, with the number of the post each concerns.
        public let appeals: [(action: ModerationAction, postNumber: Int?)]
    }

    /// A person's own posts and the threads they follow.
    public struct Mine: Sendable {
        public let posts: [(post: ForumPost, title: String)]
        public let followed: [ThreadSummary]
    }

    public func home(latest: Int = 15) throws -> Home {
        try database.pool.read { db in
            Home(categories: try Self.categories(in: db), threadCounts: try Self.threadCounts(in: db),
                 latest: try Self.latest(limit: latest, in: db))
        }
    }

    /// The categories, in their order.
    public func categories() throws -> [ForumCategory] {
        try database.pool.read { try Self.categories(in: $0) }
    }

    /// A category with one page of its threads (`limit` of them from `offset`).
    public func category(_ id: Int64, limit: Int, offset: Int) throws -> (category: ForumCategory, threads: [ThreadSummary])? {
        try database.pool.read { db in
            guard let category = try ForumCategory.fetchOne(db, keptKey: id) else { return nil }
            return (category, try Self.latest(categoryId: id, limit: limit, offset: offset, in: db))
        }
    }

    /// Threads of one category or of every one, newest activity first.
    public func latest(categoryId: Int64?, limit: Int, offset: Int) throws -> [ThreadSummary] {
        try database.pool.read { try Self.latest(categoryId: categoryId, limit: limit, offset: offset, in: $0) }
    }

    /// The suggestion board and the categories for its filter.
    public func board(_ filter: BoardFilter, today: CalendarDate) throws -> (threads: [ThreadSummary], categories: [ForumCategory]) {
        try database.pool.read { db in (try Self.board(filter, today: today, in: db), try Self.categories(in: db)) }
    }

    /// The thread page for `viewer` with the posts numbered `numbers`; nil when the thread
    /// does not exist.
    public func threadPage(_ id: Int64, viewer: Principal, numbers: ClosedRange<Int> = 1...500) throws -> ThreadPage? {
        try database.pool.read { db in
            guard let (thread, category, summary) = try Self.thread(id, in: db) else { return nil }
            let pseudonym = try pseudonym(of: viewer.userId, in: id, db: db)
            let opening = try views(threadId: id, viewer: viewer, mine: pseudonym, in: db, where: "p.thread_id = ? AND p.number = 1",
                                    arguments: [id]).first
            return ThreadPage(
                thread: thread, category: category, summary: summary,
                posts: try views(threadId: id, viewer: viewer, mine: pseudonym, in: db,
                                 where: "p.thread_id = ? AND p.number BETWEEN ? AND ? ORDER BY p.number",
                                 arguments: [id, numbers.lowerBound, numbers.upperBound]),
                lastNumber: try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM forum_posts WHERE thread_id = ?"), arguments: [id]) ?? 0,
                viewerPseudonym: pseudonym, openedByViewer: opening?.isMine ?? false,
                history: try Self.statusChanges(id, in: db),
                supports: try viewer.employeeId.map { try Self.supports(id, employeeId: $0, in: db) } ?? false,
                follows: try viewer.employeeId.map { try Self.follows(id, employeeId: $0, in: db) } ?? false,
                moderator: try Self.isModerator(viewer.userId, in: db),
                actions: try ModerationAction.fetchAll(db.cachedStatement(sql: "SELECT * FROM forum_moderation WHERE thread_id = ? ORDER BY id"),
                                                       arguments: [id]),
                mergedInto: try thread.mergedIntoId.flatMap { try ForumThread.fetchOne(db, keptKey: $0) },
                proposal: try CourseProposal.fetchOne(db.cachedStatement(sql: "SELECT * FROM forum_course_proposals WHERE thread_id = ?"),
                                                      arguments: [id]),
                coordinators: Self.coordinates(viewer) ? try Self.coordinators(in: db) : [],
                threshold: thread.kind == .suggestion ? try Self.agendaThreshold(category, in: db) : nil,
                mergeTargets: Self.coordinates(viewer)
                    ? try Self.latest(categoryId: thread.categoryId, limit: 50, in: db).filter { $0.id != id } : [])
        }
    }

    /// One post of `threadId` as `viewer` sees it.
    public func post(_ postId: Int64, in threadId: Int64, viewer: Principal) throws -> PostView? {
        try database.pool.read { try post(postId, in: threadId, viewer: viewer, in: $0) }
    }

    /// The thread a post belongs to.
    public func threadOf(postId: Int64) throws -> Int64? {
        try database.pool.read { try ForumPost.fetchOne($0, keptKey: postId)?.threadId }
    }

    /// `viewer`'s own posts (named and pseudonymous) and followed threads.
    public func mine(viewer: Principal) throws -> Mine {
        try database.pool.read { db in
            Mine(posts: try myPosts(userId: viewer.userId, in: db),
                 followed: try viewer.employeeId.map { try Self.followed(employeeId: $0, in: db) } ?? [])
        }
    }

    /// The moderation queue; nil when `viewer` does not hold the moderation right.
    public func queue(viewer: Principal) throws -> Queue? {
        try database.pool.read { db in
            guard try Self.isModerator(viewer.userId, in: db) else { return nil }
            let appeals = try Self.pendingAppeals(in: db).map { action in
                (action, try action.postId.flatMap { try ForumPost.fetchOne(db, keptKey: $0)?.number })
            }
            return Queue(posts: try queue(viewer: viewer, in: db), appeals: appeals)
        }
    }

    /// A post and its earlier texts, for a moderator; nil for anyone else or a missing post.
    public func history(postId: Int64, viewer: Principal) throws -> (post: ForumPost, revisions: [(body: String, replacedAt: Int64)])? {
        try database.pool.read { db in
            guard try Self.isModerator(viewer.userId, in: db), let post = try ForumPost.fetchOne(db, keptKey: postId) else { return nil }
            return (post, try Self.revisions(postId: postId, in: db))
        }
    }

    /// Search hits (none without a query) and the categories for the filter.
    public func searchPage(_ query: ForumSearch.Query?) throws -> (hits: [ForumSearch.Hit], categories: [ForumCategory]) {
        try database.pool.read { db in
            (try query.map { try ForumSearch.search($0, in: db) } ?? [], try Self.categories(in: db))
        }
    }

    /// Search hits for the API.
    public func search(_ query: ForumSearch.Query) throws -> [ForumSearch.Hit] {
        try database.pool.read { try ForumSearch.search(query, in: $0) }
    }

    /// Open suggestions similar to a title being typed.
    public func similarSuggestions(to title: String) throws -> [ForumSearch.Similar] {
        try database.pool.read { try ForumSearch.similarSuggestions(to: title, in: $0) }
    }

    /// The categories `viewer` may open a thread in, and suggestions similar to `title` when given.
    public func newThreadChoices(viewer: Principal, similarTo title: String?) throws
        -> (categories: [ForumCategory], similar: [ForumSearch.Similar]) {
        let coordinates = Self.coordinates(viewer)
        return try database.pool.read { db in
            (try Self.categories(in: db).filter { $0.posting == .everyone || coordinates },
             try title.map { try ForumSearch.similarSuggestions(to: $0, in: db) } ?? [])
        }
    }

    /// The course proposals made from suggestions, newest first.
    public func proposals() throws -> [CourseProposal] {
        try database.pool.read { try Self.proposals(in: $0) }
    }

    /// One course proposal.
    public func proposal(_ id: Int64) throws -> CourseProposal? {
        try database.pool.read { try CourseProposal.fetchOne($0, keptKey: id) }
    }

    /// Whether `userId` may moderate.
    public func isModerator(_ userId: Int64) throws -> Bool {
        try database.pool.read { try Self.isModerator(userId, in: $0) }
    }

    static func follows(_ threadId: Int64, employeeId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM forum_follows WHERE thread_id = ? AND employee_id = ?)"),
                          arguments: [threadId, employeeId]) ?? false
    }
}
