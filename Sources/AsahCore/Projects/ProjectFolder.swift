import GRDB

/// Everything a project's page shows: the project, its run and plan, the people, and each
/// milestone with every submission (files, reviews) in order. Loaded only for those who may
/// see the project.
public struct ProjectFolder: Sendable {
    /// A person with their NIP, for display.
    public struct Person: Sendable, Hashable {
        public let id: Int64
        public let nip: String
        public let name: String
        public let unitName: String?
    }

    /// One submission with its files and reviews.
    public struct Round: Sendable, Hashable {
        public let submission: MilestoneSubmission
        public let submittedBy: String
        public let files: [SubmissionFile]
        public let reviews: [(review: MilestoneReview, reviewer: String)]

        public static func == (lhs: Round, rhs: Round) -> Bool { lhs.submission == rhs.submission }
        public func hash(into hasher: inout Hasher) { hasher.combine(submission) }
    }

    public let project: Project
    public let setting: ProjectSetting
    public let members: [Person]
    public let coach: Person?
    public let mentor: Person?
    /// How the viewer is involved.
    public let roles: Set<ProjectRole>
    public let statuses: [MilestoneStatus]
    /// Every round by milestone position, oldest first.
    public let rounds: [Int: [Round]]
    /// The team members who have not (yet) consented to show the project in the gallery.
    public let galleryWaitingFor: Set<Int64>

    /// The position the team may submit now, if any.
    public var openPosition: Int? { project.status == .active ? MilestoneProgress.open(statuses) : nil }

    /// How the viewer reviews, if they do.
    public var reviewerRole: ReviewerRole? {
        ProjectAccess.reviewerRole(of: viewer, in: project, members: members.map(\.id))
    }

    let viewer: Principal

    /// The project `id` as `principal` may see it; `nil` when they may not.
    public static func load(_ id: Int64, for principal: Principal, database: AppDatabase,
                            now: Int64 = Clock.now()) throws -> ProjectFolder? {
        try database.pool.read { db in
            guard let (project, memberIds) = try ProjectAccess.visible(id, to: principal, in: db),
                  let setting = try? ProjectSetting.load(runId: project.runId, in: db) else { return nil }
            let people = try Self.people(memberIds + [project.coachEmployeeId, project.mentorEmployeeId].compactMap { $0 }, in: db)
            let submissions = try MilestoneSubmission.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM milestone_submissions WHERE project_id = ? ORDER BY position, round
                """), arguments: [id])
            let reviews = try MilestoneReview.fetchAll(db.cachedStatement(sql: """
                SELECT r.* FROM milestone_reviews r JOIN milestone_submissions s ON s.id = r.submission_id
                WHERE s.project_id = ? ORDER BY r.reviewed_at, r.id
                """), arguments: [id])
            let files = try SubmissionFile.fetchAll(db.cachedStatement(sql: """
                SELECT f.* FROM submission_files f JOIN milestone_submissions s ON s.id = f.submission_id
                WHERE s.project_id = ? ORDER BY f.id
                """), arguments: [id])
            let reviewers = try Self.people(Array(Set(reviews.map(\.reviewerEmployeeId) + submissions.map(\.submittedBy))), in: db)
            var rounds: [Int: [Round]] = [:]
            for submission in submissions {
                rounds[submission.position, default: []].append(Round(
                    submission: submission, submittedBy: reviewers[submission.submittedBy]?.name ?? "-",
                    files: files.filter { $0.submissionId == submission.id },
                    reviews: reviews.filter { $0.submissionId == submission.id }.map { ($0, reviewers[$0.reviewerEmployeeId]?.name ?? "-") }))
            }
            return ProjectFolder(
                project: project, setting: setting, members: memberIds.compactMap { people[$0] },
                coach: project.coachEmployeeId.flatMap { people[$0] }, mentor: project.mentorEmployeeId.flatMap { people[$0] },
                roles: ProjectAccess.roles(of: principal, in: project, members: memberIds),
                statuses: MilestoneProgress.statuses(setting.schedule, submissions: submissions, reviews: reviews,
                                                     today: IndonesianTime.date(of: now)),
                rounds: rounds, galleryWaitingFor: try ProjectGallery.waitingFor(id, in: db), viewer: principal)
        }
    }

    /// A file of the project, for a download by someone who may see the project.
    /// Whether `principal` may see project `id` (one read, nothing else loaded).
    public static func isVisible(_ id: Int64, to principal: Principal, database: AppDatabase) throws -> Bool {
        try database.pool.read { try ProjectAccess.visible(id, to: principal, in: $0) != nil }
    }

    public static func file(_ fileId: Int64, projectId: Int64, for principal: Principal,
                            database: AppDatabase) throws -> SubmissionFile? {
        try database.pool.read { db in
            guard try ProjectAccess.visible(projectId, to: principal, in: db) != nil else { return nil }
            return try SubmissionFile.fetchOne(db.cachedStatement(sql: """
                SELECT f.* FROM submission_files f JOIN milestone_submissions s ON s.id = f.submission_id
                WHERE f.id = ? AND s.project_id = ?
                """), arguments: [fileId, projectId])
        }
    }

    static func people(_ ids: [Int64], in db: Database) throws -> [Int64: Person] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.id, e.nip, e.name, u.name AS unit FROM employees e LEFT JOIN units u ON u.id = e.unit_id
            WHERE e.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
            """, arguments: StatementArguments(ids))
        return Dictionary(uniqueKeysWithValues: rows.map {
            ($0["id"], Person(id: $0["id"], nip: $0["nip"], name: $0["name"], unitName: $0["unit"]))
        })
    }
}
