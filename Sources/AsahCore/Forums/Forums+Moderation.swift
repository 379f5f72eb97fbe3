import Foundation
import GRDB

/// Flags and moderation. Flags never hide a post: enough distinct flaggers send it to the
/// queue for a human decision. Moderators act with a reason the author sees, never on their
/// own posts; the author may appeal once, and another moderator decides. Every step is audited.
extension Forums {
    /// Flags `postId` with a reason; answers whether it is now in the moderation queue.
    public func flag(_ postId: Int64, reason: String, by actor: Principal, ip: String? = nil, now: Int64 = Clock.now()) throws
        -> Result<Bool, ForumProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard var post = try ForumPost.fetchOne(db, keptKey: postId) else { return .failure(.notFound) }
            try db.execute(sql: """
                INSERT OR IGNORE INTO forum_flags (post_id, flagger_user_id, reason, created_at) VALUES (?, ?, ?, ?)
                """, arguments: [postId, actor.userId, String(reason.prefix(500)), now])
            guard db.changesCount > 0 else { return .failure(.alreadyFlagged) }
            post.flagCount = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT COUNT(DISTINCT flagger_user_id) FROM forum_flags WHERE post_id = ? AND resolved_at IS NULL
                """), arguments: [postId]) ?? 0
            if post.queuedAt == nil, !post.hidden, ForumRules.needsReview(distinctFlaggers: post.flagCount) { post.queuedAt = now }
            try post.update(db, columns: ["flag_count", "queued_at"])
            try AuditLog.record("forum.flag", actor: actor.userId, ip: ip, subject: "post:\(postId)", detail: reason, in: db)
            return .success(post.queuedAt != nil)
        }
    }

    /// Hides a post; the reason shows in its place and the author is told.
    public func hide(_ postId: Int64, reason: String, by actor: Principal, ip: String? = nil, now: Int64 = Clock.now()) throws
        -> Result<ModerationAction, ForumProblem> {
        try moderatePost(postId, .hide, reason: reason, actor: actor, ip: ip, now: now) { post in
            post.hidden = true
            post.hiddenReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            return NotificationContent("notice_forum_post_hidden", ["reason": post.hiddenReason!])
        }
    }

    /// Shows a hidden post again; the author is told.
    public func restore(_ postId: Int64, reason: String, by actor: Principal, ip: String? = nil, now: Int64 = Clock.now()) throws
        -> Result<ModerationAction, ForumProblem> {
        try moderatePost(postId, .restore, reason: reason, actor: actor, ip: ip, now: now) { post in
            post.hidden = false
            post.hiddenReason = nil
            return NotificationContent("notice_forum_post_restored", ["reason": reason])
        }
    }

    /// Takes a queued post out of the queue and leaves it visible.
    public func keep(_ postId: Int64, reason: String, by actor: Principal, ip: String? = nil, now: Int64 = Clock.now()) throws
        -> Result<ModerationAction, ForumProblem> {
        try moderatePost(postId, .keep, reason: reason, actor: actor, ip: ip, now: now) { _ in nil }
    }

    /// Locks or unlocks a thread; its opener and followers are told.
    public func setLocked(_ threadId: Int64, _ locked: Bool, reason: String, by actor: Principal, ip: String? = nil,
                          now: Int64 = Clock.now()) throws -> Result<ModerationAction, ForumProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard try Self.isModerator(actor.userId, in: db) else { return .failure(.notAModerator) }
            guard var thread = try ForumThread.fetchOne(db, keptKey: threadId),
                  let opening = try ForumPost.fetchOne(db.cachedStatement(sql: "SELECT * FROM forum_posts WHERE thread_id = ? AND number = 1"),
                                                      arguments: [threadId]) else { return .failure(.notFound) }
            if try isAuthor(actor.userId, of: opening, db: db) { return .failure(.ownPost) }
            thread.locked = locked
            try thread.update(db, columns: ["locked"])
            var action = ModerationAction(threadId: threadId, postId: nil, action: locked ? .lock : .unlock, reason: reason,
                                          moderatorUserId: actor.userId, createdAt: now)
            try action.insert(db)
            try AuditLog.record(locked ? "forum.thread.lock" : "forum.thread.unlock", actor: actor.userId, ip: ip,
                                subject: "thread:\(threadId)", detail: reason, in: db)
            try notifyFollowers(of: threadId, .forumModeration,
                                NotificationContent(locked ? "notice_forum_locked" : "notice_forum_unlocked", ["title": thread.title, "reason": reason]),
                                except: actor.employeeId, now: now, db: db)
            return .success(action)
        }
    }

    /// The author's one appeal against a hide or lock.
    public func appeal(_ actionId: Int64, text: String, by actor: Principal, now: Int64 = Clock.now()) throws
        -> Result<ModerationAction, ForumProblem> {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard var action = try ModerationAction.fetchOne(db, keptKey: actionId),
                  let post = try affectedPost(action, db: db),
                  try isAuthor(actor.userId, of: post, db: db) else { return .failure(.notFound) }
            guard action.action.isAppealable, try isLatest(action, db: db) else { return .failure(.appealNotPossible) }
            guard action.appealedAt == nil else { return .failure(.appealUsed) }
            action.appealText = String(text.prefix(2000))
            action.appealedAt = now
            try action.update(db)
            // A pseudonymous author's appeal is logged without their account.
            try AuditLog.record("forum.appeal", actor: post.authorUserId, ip: nil, subject: "moderation:\(actionId)", in: db)
            return .success(action)
        }
    }

    /// Another moderator upholds or overturns an appealed action; overturning undoes it.
    public func decideAppeal(_ actionId: Int64, overturn: Bool, reason: String, by actor: Principal, ip: String? = nil,
                             now: Int64 = Clock.now()) throws -> Result<ModerationAction, ForumProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard try Self.isModerator(actor.userId, in: db) else { return .failure(.notAModerator) }
            guard var action = try ModerationAction.fetchOne(db, keptKey: actionId), action.appealedAt != nil,
                  action.appealOutcome == nil, let post = try affectedPost(action, db: db) else { return .failure(.notFound) }
            guard action.moderatorUserId != actor.userId else { return .failure(.sameModerator) }
            if try isAuthor(actor.userId, of: post, db: db) { return .failure(.ownPost) }
            action.appealOutcome = overturn ? .overturned : .upheld
            action.appealReason = reason
            action.appealModeratorUserId = actor.userId
            action.appealDecidedAt = now
            try action.update(db)
            if overturn {
                switch action.action {
                case .hide:
                    try db.execute(sql: "UPDATE forum_posts SET hidden = 0, hidden_reason = NULL WHERE id = ?", arguments: [post.id])
                case .lock:
                    try db.execute(sql: "UPDATE forum_threads SET locked = 0 WHERE id = ?", arguments: [action.threadId])
                default: break
                }
            }
            try AuditLog.record("forum.appeal.\(action.appealOutcome!.rawValue)", actor: actor.userId, ip: ip,
                                subject: "moderation:\(actionId)", detail: reason, in: db)
            try notifyAuthor(of: post, .forumModeration,
                             NotificationContent(overturn ? "notice_forum_appeal_overturned" : "notice_forum_appeal_upheld", ["reason": reason]),
                             now: now, db: db)
            return .success(action)
        }
    }

    /// The latest action on a post (or a thread's lock), the one an appeal may target.
    public static func latestAction(postId: Int64, in db: Database) throws -> ModerationAction? {
        try ModerationAction.fetchOne(db.cachedStatement(sql: "SELECT * FROM forum_moderation WHERE post_id = ? ORDER BY id DESC LIMIT 1"),
                                      arguments: [postId])
    }

    /// The latest lock or unlock of a thread.
    public static func latestLock(threadId: Int64, in db: Database) throws -> ModerationAction? {
        try ModerationAction.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM forum_moderation WHERE thread_id = ? AND post_id IS NULL ORDER BY id DESC LIMIT 1
            """), arguments: [threadId])
    }

    /// Grants or withdraws the forum moderation right of a coordinator account.
    public func setModerator(login: String, _ granted: Bool, now: Int64 = Clock.now()) throws -> Result<Void, ForumProblem> {
        try database.pool.write { db in
            guard let userId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM users WHERE login = ?"), arguments: [login]),
                  let principal = try Principal.load(userId: userId, in: db) else { return .failure(.notFound) }
            if granted {
                guard Self.coordinates(principal) else { return .failure(.moderatorNotCoordinator) }
                try db.execute(sql: "INSERT OR IGNORE INTO forum_moderators (user_id, granted_at) VALUES (?, ?)", arguments: [userId, now])
            } else {
                try db.execute(sql: "DELETE FROM forum_moderators WHERE user_id = ?", arguments: [userId])
            }
            try AuditLog.record(granted ? "forum.moderator.grant" : "forum.moderator.revoke", actor: nil, ip: "cli",
                                subject: "user:\(userId)", detail: login, in: db)
            return .success(())
        }
    }

    private func moderatePost(_ postId: Int64, _ kind: ModerationAction.Kind, reason: String, actor: Principal, ip: String?,
                              now: Int64, change: (inout ForumPost) -> NotificationContent?) throws -> Result<ModerationAction, ForumProblem> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard try Self.isModerator(actor.userId, in: db) else { return .failure(.notAModerator) }
            guard var post = try ForumPost.fetchOne(db, keptKey: postId) else { return .failure(.notFound) }
            if try isAuthor(actor.userId, of: post, db: db) { return .failure(.ownPost) }
            if kind == .restore, !post.hidden { return .failure(.notPermitted) }
            if kind == .hide, post.hidden { return .failure(.notPermitted) }
            let notice = change(&post)
            post.queuedAt = nil
            post.flagCount = 0
            try post.update(db, columns: ["hidden", "hidden_reason", "queued_at", "flag_count"])
            try db.execute(sql: "UPDATE forum_flags SET resolved_at = ? WHERE post_id = ? AND resolved_at IS NULL",
                           arguments: [now, postId])
            var action = ModerationAction(threadId: post.threadId, postId: postId, action: kind, reason: reason,
                                          moderatorUserId: actor.userId, createdAt: now)
            try action.insert(db)
            try AuditLog.record("forum.post.\(kind.rawValue)", actor: actor.userId, ip: ip, subject: "post:\(postId)",
                                detail: reason, in: db)
            if let notice { try notifyAuthor(of: post, .forumModeration, notice, now: now, db: db) }
            return .success(action)
        }
    }

    /// The post an action is about: the post itself, or a thread's opening post for a lock.
    private func affectedPost(_ action: ModerationAction, db: Database) throws -> ForumPost? {
        if let postId = action.postId { return try ForumPost.fetchOne(db, keptKey: postId) }
        return try ForumPost.fetchOne(db.cachedStatement(sql: "SELECT * FROM forum_posts WHERE thread_id = ? AND number = 1"),
                                      arguments: [action.threadId])
    }

    /// Whether no later action replaced `action` on the same post or thread lock.
    private func isLatest(_ action: ModerationAction, db: Database) throws -> Bool {
        let latest = try action.postId.map { try Self.latestAction(postId: $0, in: db) } ?? Self.latestLock(threadId: action.threadId, in: db)
        return latest?.id == action.id
    }
}
