import GRDB

/// A completed project as the gallery shows it to every employee: only what the team
/// consented to publish.
public struct GalleryEntry: Sendable, Hashable {
    public let projectId: Int64
    public let title: String
    public let unitName: String?
    public let people: [String]
    public let courseTitle: String
    public let problem: String
    public let outcome: String
    public let measure: String
    public let measuredResult: String
    public let finalScore: Double?
    public let featured: Bool
    public let completedAt: Int64
    /// The files of the accepted final report, if it had any.
    public let reportFiles: [SubmissionFile]

    /// The entries of those `projects` that are completed, consented and of a project-based
    /// course, in the given order; the report files only `withFiles`. A fixed number of
    /// queries however many projects there are (the report files: one more per project).
    static func load(_ projects: [Project], withFiles: Bool, in db: Database) throws -> [GalleryEntry] {
        let shown = projects.filter { $0.status == .completed && $0.galleryConsent && $0.id != nil }
        guard !shown.isEmpty else { return [] }
        let ids = shown.map { $0.id! }, runIds = Array(Set(shown.map(\.runId)))
        let marks = ids.map { _ in "?" }.joined(separator: ","), runMarks = runIds.map { _ in "?" }.joined(separator: ",")
        var plans: [Int64: (course: Course, plan: ProjectPlan)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT r.id AS run_key, c.* FROM runs r JOIN courses c ON c.id = r.course_id WHERE r.id IN (\(runMarks))
            """, arguments: StatementArguments(runIds)) {
            if let course = try? Course(row: row), let plan = course.projectPlan { plans[row["run_key"]] = (course, plan) }
        }
        var people: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT m.project_id, e.name FROM project_members m JOIN projects p ON p.id = m.project_id
            JOIN employees e ON e.id = m.employee_id WHERE m.project_id IN (\(marks))
            ORDER BY m.project_id, m.employee_id != p.owner_employee_id, e.name
            """, arguments: StatementArguments(ids)) {
            people[row["project_id"], default: []].append(row["name"])
        }
        let units: [Int64: String] = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT p.id, u.name FROM projects p JOIN employees e ON e.id = p.owner_employee_id JOIN units u ON u.id = e.unit_id
            WHERE p.id IN (\(marks))
            """, arguments: StatementArguments(ids)).map { ($0["id"], $0["name"]) })
        return try shown.compactMap { project in
            guard let id = project.id, let (course, plan) = plans[project.runId] else { return nil }
            return GalleryEntry(projectId: id, title: project.title, unitName: units[id], people: people[id] ?? [],
                                courseTitle: course.title.indonesian, problem: project.problem, outcome: project.outcome,
                                measure: project.measure, measuredResult: project.measuredResult, finalScore: project.finalScore,
                                featured: project.featured, completedAt: project.completedAt ?? project.updatedAt,
                                reportFiles: withFiles ? try reportFiles(of: id, position: plan.finalReportPosition, in: db) : [])
        }
    }

    /// The files of the latest submission of the final report that the coach accepted.
    private static func reportFiles(of projectId: Int64, position: Int, in db: Database) throws -> [SubmissionFile] {
        try SubmissionFile.fetchAll(db.cachedStatement(sql: """
            SELECT f.* FROM submission_files f WHERE f.submission_id = (
                SELECT s.id FROM milestone_submissions s WHERE s.project_id = ? AND s.position = ?
                  AND EXISTS (SELECT 1 FROM milestone_reviews r WHERE r.submission_id = s.id AND r.role = 'coach'
                              AND r.decision = 'accept')
                ORDER BY s.round DESC LIMIT 1)
            ORDER BY f.id
            """), arguments: [projectId, position])
    }
}
