import GRDB

/// How a person is involved in a project.
public enum ProjectRole: String, Sendable, Hashable, CaseIterable {
    /// On the project's team (the owner included).
    case member
    case coach
    case mentor
    /// A coordinator (BKPSDM staff), who sees every project.
    case coordinator
}

/// Who may see and act on a project. Drafts, submissions, files, scores and reviews are for
/// the team, the coach, the mentor and coordinators only; everyone else is told the project
/// does not exist (404). The gallery shows consented, completed projects to every employee.
public enum ProjectAccess {
    /// The ways `principal` is involved in `project` whose team is `members`.
    public static func roles(of principal: Principal, in project: Project, members: [Int64]) -> Set<ProjectRole> {
        var roles: Set<ProjectRole> = []
        if WorkshopAccess.coordinates(principal) { roles.insert(.coordinator) }
        guard let own = principal.employeeId else { return roles }
        if members.contains(own) { roles.insert(.member) }
        if project.coachEmployeeId == own { roles.insert(.coach) }
        if project.mentorEmployeeId == own { roles.insert(.mentor) }
        return roles
    }

    /// Whether `principal` may see the project at all.
    public static func maySee(_ principal: Principal, _ project: Project, members: [Int64]) -> Bool {
        !roles(of: principal, in: project, members: members).isEmpty
    }

    /// The role in which `principal` reviews: coach before mentor; never for a team member.
    public static func reviewerRole(of principal: Principal, in project: Project, members: [Int64]) -> ReviewerRole? {
        let roles = roles(of: principal, in: project, members: members)
        if roles.contains(.member) { return nil }
        if roles.contains(.coach) { return .coach }
        if roles.contains(.mentor) { return .mentor }
        return nil
    }

    /// The team of a project, owner first.
    static func members(of projectId: Int64, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT m.employee_id FROM project_members m JOIN projects p ON p.id = m.project_id
            WHERE m.project_id = ? ORDER BY m.employee_id != p.owner_employee_id, m.added_at, m.employee_id
            """), arguments: [projectId])
    }

    /// The project `id` when `principal` may see it, with its team; `nil` otherwise.
    static func visible(_ id: Int64, to principal: Principal, in db: Database) throws -> (Project, [Int64])? {
        guard let project = try Project.fetchOne(db, keptKey: id) else { return nil }
        let members = try members(of: id, in: db)
        return maySee(principal, project, members: members) ? (project, members) : nil
    }
}
