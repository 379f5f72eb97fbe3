import GRDB

/// The run's board for its coaches and coordinators: every participant with their project's
/// milestones, which are late, and which wait for review and since when.
public struct ProjectBoard: Sendable {
    /// One participant's line.
    public struct Line: Sendable, Hashable {
        public let employeeId: Int64
        public let name: String
        public let nip: String
        /// `nil` while the participant has not started a project.
        public let project: Project?
        public let coachName: String?
        public let mentorName: String?
        /// The milestones' states, in the plan's order (empty without a project).
        public let statuses: [MilestoneStatus]

        /// Milestones past their due date with work still owed.
        public var lateCount: Int { statuses.filter(\.isLate).count }
        /// When the oldest submission waiting for review was made.
        public var waitingSince: Int64? {
            statuses.compactMap { if case .waitingForReview(let since) = $0.state { since } else { nil } }.min()
        }
    }

    public let setting: ProjectSetting
    public let lines: [Line]

    /// The board of `runId` as `principal` may see it: coordinators see everyone, a coach the
    /// projects they coach; `nil` for anyone else or a run without projects.
    public static func load(runId: Int64, for principal: Principal, database: AppDatabase,
                            now: Int64 = Clock.now()) throws -> ProjectBoard? {
        try database.pool.read { db in
            guard let setting = try? ProjectSetting.load(runId: runId, in: db) else { return nil }
            let coordinator = WorkshopAccess.coordinates(principal)
            guard coordinator || principal.employeeId != nil else { return nil }
            let projects = try Project.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM projects WHERE run_id = ? AND (? OR coach_employee_id = ?) ORDER BY id
                """), arguments: [runId, coordinator, principal.employeeId])
            guard coordinator || !projects.isEmpty else { return nil }
            let projectIds = projects.compactMap(\.id)
            let marks = projectIds.map { _ in "?" }.joined(separator: ",")
            let submissions = projectIds.isEmpty ? [] : try MilestoneSubmission.fetchAll(db, sql: """
                SELECT * FROM milestone_submissions WHERE project_id IN (\(marks))
                """, arguments: StatementArguments(projectIds))
            let reviews = projectIds.isEmpty ? [] : try MilestoneReview.fetchAll(db, sql: """
                SELECT r.* FROM milestone_reviews r JOIN milestone_submissions s ON s.id = r.submission_id
                WHERE s.project_id IN (\(marks))
                """, arguments: StatementArguments(projectIds))
            let membership = try Row.fetchAll(db.cachedStatement(sql: "SELECT project_id, employee_id FROM project_members WHERE run_id = ?"),
                                              arguments: [runId])
            var projectOf: [Int64: Project] = [:]
            let byId = Dictionary(uniqueKeysWithValues: projects.map { ($0.id!, $0) })
            for row in membership { if let project = byId[row["project_id"]] { projectOf[row["employee_id"]] = project } }
            let people = try ProjectFolder.people(projects.flatMap { [$0.coachEmployeeId, $0.mentorEmployeeId].compactMap { $0 } }, in: db)
            let participants = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.id, p.name, p.nip FROM enrolments e JOIN employees p ON p.id = e.employee_id
                WHERE e.run_id = ? AND e.state IN ('enrolled', 'completed', 'not_completed')
                ORDER BY p.name COLLATE NOCASE, p.id
                """), arguments: [runId])
            let schedule = setting.schedule
            let today = IndonesianTime.date(of: now)
            // Each line reads only its own project's submissions and their reviews.
            let submissionsOf = Dictionary(grouping: submissions, by: \.projectId)
            let projectOfSubmission = Dictionary(uniqueKeysWithValues: submissions.map { ($0.id!, $0.projectId) })
            let reviewsOf = Dictionary(grouping: reviews) { projectOfSubmission[$0.submissionId] }
            let lines = participants.compactMap { row -> Line? in
                let id: Int64 = row["id"]
                let project = projectOf[id]
                guard coordinator || project != nil else { return nil }
                let statuses = project.map { project in
                    MilestoneProgress.statuses(schedule, submissions: submissionsOf[project.id!] ?? [],
                                               reviews: reviewsOf[project.id] ?? [], today: today)
                } ?? []
                return Line(employeeId: id, name: row["name"], nip: row["nip"], project: project,
                            coachName: project?.coachEmployeeId.flatMap { people[$0]?.name },
                            mentorName: project?.mentorEmployeeId.flatMap { people[$0]?.name }, statuses: statuses)
            }
            return ProjectBoard(setting: setting, lines: lines)
        }
    }
}
