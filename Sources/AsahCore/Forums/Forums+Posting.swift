import Foundation
import GRDB

/// Opening threads, replying and editing.
extension Forums {
    /// What a new thread holds.
    public struct NewThread: Sendable {
        public var categoryId: Int64
        public var kind: ThreadKind
        public var title: String
        public var body: String
        public var pseudonymous: Bool

        public init(categoryId: Int64, kind: ThreadKind, title: String, body: String, pseudonymous: Bool) {
            self.categoryId = categoryId
            self.kind = kind
            self.title = title
            self.body = body
            self.pseudonymous = pseudonymous
        }
    }

    /// Opens a thread with its first post. Nothing about a pseudonymous author is written
    /// except the sealed link (see ``PseudonymVault``).
    public func open(_ new: NewThread, by actor: Principal, now: Int64 = Clock.now()) throws -> Result<ForumThread, ForumProblem> {
        try database.pool.write { db in
            guard let category = try ForumCategory.fetchOne(db, keptKey: new.categoryId) else { return .failure(.notFound) }
            if category.posting == .coordinators, !Self.coordinates(actor) { return .failure(.coordinatorsOnly) }
            if new.pseudonymous, !category.allowsPseudonyms { return .failure(.pseudonymsNotAllowed) }
            let title: String, body: String
            switch (ForumRules.validTitle(new.title), ForumRules.validBody(new.body)) {
            case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
            case (.success(let validTitle), .success(let validBody)): (title, body) = (validTitle, validBody)
            }
            if let wait = minutesToWait(actor, now: now) { return .failure(.tooManyPosts(retryAfterMinutes: wait)) }
            var thread = ForumThread(categoryId: category.id!, kind: new.kind, title: title, createdAt: now)
            try thread.insert(db)
            try insertPost(in: &thread, body: body, replyTo: nil, pseudonymous: new.pseudonymous, official: false,
                           actor: actor, now: now, db: db)
            return .success(thread)
        }
    }

    /// Adds a reply (or, from a coordinator, the official answer) to `threadId`.
    public func reply(to threadId: Int64, body: String, replyTo: Int64? = nil, pseudonymous: Bool = false,
                      official: Bool = false, by actor: Principal, now: Int64 = Clock.now()) throws -> Result<ForumPost, ForumProblem> {
        try database.pool.write { db in
            guard var thread = try ForumThread.fetchOne(db, keptKey: threadId),
                  let category = try ForumCategory.fetchOne(db, keptKey: thread.categoryId) else { return .failure(.notFound) }
            if thread.locked, !Self.coordinates(actor) { return .failure(.locked) }
            if official, !Self.coordinates(actor) || pseudonymous { return .failure(.notPermitted) }
            if pseudonymous, !category.allowsPseudonyms { return .failure(.pseudonymsNotAllowed) }
            if let replyTo, try ForumPost.fetchOne(db, keptKey: replyTo)?.threadId != threadId { return .failure(.notFound) }
            let text: String
            switch ForumRules.validBody(body) {
            case .failure(let problem): return .failure(problem)
            case .success(let valid): text = valid
            }
            if let wait = minutesToWait(actor, now: now) { return .failure(.tooManyPosts(retryAfterMinutes: wait)) }
            let post = try insertPost(in: &thread, body: text, replyTo: replyTo, pseudonymous: pseudonymous, official: official,
                                      actor: actor, now: now, db: db)
            if official {
                try notifyFollowers(of: threadId, .forumAnswer, NotificationContent("notice_forum_answer", ["title": thread.title]),
                                    except: actor.employeeId, now: now, db: db)
                try AuditLog.record("forum.answer", actor: actor.userId, ip: nil, subject: "thread:\(threadId)",
                                    detail: "post:\(post.id!)", in: db)
            }
            return .success(post)
        }
    }

    /// Replaces the text of the author's own post within the edit window, keeping the old text
    /// in the history moderators see.
    public func edit(postId: Int64, body: String, by actor: Principal, now: Int64 = Clock.now()) throws
        -> Result<ForumPost, ForumProblem> {
        try database.pool.write { db in
            guard var post = try ForumPost.fetchOne(db, keptKey: postId),
                  try isAuthor(actor.userId, of: post, db: db) else { return .failure(.notFound) }
            guard ForumRules.mayEdit(postedAt: post.createdAt, now: now) else {
                return .failure(.editWindowClosed(minutes: Int(ForumRules.editWindowSeconds / 60)))
            }
            if post.hidden { return .failure(.notPermitted) }
            let text: String
            switch ForumRules.validBody(body) {
            case .failure(let problem): return .failure(problem)
            case .success(let valid): text = valid
            }
            guard text != post.body else { return .success(post) }
            let edits = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM forum_post_revisions WHERE post_id = ?"), arguments: [postId]) ?? 0
            guard edits < ForumRules.editsPerPost else { return .failure(.tooManyEdits(limit: ForumRules.editsPerPost)) }
            try db.execute(sql: "INSERT INTO forum_post_revisions (post_id, body, replaced_at) VALUES (?, ?, ?)",
                           arguments: [postId, post.body, now])
            post.body = text
            post.editedAt = now
            try post.update(db)
            return .success(post)
        }
    }

    /// `actor`'s own post, as its edit form shows it: nil when the post is someone else's or
    /// hidden by a moderator (neither may be shown there).
    public func ownPost(_ postId: Int64, by actor: Principal) throws -> ForumPost? {
        try database.pool.read { db in
            guard let post = try ForumPost.fetchOne(db, keptKey: postId), !post.hidden,
                  try isAuthor(actor.userId, of: post, db: db) else { return nil }
            return post
        }
    }

    /// The earlier texts of a post, newest first (for moderators).
    public func revisions(postId: Int64) throws -> [(body: String, replacedAt: Int64)] {
        try database.pool.read { try Self.revisions(postId: postId, in: $0) }
    }

    static func revisions(postId: Int64, in db: Database) throws -> [(body: String, replacedAt: Int64)] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT body, replaced_at FROM forum_post_revisions WHERE post_id = ? ORDER BY id DESC"),
                         arguments: [postId]).map { ($0["body"], $0["replaced_at"]) }
    }

    /// Whole minutes `actor` must wait before posting again, or `nil`.
    private func minutesToWait(_ actor: Principal, now: Int64) -> Int? {
        ForumRules.minutesToWait(recentPosts: PostingTimes.of(databaseAt: database.path).recent(userId: actor.userId, now: now),
                                 now: now)
    }

    /// Writes a post (and for a pseudonymous one, the author's sealed pseudonym in the thread
    /// if they have none yet), bumps the thread and records the posting time.
    @discardableResult
    private func insertPost(in thread: inout ForumThread, body: String, replyTo: Int64?, pseudonymous: Bool, official: Bool,
                            actor: Principal, now: Int64, db: Database) throws -> ForumPost {
        let threadId = thread.id!
        var pseudonym: Int?
        if pseudonymous {
            pseudonym = try self.pseudonym(of: actor.userId, in: threadId, db: db)
            if pseudonym == nil {
                let next = (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM forum_pseudonyms WHERE thread_id = ?"),
                                             arguments: [threadId]) ?? 0) + 1
                try db.execute(sql: "INSERT INTO forum_pseudonyms (thread_id, number, author_tag, sealed_user) VALUES (?, ?, ?, ?)",
                               arguments: [threadId, next, vault.authorTag(userId: actor.userId, threadId: threadId),
                                           vault.seal(userId: actor.userId)])
                try PseudonymOwners.record(userId: actor.userId, threadId: threadId, number: next, vault: vault, in: db)
                pseudonym = next
            }
        } else {
            try follow(threadId, employeeId: actor.employeeId, db: db)
        }
        thread.postCount += 1
        thread.lastPostAt = now
        try thread.update(db, columns: ["post_count", "last_post_at"])
        var post = ForumPost(threadId: threadId, number: thread.postCount, authorUserId: pseudonymous ? nil : actor.userId,
                             pseudonym: pseudonym, replyToId: replyTo, body: body, official: official, createdAt: now)
        try post.insert(db)
        PostingTimes.of(databaseAt: database.path).record(userId: actor.userId, now: now)
        return post
    }
}
