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
}

/// The gallery of completed projects: consent by the team, featuring by coordinators, and a
/// full-text search (FTS5) over title, problem, outcome, result and unit.
public struct ProjectGallery: Sendable {
    let database: AppDatabase

    /// Works on the gallery in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// A team member gives or withdraws consent to show the completed project, with the
    /// measured result in their words.
    public func consent(projectId: Int64, consent: Bool, measuredResult: String, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        let result = measuredResult.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attemptProject(at: now) { db, now in
            var (project, roles) = try Projects.load(projectId, for: actor, in: db)
            guard roles.contains(.member) else { throw ProjectProblem.notPermitted }
            guard project.status == .completed else { throw ProjectProblem.notCompleted }
            guard result.count <= 5000 else { throw ProjectProblem.invalid(["Hasil terukur paling panjang 5.000 karakter."]) }
            if consent, result.isEmpty { throw ProjectProblem.invalid(["Tuliskan hasil yang terukur untuk galeri."]) }
            project.galleryConsent = consent
            project.measuredResult = result
            if !consent { project.featured = false }
            project.updatedAt = now
            try project.update(db)
            try Self.index(project, in: db)
            try AuditLog.record(consent ? "project.gallery.consent" : "project.gallery.withdraw", actor: actor.userId, ip: ip,
                                subject: "project:\(projectId)", in: db)
            return project
        }
    }

    /// A coordinator features a project in the gallery, or stops featuring it.
    public func feature(projectId: Int64, featured: Bool, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        try database.attemptProject(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw ProjectProblem.notPermitted }
            guard var project = try Project.fetchOne(db, key: projectId), project.status == .completed,
                  project.galleryConsent else { throw ProjectProblem.notFound }
            project.featured = featured
            project.updatedAt = now
            try project.update(db)
            try AuditLog.record(featured ? "project.feature" : "project.unfeature", actor: actor.userId, ip: ip,
                                subject: "project:\(projectId)", in: db)
            return project
        }
    }

    /// Consented completed projects matching `query` (every word, prefixes too; empty for
    /// all), featured first, then newest; at most `limit`.
    public func search(_ query: String, limit: Int = 50) throws -> [GalleryEntry] {
        let match = Self.matchExpression(query)
        return try database.pool.read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT p.id FROM projects p
                WHERE p.status = 'completed' AND p.gallery_consent
                  AND (?1 IS NULL OR p.id IN (SELECT rowid FROM project_gallery_search WHERE project_gallery_search MATCH ?1))
                ORDER BY p.featured DESC, p.completed_at DESC, p.id DESC LIMIT ?2
                """, arguments: [match, limit])
            return try ids.compactMap { try Self.entry($0, in: db, withFiles: false) }
        }
    }

    /// One consented completed project with its report files; `nil` for any other project.
    public func entry(_ projectId: Int64) throws -> GalleryEntry? {
        try database.pool.read { try Self.entry(projectId, in: $0, withFiles: true) }
    }

    /// A report file of a consented completed project; `nil` for any other file.
    public func reportFile(projectId: Int64, fileId: Int64) throws -> SubmissionFile? {
        try entry(projectId)?.reportFiles.first { $0.id == fileId }
    }

    static func entry(_ projectId: Int64, in db: Database, withFiles: Bool) throws -> GalleryEntry? {
        guard let project = try Project.fetchOne(db, key: projectId), project.status == .completed, project.galleryConsent,
              let setting = try? ProjectSetting.load(runId: project.runId, in: db) else { return nil }
        let people = try String.fetchAll(db, sql: """
            SELECT e.name FROM project_members m JOIN employees e ON e.id = m.employee_id WHERE m.project_id = ?
            ORDER BY m.employee_id != ?, e.name
            """, arguments: [projectId, project.ownerEmployeeId])
        let unit = try String.fetchOne(db, sql: """
            SELECT u.name FROM employees e JOIN units u ON u.id = e.unit_id WHERE e.id = ?
            """, arguments: [project.ownerEmployeeId])
        let files = withFiles ? try SubmissionFile.fetchAll(db, sql: """
            SELECT f.* FROM submission_files f WHERE f.submission_id = (
                SELECT s.id FROM milestone_submissions s WHERE s.project_id = ? AND s.position = ?
                  AND EXISTS (SELECT 1 FROM milestone_reviews r WHERE r.submission_id = s.id AND r.role = 'coach'
                              AND r.decision = 'accept')
                ORDER BY s.round DESC LIMIT 1)
            ORDER BY f.id
            """, arguments: [projectId, setting.plan.finalReportPosition]) : []
        return GalleryEntry(projectId: projectId, title: project.title, unitName: unit, people: people,
                            courseTitle: setting.course.title.indonesian, problem: project.problem, outcome: project.outcome,
                            measure: project.measure, measuredResult: project.measuredResult, finalScore: project.finalScore,
                            featured: project.featured, completedAt: project.completedAt ?? project.updatedAt,
                            reportFiles: files)
    }

    /// Puts the project in the search index when it is in the gallery, takes it out otherwise.
    static func index(_ project: Project, in db: Database) throws {
        try db.execute(sql: "DELETE FROM project_gallery_search WHERE rowid = ?", arguments: [project.id])
        guard project.status == .completed, project.galleryConsent else { return }
        try db.execute(sql: """
            INSERT INTO project_gallery_search (rowid, title, problem, outcome, measured_result, unit)
            SELECT p.id, p.title, p.problem, p.outcome, p.measured_result, COALESCE(u.name, '')
            FROM projects p JOIN employees e ON e.id = p.owner_employee_id LEFT JOIN units u ON u.id = e.unit_id
            WHERE p.id = ?
            """, arguments: [project.id])
    }

    /// An FTS5 expression that matches every word of `query` as a prefix; `nil` for no words.
    static func matchExpression(_ query: String) -> String? {
        let words = query.split { !$0.isLetter && !$0.isNumber }.prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
