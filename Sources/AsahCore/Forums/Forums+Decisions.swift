import Foundation
import GRDB

/// Coordinators' decisions on suggestions: status with a reason, owner and due date, merging
/// duplicates. Every one is in the audit log and tells the followers.
extension Forums {
    /// One status change as shown on the thread.
    public struct StatusChange: Codable, FetchableRecord, Sendable {
        public let fromStatus: SuggestionStatus?
        public let toStatus: SuggestionStatus
        public let reason: String
        public let createdAt: Int64
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    /// Moves a suggestion to `status`, with a reason everyone sees; followers are notified.
    public func setStatus(_ threadId: Int64, to status: SuggestionStatus, reason: String, by actor: Principal,
                          ip: String? = nil, now: Int64 = Clock.now()) throws -> Result<ForumThread, ForumProblem> {
        guard Self.coordinates(actor) else { return .failure(.notPermitted) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard var thread = try ForumThread.fetchOne(db, keptKey: threadId) else { return .failure(.notFound) }
            guard let current = thread.status else { return .failure(.notASuggestion) }
            guard current.canMove(to: status) else { return .failure(.statusChange(from: current, to: status)) }
            try changeStatus(&thread, to: status, reason: reason, actor: actor, ip: ip, now: now, db: db)
            try notifyFollowers(of: threadId, .forumStatus,
                                NotificationContent("notice_forum_status", ["title": thread.title, "status": status.messageKey, "reason": reason]),
                                except: actor.employeeId, now: now, db: db)
            return .success(thread)
        }
    }

    /// Makes `ownerUserId` (a coordinator) answerable for a decision by `due`.
    public func assignOwner(_ threadId: Int64, ownerUserId: Int64, due: CalendarDate, by actor: Principal, ip: String? = nil)
        throws -> Result<ForumThread, ForumProblem> {
        guard Self.coordinates(actor) else { return .failure(.notPermitted) }
        return try database.pool.write { db in
            guard var thread = try ForumThread.fetchOne(db, keptKey: threadId) else { return .failure(.notFound) }
            guard thread.kind == .suggestion else { return .failure(.notASuggestion) }
            guard let owner = try Principal.load(userId: ownerUserId, in: db), Self.coordinates(owner) else {
                return .failure(.ownerNotCoordinator)
            }
            thread.ownerUserId = ownerUserId
            thread.decisionDue = due
            try thread.update(db, columns: ["owner_user_id", "decision_due"])
            try AuditLog.record("forum.owner", actor: actor.userId, ip: ip, subject: "thread:\(threadId)",
                                detail: "\(owner.login), \(due.iso)", in: db)
            return .success(thread)
        }
    }

    /// Merges the duplicate `threadId` into `originalId`: its supporters move over (anyone who
    /// supported both is counted once), its followers follow the original, and both sets of
    /// people are told.
    public func merge(_ threadId: Int64, into originalId: Int64, reason: String, by actor: Principal, ip: String? = nil,
                      now: Int64 = Clock.now()) throws -> Result<ForumThread, ForumProblem> {
        guard Self.coordinates(actor) else { return .failure(.notPermitted) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return try database.pool.write { db in
            guard var duplicate = try ForumThread.fetchOne(db, keptKey: threadId) else { return .failure(.notFound) }
            guard duplicate.kind == .suggestion, duplicate.status != .duplikat else { return .failure(.notASuggestion) }
            guard originalId != threadId, let original = try ForumThread.fetchOne(db, keptKey: originalId),
                  original.kind == .suggestion, original.status != .duplikat else { return .failure(.mergeTarget) }
            let duplicateFollowers = try followers(of: threadId, except: actor.employeeId, db: db)
            let originalFollowers = try followers(of: originalId, except: actor.employeeId, db: db)
            try db.execute(sql: """
                INSERT OR IGNORE INTO forum_supports (thread_id, employee_id, created_at)
                    SELECT ?, employee_id, created_at FROM forum_supports WHERE thread_id = ?;
                DELETE FROM forum_supports WHERE thread_id = ?;
                INSERT OR IGNORE INTO forum_follows (thread_id, employee_id) SELECT ?, employee_id FROM forum_follows WHERE thread_id = ?;
                UPDATE forum_threads SET support_count = (SELECT COUNT(*) FROM forum_supports WHERE thread_id = forum_threads.id)
                    WHERE id IN (?, ?);
                """, arguments: [originalId, threadId, threadId, originalId, threadId, originalId, threadId])
            duplicate.mergedIntoId = originalId
            duplicate.supportCount = 0
            try changeStatus(&duplicate, to: .duplikat, reason: reason, actor: actor, ip: ip, now: now, db: db)
            try checkAgenda(originalId, now: now, db: db)
            let link = Self.link(originalId)
            try notify(duplicateFollowers, authorsOf: threadId, .forumStatus,
                       NotificationContent("notice_forum_merged", ["duplicate": duplicate.title, "original": original.title, "reason": reason]),
                       link: link, now: now, db: db)
            try notify(originalFollowers.subtracting(duplicateFollowers), authorsOf: originalId, .forumStatus,
                       NotificationContent("notice_forum_similar_merged", ["duplicate": duplicate.title, "original": original.title]),
                       link: link, now: now, db: db)
            return .success(duplicate)
        }
    }

    /// The status history of a thread, oldest first.
    public static func statusChanges(_ threadId: Int64, in db: Database) throws -> [StatusChange] {
        try StatusChange.fetchAll(db.cachedStatement(sql: """
            SELECT from_status, to_status, reason, created_at FROM forum_status_changes WHERE thread_id = ? ORDER BY id
            """), arguments: [threadId])
    }

    private func changeStatus(_ thread: inout ForumThread, to status: SuggestionStatus, reason: String, actor: Principal,
                              ip: String?, now: Int64, db: Database) throws {
        let from = thread.status
        thread.status = status
        thread.statusChangedAt = now
        try thread.update(db, columns: ["status", "status_changed_at", "merged_into_id", "support_count"])
        try db.execute(sql: """
            INSERT INTO forum_status_changes (thread_id, from_status, to_status, reason, actor_user_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [thread.id, from, status, reason, actor.userId, now])
        try AuditLog.record("forum.status", actor: actor.userId, ip: ip, subject: "thread:\(thread.id!)",
                            detail: "\(from?.rawValue ?? "-") → \(status.rawValue): \(reason)", in: db)
    }
}
