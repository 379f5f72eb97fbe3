import GRDB

/// The gallery of completed projects: consent by the team, featuring by coordinators, and a
/// full-text search (FTS5) over title, problem, outcome, result and unit.
public struct ProjectGallery: Sendable {
    let database: AppDatabase

    /// Works on the gallery in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// A team member gives or withdraws their consent to show the completed project, with the
    /// measured result in their words. The project is shown once every member has consented;
    /// one withdrawal takes it out of the gallery.
    public func consent(projectId: Int64, consent: Bool, measuredResult: String, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        let result = measuredResult.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attempt(at: now) { db, now in
            var (project, roles) = try Projects.load(projectId, for: actor, in: db)
            guard roles.contains(.member), let employeeId = actor.employeeId else { throw ProjectProblem.notPermitted }
            guard project.status == .completed else { throw ProjectProblem.notCompleted }
            guard result.count <= 5000 else { throw ProjectProblem.invalid([Refusal(.invalid, "problem_project_result_length")]) }
            if consent, result.isEmpty { throw ProjectProblem.invalid([Refusal(.invalid, "problem_project_result_required")]) }
            if consent {
                try db.execute(sql: """
                    INSERT INTO project_gallery_consents (project_id, employee_id, consented_at) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, arguments: [projectId, employeeId, now])
            } else {
                try db.execute(sql: "DELETE FROM project_gallery_consents WHERE project_id = ? AND employee_id = ?",
                               arguments: [projectId, employeeId])
            }
            project.galleryConsent = try Self.waitingFor(projectId, in: db).isEmpty
            project.measuredResult = result
            if !project.galleryConsent { project.featured = false }
            project.updatedAt = now
            try project.update(db)
            try Self.index(project, in: db)
            try AuditLog.record(consent ? "project.gallery.consent" : "project.gallery.withdraw", actor: actor.userId, ip: ip,
                                subject: "project:\(projectId)", in: db)
            return project
        }
    }

    /// The team members of `projectId` who have not consented to the gallery, by id.
    public static func waitingFor(_ projectId: Int64, in db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT m.employee_id FROM project_members m
            WHERE m.project_id = ? AND NOT EXISTS (SELECT 1 FROM project_gallery_consents c
                                                   WHERE c.project_id = m.project_id AND c.employee_id = m.employee_id)
            """), arguments: [projectId]))
    }

    /// A coordinator features a project in the gallery, or stops featuring it.
    public func feature(projectId: Int64, featured: Bool, actor: Principal, ip: String? = nil,
                        now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw ProjectProblem.notPermitted }
            guard var project = try Project.fetchOne(db, keptKey: projectId), project.status == .completed,
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
            let projects = try Project.fetchAll(db.cachedStatement(sql: """
                SELECT p.* FROM projects p
                WHERE p.status = 'completed' AND p.gallery_consent
                  AND (?1 IS NULL OR p.id IN (SELECT rowid FROM project_gallery_search WHERE project_gallery_search MATCH ?1))
                ORDER BY p.featured DESC, p.completed_at DESC, p.id DESC LIMIT ?2
                """), arguments: [match, limit])
            return try GalleryEntry.load(projects, withFiles: false, in: db)
        }
    }

    /// One consented completed project with its report files; `nil` for any other project.
    public func entry(_ projectId: Int64) throws -> GalleryEntry? {
        try database.pool.read { db in
            guard let project = try Project.fetchOne(db, keptKey: projectId) else { return nil }
            return try GalleryEntry.load([project], withFiles: true, in: db).first
        }
    }

    /// A report file of a consented completed project; `nil` for any other file.
    public func reportFile(projectId: Int64, fileId: Int64) throws -> SubmissionFile? {
        try entry(projectId)?.reportFiles.first { $0.id == fileId }
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
        let words = SearchWords.split(query) { !$0.isLetter && !$0.isNumber }
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
