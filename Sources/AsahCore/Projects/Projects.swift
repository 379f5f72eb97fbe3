import GRDB

/// Starting and running projects: the participant describes the project, adds team mates
/// where the course allows; the coordinator assigns the coach and mentor (the mentor
/// defaults to the participant's direct supervisor, the coach to the run's first instructor)
/// and moves milestone dates for a run. Every change is one transaction with its audit entry.
public struct Projects: Sendable {
    let database: AppDatabase

    /// Works on projects in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// An enrolled participant of a project-based run starts their project.
    public func start(runId: Int64, _ description: Project.Description, actor: Principal, ip: String? = nil,
                      now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        let (description, problems) = description.checked()
        return try database.attempt(at: now) { db, now in
            guard let employeeId = actor.employeeId else { throw ProjectProblem.notParticipant }
            let setting = try ProjectSetting.load(runId: runId, in: db)
            guard [.open, .closed, .running].contains(setting.run.status) else { throw ProjectProblem.runNotActive }
            guard try Self.isEnrolled(employeeId, runId: runId, in: db) else { throw ProjectProblem.notParticipant }
            guard try !Self.inProject(employeeId, runId: runId, in: db) else { throw ProjectProblem.alreadyHasProject }
            guard problems.isEmpty else { throw ProjectProblem.invalid(problems) }
            let mentor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT supervisor_id FROM employees WHERE id = ?"), arguments: [employeeId])
            let coach = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT instructor_employee_id FROM run_sessions WHERE run_id = ? AND instructor_employee_id IS NOT NULL
                    AND instructor_employee_id != ? ORDER BY starts_at LIMIT 1
                """), arguments: [runId, employeeId])
            var project = Project(runId: runId, ownerEmployeeId: employeeId, description: description, coach: coach,
                                  mentor: mentor == employeeId ? nil : mentor, now: now)
            try project.insert(db)
            try db.execute(sql: "INSERT INTO project_members (project_id, run_id, employee_id, added_at) VALUES (?, ?, ?, ?)",
                           arguments: [project.id, runId, employeeId, now])
            for reviewer in [project.coachEmployeeId, project.mentorEmployeeId].compactMap({ $0 }) {
                let role = reviewer == coach ? ReviewerRole.coach : .mentor
                try Notifications.send(to: reviewer, .projectAssigned, NotificationContent("notice_project_reviewer_of_run", [
                    "role": "@project_role_\(role.rawValue)", "title": project.title, "run": setting.run.title,
                ]), link: ProjectLinks.project(project.id!), now: now, in: db)
            }
            try AuditLog.record("project.start", actor: actor.userId, ip: ip, subject: "project:\(project.id!)",
                                detail: "run:\(setting.run.code)", in: db)
            return project
        }
    }

    /// A team member edits the description while the project is active.
    public func update(projectId: Int64, _ description: Project.Description, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        let (description, problems) = description.checked()
        return try database.attempt(at: now) { db, now in
            var (project, roles) = try Self.load(projectId, for: actor, in: db)
            guard roles.contains(.member) else { throw ProjectProblem.notPermitted }
            guard project.status == .active else { throw ProjectProblem.projectClosed }
            guard problems.isEmpty else { throw ProjectProblem.invalid(problems) }
            project.description = description
            project.updatedAt = now
            try project.update(db)
            try AuditLog.record("project.update", actor: actor.userId, ip: ip, subject: "project:\(projectId)", in: db)
            return project
        }
    }

    /// The owner (or a coordinator) adds an enrolled participant of the same run to the team.
    public func addMember(projectId: Int64, nip: String, actor: Principal, ip: String? = nil,
                          now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        try database.attempt(at: now) { db, now in
            let (project, roles) = try Self.load(projectId, for: actor, in: db)
            guard roles.contains(.coordinator) || actor.employeeId == project.ownerEmployeeId else {
                throw ProjectProblem.notPermitted
            }
            guard project.status == .active else { throw ProjectProblem.projectClosed }
            let setting = try ProjectSetting.load(runId: project.runId, in: db)
            guard setting.plan.allowsTeams else { throw ProjectProblem.teamsNotAllowed }
            let trimmed = nip.trimmingCharacters(in: .whitespaces)
            guard let employee = try EmployeeDirectory.employee(nip: trimmed, in: db), let id = employee.id, employee.active else {
                throw ProjectProblem.employeeNotFound(trimmed)
            }
            guard try Self.isEnrolled(id, runId: project.runId, in: db) else { throw ProjectProblem.notParticipant }
            guard try !Self.inProject(id, runId: project.runId, in: db) else { throw ProjectProblem.alreadyHasProject }
            guard try ProjectAccess.members(of: projectId, in: db).count < setting.plan.maxTeamSize else {
                throw ProjectProblem.teamFull(setting.plan.maxTeamSize)
            }
            try db.execute(sql: "INSERT INTO project_members (project_id, run_id, employee_id, added_at) VALUES (?, ?, ?, ?)",
                           arguments: [projectId, project.runId, id, now])
            try Notifications.send(to: id, .projectAssigned, NotificationContent("notice_project_member_added", ["title": project.title]),
                                   link: ProjectLinks.project(projectId), now: now, in: db)
            try AuditLog.record("project.member.add", actor: actor.userId, ip: ip, subject: "project:\(projectId)",
                                detail: "employee:\(id)", in: db)
            return project
        }
    }

    /// A coordinator sets the coach and the mentor (by NIP; an empty NIP leaves one unassigned).
    /// Neither may be on the team.
    public func assign(projectId: Int64, coachNIP: String, mentorNIP: String, actor: Principal, ip: String? = nil,
                       now: Int64? = nil) throws -> Result<Project, ProjectProblem> {
        try database.attempt(at: now) { db, now in
            var (project, roles) = try Self.load(projectId, for: actor, in: db)
            guard roles.contains(.coordinator) else { throw ProjectProblem.notPermitted }
            guard project.status == .active else { throw ProjectProblem.projectClosed }
            let members = try ProjectAccess.members(of: projectId, in: db)
            func person(_ nip: String, _ role: ReviewerRole) throws -> Int64? {
                let nip = nip.trimmingCharacters(in: .whitespaces)
                guard !nip.isEmpty else { return nil }
                guard let employee = try EmployeeDirectory.employee(nip: nip, in: db), let id = employee.id, employee.active else {
                    throw ProjectProblem.employeeNotFound(nip)
                }
                guard !members.contains(id) else {
                    throw ProjectProblem.invalid([Refusal(.invalid, role == .coach ? "problem_project_reviewer_in_team_coach"
                                                                                   : "problem_project_reviewer_in_team_mentor")])
                }
                return id
            }
            let coach = try person(coachNIP, .coach), mentor = try person(mentorNIP, .mentor)
            let changed = [(coach, project.coachEmployeeId, ReviewerRole.coach), (mentor, project.mentorEmployeeId, .mentor)]
            project.coachEmployeeId = coach
            project.mentorEmployeeId = mentor
            project.updatedAt = now
            try project.update(db)
            for (new, old, role) in changed where new != old {
                guard let new else { continue }
                try Notifications.send(to: new, .projectAssigned,
                                       NotificationContent("notice_project_reviewer", ["role": "@project_role_\(role.rawValue)", "title": project.title]),
                                       link: ProjectLinks.project(projectId), now: now, in: db)
            }
            try AuditLog.record("project.assign", actor: actor.userId, ip: ip, subject: "project:\(projectId)",
                                detail: "coach:\(coach.map(String.init) ?? "-") mentor:\(mentor.map(String.init) ?? "-")", in: db)
            return project
        }
    }

    /// A coordinator moves milestone dates of a run (by position); the schedule must stay in
    /// order and after the run's first day. Applies all dates or none.
    public func moveMilestones(runId: Int64, to dates: [Int: CalendarDate], actor: Principal, ip: String? = nil,
                               now: Int64? = nil) throws -> Result<[ScheduledMilestone], ProjectProblem> {
        try database.attempt(at: now) { db, now in
            guard WorkshopAccess.coordinates(actor) else { throw ProjectProblem.notPermitted }
            let setting = try ProjectSetting.load(runId: runId, in: db)
            let problems = MilestoneSchedule.problems(moving: dates, plan: setting.plan, runStartsOn: setting.run.startsOn,
                                                      current: setting.moved)
            guard problems.isEmpty else { throw ProjectProblem.invalid(problems) }
            let original = MilestoneSchedule.schedule(setting.plan, runStartsOn: setting.run.startsOn)
            for (position, date) in dates {
                if date == original[position].dueOn {
                    try db.execute(sql: "DELETE FROM run_milestone_dates WHERE run_id = ? AND position = ?",
                                   arguments: [runId, position])
                } else {
                    try db.execute(sql: """
                        INSERT INTO run_milestone_dates (run_id, position, due_on, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (run_id, position) DO UPDATE SET due_on = excluded.due_on,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at
                        """, arguments: [runId, position, date, actor.userId, now])
                }
            }
            try AuditLog.record("project.milestones.move", actor: actor.userId, ip: ip, subject: "run:\(setting.run.code)",
                                detail: dates.keys.sorted().map { "\($0 + 1)=\(dates[$0]!.iso)" }.joined(separator: " "), in: db)
            return try ProjectSetting.load(runId: runId, in: db).schedule
        }
    }

    // MARK: - Shared checks

    /// The project with the caller's roles; a project they may not see is not found.
    static func load(_ id: Int64, for actor: Principal, in db: Database) throws -> (Project, Set<ProjectRole>) {
        guard let (project, members) = try ProjectAccess.visible(id, to: actor, in: db) else { throw ProjectProblem.notFound }
        return (project, ProjectAccess.roles(of: actor, in: project, members: members))
    }

    static func isEnrolled(_ employeeId: Int64, runId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM enrolments WHERE run_id = ? AND employee_id = ? AND state = 'enrolled')
            """), arguments: [runId, employeeId]) ?? false
    }

    static func inProject(_ employeeId: Int64, runId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM project_members WHERE run_id = ? AND employee_id = ?)"),
                          arguments: [runId, employeeId]) ?? false
    }
}
