import GRDB

/// A project in a list: title, run, owner and where it stands.
public struct ProjectSummary: Sendable, Hashable {
    public let projectId: Int64
    public let title: String
    public let runId: Int64
    public let runTitle: String
    public let ownerName: String
    public let status: ProjectStatus
    public let finalScore: Double?
}

/// A submission waiting for a reviewer.
public struct ReviewQueueItem: Sendable, Hashable {
    public let projectId: Int64
    public let projectTitle: String
    public let ownerName: String
    public let runTitle: String
    public let position: Int
    /// The milestone's name in the course plan; `nil` when the plan no longer has it.
    public let milestoneName: String?
    public let submissionId: Int64
    public let round: Int
    public let role: ReviewerRole
    public let submittedAt: Int64
}

/// A run in which a participant may still start a project.
public struct StartableRun: Sendable, Hashable {
    public let runId: Int64
    public let title: String
    public let courseTitle: String
}

/// The lists of the projects pages: one's own projects, runs to start one in, the projects
/// one coaches or mentors, and the review queue.
public struct ProjectLists: Sendable {
    let database: AppDatabase

    /// Works on the lists in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Projects `employeeId` is on the team of, newest first.
    public func mine(employeeId: Int64) throws -> [ProjectSummary] {
        try summaries(where: "p.id IN (SELECT project_id FROM project_members WHERE employee_id = ?)", [employeeId])
    }

    /// Projects `employeeId` coaches or mentors.
    public func guided(employeeId: Int64) throws -> [ProjectSummary] {
        try summaries(where: "p.coach_employee_id = ?1 OR p.mentor_employee_id = ?1", [employeeId])
    }

    /// Projects `employeeId` mentors (by default their direct subordinates' projects).
    public func mentored(employeeId: Int64) throws -> [ProjectSummary] {
        try summaries(where: "p.mentor_employee_id = ?", [employeeId])
    }

    /// Runs with a project `employeeId` coaches (whose boards they see), the latest first.
    public func coachedRuns(employeeId: Int64) throws -> [(runId: Int64, title: String)] {
        try database.pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT r.id, r.title, r.starts_on FROM projects p JOIN runs r ON r.id = p.run_id
                WHERE p.coach_employee_id = ? ORDER BY r.starts_on DESC, r.id DESC
                """), arguments: [employeeId]).map { (runId: $0["id"], title: $0["title"]) }
        }
    }

    /// Runs of project-based courses `employeeId` is enrolled in without a project yet.
    public func startable(employeeId: Int64) throws -> [StartableRun] {
        try database.pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT r.id, r.title, c.title_id FROM enrolments e INDEXED BY enrolments_employee JOIN runs r ON r.id = e.run_id
                JOIN courses c ON c.id = r.course_id
                WHERE e.employee_id = ?1 AND e.state = 'enrolled' AND c.has_project
                  AND r.status IN ('open', 'closed', 'running')
                  AND NOT EXISTS (SELECT 1 FROM project_members m WHERE m.run_id = r.id AND m.employee_id = ?1)
                ORDER BY r.starts_on, r.id
                """), arguments: [employeeId]).map { StartableRun(runId: $0["id"], title: $0["title"], courseTitle: $0["title_id"]) }
        }
    }

    /// Submissions waiting for `employeeId` as coach or mentor (the latest round of each
    /// milestone, not yet decided, and not yet reviewed by them), longest waiting first.
    public func reviewQueue(employeeId: Int64) throws -> [ReviewQueueItem] {
        try database.pool.read { try Self.reviewQueue(employeeId: employeeId, in: $0) }
    }

    /// ``reviewQueue(employeeId:)`` inside the caller's read.
    static func reviewQueue(employeeId: Int64, in db: Database) throws -> [ReviewQueueItem] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.*, p.title AS project_title, p.coach_employee_id, r.title AS run_title, r.course_id, o.name AS owner_name
            FROM milestone_submissions s JOIN projects p ON p.id = s.project_id AND p.status = 'active'
            JOIN runs r ON r.id = p.run_id JOIN employees o ON o.id = p.owner_employee_id
            WHERE (p.coach_employee_id = ?1 OR p.mentor_employee_id = ?1)
              AND ?1 NOT IN (SELECT employee_id FROM project_members WHERE project_id = p.id)
              AND s.round = (SELECT MAX(round) FROM milestone_submissions x WHERE x.project_id = s.project_id
                             AND x.position = s.position)
              AND NOT EXISTS (SELECT 1 FROM milestone_reviews v WHERE v.submission_id = s.id
                              AND (v.decision = 'revise' OR (v.role = 'coach' AND v.decision = 'accept')
                                   OR v.reviewer_employee_id = ?1))
            ORDER BY s.submitted_at, s.id
            """), arguments: [employeeId])
        var plans: [Int64: ProjectPlan] = [:]
        return try rows.map { row in
            let courseId: Int64 = row["course_id"]
            if plans[courseId] == nil { plans[courseId] = try Course.fetchOne(db, keptKey: courseId)?.projectPlan }
            let position: Int = row["position"]
            let coach: Int64? = row["coach_employee_id"]
            return ReviewQueueItem(
                projectId: row["project_id"], projectTitle: row["project_title"], ownerName: row["owner_name"],
                runTitle: row["run_title"], position: position,
                milestoneName: plans[courseId]?.milestones[safe: position]?.name,
                submissionId: row["id"], round: row["round"], role: coach == employeeId ? .coach : .mentor,
                submittedAt: row["submitted_at"])
        }
    }

    private func summaries(where condition: String, _ arguments: [Int64]) throws -> [ProjectSummary] {
        try database.pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.id, p.title, p.run_id, p.status, p.final_score, r.title AS run_title, o.name AS owner_name
                FROM projects p JOIN runs r ON r.id = p.run_id JOIN employees o ON o.id = p.owner_employee_id
                WHERE \(condition) ORDER BY p.created_at DESC, p.id DESC
                """), arguments: StatementArguments(arguments)).map {
                ProjectSummary(projectId: $0["id"], title: $0["title"], runId: $0["run_id"], runTitle: $0["run_title"],
                               ownerName: $0["owner_name"], status: $0["status"], finalScore: $0["final_score"])
            }
        }
    }
}

extension Array {
    /// The element at `index`, or `nil` outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
