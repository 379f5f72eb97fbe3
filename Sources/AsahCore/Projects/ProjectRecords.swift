import Foundation
import GRDB

/// One submission of a milestone: the participant's text, numbered in rounds (a resubmission
/// after a revision request is the next round). A row of `milestone_submissions`, never
/// changed once written.
public struct MilestoneSubmission: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "milestone_submissions"

    public var id: Int64?
    public var projectId: Int64
    /// The milestone's index in the course plan.
    public var position: Int
    /// 1 for the first submission of the milestone, 2 after the first revision request, ...
    public var round: Int
    public var body: String
    /// The team member who submitted.
    public var submittedBy: Int64
    public var submittedAt: Int64

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A file attached to a submission, stored content-addressed; `displayName` is the client's
/// file name, kept as text only. A row of `submission_files`.
public struct SubmissionFile: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "submission_files"
    /// The folder beside the database where submission files are stored.
    public static let folderName = "projects"

    public var id: Int64?
    public var submissionId: Int64
    /// The name in the file store ("<sha256>.pdf").
    public var storedName: String
    public var displayName: String
    public var contentType: String
    public var size: Int

    /// A file of a submission not yet written.
    public init(storedName: String, displayName: String, contentType: String, size: Int) {
        self.submissionId = 0
        self.storedName = storedName
        self.displayName = displayName
        self.contentType = contentType
        self.size = size
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Who reviews a project's milestones.
public enum ReviewerRole: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The coach (widyaiswara, examiner): their acceptance accepts a milestone.
    case coach
    /// The mentor (usually the direct supervisor): comments, scores, may ask for a revision.
    case mentor
}

/// What a reviewer decided about a submission.
public enum ReviewDecision: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case accept
    /// Ask for a revision: the participant submits the milestone again.
    case revise
}

/// One review of a submission: the comment, the decision and, on the final milestone, a score
/// per rubric criterion. A row of `milestone_reviews`, never changed once written.
public struct MilestoneReview: FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    public static let databaseTableName = "milestone_reviews"

    public var id: Int64?
    public var submissionId: Int64
    public var reviewerEmployeeId: Int64
    public var role: ReviewerRole
    public var decision: ReviewDecision
    public var comment: String
    /// One score per rubric criterion, in the rubric's order; `nil` when not scored.
    public var scores: [Int]?
    public var reviewedAt: Int64

    /// A review not yet written.
    public init(submissionId: Int64, reviewerEmployeeId: Int64, role: ReviewerRole, decision: ReviewDecision,
                comment: String, scores: [Int]?, reviewedAt: Int64) {
        self.submissionId = submissionId
        self.reviewerEmployeeId = reviewerEmployeeId
        self.role = role
        self.decision = decision
        self.comment = comment
        self.scores = scores
        self.reviewedAt = reviewedAt
    }

    public init(row: Row) throws {
        id = row["id"]
        submissionId = row["submission_id"]
        reviewerEmployeeId = row["reviewer_employee_id"]
        role = row["role"]
        decision = row["decision"]
        comment = row["comment"]
        scores = try (row["scores"] as String?).map { try JSONDecoder().decode([Int].self, from: Data($0.utf8)) }
        reviewedAt = row["reviewed_at"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["submission_id"] = submissionId
        container["reviewer_employee_id"] = reviewerEmployeeId
        container["role"] = role
        container["decision"] = decision
        container["comment"] = comment
        container["scores"] = try scores.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        container["reviewed_at"] = reviewedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
