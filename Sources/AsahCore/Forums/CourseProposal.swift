import Foundation
import GRDB

/// A training suggestion turned into a course proposal: a draft course file, linked back to
/// its thread, that a coordinator completes and saves under `courses/` (the catalogue stays
/// files; `asah courses sync` loads it).
public struct CourseProposal: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "forum_course_proposals"

    public var id: Int64?
    public var threadId: Int64
    /// The proposed course code, e.g. "USL-12".
    public var code: String
    public var title: String
    /// The draft course file (front matter and sections), parseable by the catalogue.
    public var draft: String
    public var createdBy: Int64?
    public var createdAt: Int64

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The draft course file for suggestion `threadId` titled `title`, with its opening text
    /// as the description and a link back to the thread.
    public static func draft(code: String, title: String, suggestion: String, threadId: Int64) -> String {
        let quotedTitle = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
            ---
            code: \(code)
            title:
              id: "\(quotedTitle)"
              en: "\(quotedTitle)"
            form: klasikal
            kind: workshop
            jp: 8
            test: false
            ---

            ## Deskripsi

            Diusulkan melalui forum masukan: \(Forums.link(threadId))

            \(suggestion)

            ## Tujuan Pembelajaran

            (Lengkapi oleh koordinator.)

            """
    }
}

extension Forums {
    /// Turns training suggestion `threadId` into a course proposal.
    public func propose(_ threadId: Int64, by actor: Principal, ip: String? = nil, now: Int64 = Clock.now()) throws
        -> Result<CourseProposal, ForumProblem> {
        guard Self.coordinates(actor) else { return .failure(.notPermitted) }
        return try database.pool.write { db in
            guard let thread = try ForumThread.fetchOne(db, keptKey: threadId),
                  let category = try ForumCategory.fetchOne(db, keptKey: thread.categoryId),
                  let opening = try ForumPost.fetchOne(db.cachedStatement(sql: "SELECT * FROM forum_posts WHERE thread_id = ? AND number = 1"),
                                                      arguments: [threadId]) else { return .failure(.notFound) }
            guard thread.kind == .suggestion, category.isTraining else { return .failure(.notTraining) }
            if try CourseProposal.fetchOne(db.cachedStatement(sql: "SELECT * FROM forum_course_proposals WHERE thread_id = ?"),
                                           arguments: [threadId]) != nil { return .failure(.proposalExists) }
            let code = "USL-\(threadId)"
            var proposal = CourseProposal(threadId: threadId, code: code, title: thread.title,
                                          draft: CourseProposal.draft(code: code, title: thread.title, suggestion: opening.body,
                                                                      threadId: threadId),
                                          createdBy: actor.userId, createdAt: now)
            try proposal.insert(db)
            try AuditLog.record("forum.proposal", actor: actor.userId, ip: ip, subject: "thread:\(threadId)", detail: code, in: db)
            return .success(proposal)
        }
    }

    /// Every course proposal, newest first.
    public static func proposals(in db: Database) throws -> [CourseProposal] {
        try CourseProposal.fetchAll(db.cachedStatement(sql: "SELECT * FROM forum_course_proposals ORDER BY id DESC"))
    }
}
