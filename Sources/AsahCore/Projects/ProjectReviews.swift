import GRDB

/// Submitting milestones and reviewing them. Submissions and reviews are only ever added:
/// a revision request is answered by a new round, and the page shows every round.
public struct ProjectReviews: Sendable {
    let database: AppDatabase

    /// Works on submissions and reviews in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// A team member submits the open milestone at `position` with text and already-stored
    /// files. The coach and mentor are told.
    public func submit(projectId: Int64, position: Int, body: String, files: [SubmissionFile], actor: Principal,
                       ip: String? = nil, now: Int64? = nil) throws -> Result<MilestoneSubmission, ProjectProblem> {
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attempt(at: now) { db, now in
            let (project, roles) = try Projects.load(projectId, for: actor, in: db)
            guard roles.contains(.member), let employeeId = actor.employeeId else { throw ProjectProblem.notPermitted }
            guard project.status == .active else { throw ProjectProblem.projectClosed }
            let setting = try ProjectSetting.load(runId: project.runId, in: db)
            let statuses = try Self.statuses(of: project, setting: setting, now: now, in: db)
            guard MilestoneProgress.open(statuses) == position else { throw ProjectProblem.milestoneNotOpen }
            guard !body.isEmpty || !files.isEmpty else {
                throw ProjectProblem.invalid([Refusal(.invalid, "problem_project_submission_empty")])
            }
            guard body.count <= 20_000 else { throw ProjectProblem.invalid([Refusal(.invalid, "problem_project_submission_length")]) }
            var submission = MilestoneSubmission(projectId: projectId, position: position,
                                                 round: (statuses[position].latest?.round ?? 0) + 1, body: body,
                                                 submittedBy: employeeId, submittedAt: now)
            try submission.insert(db)
            for var file in files {
                file.submissionId = submission.id!
                try file.insert(db)
            }
            let name = setting.plan.milestones[position].name
            for reviewer in [project.coachEmployeeId, project.mentorEmployeeId].compactMap({ $0 }) {
                try Notifications.send(to: reviewer, .projectSubmitted, NotificationContent("notice_project_submitted", [
                    "milestone": name, "title": project.title, "round": String(submission.round),
                ]), link: ProjectLinks.submission(submission.id!, of: projectId), now: now, in: db)
            }
            try AuditLog.record("project.submit", actor: actor.userId, ip: ip, subject: "project:\(projectId)",
                                detail: "milestone:\(position + 1) round:\(submission.round) files:\(files.count)", in: db)
            return submission
        }
    }

    /// The coach or mentor reviews the latest submission of milestone `position` while it
    /// waits. A revision request needs a comment. Any review may score the submission against
    /// the course's rubric (one score per criterion), so the team sees where it stands; on the
    /// final milestone the coach's acceptance needs those scores (the mentor may score too),
    /// they make the final score, and that acceptance finishes the project (see ``ProjectCompletion``).
    public func review(projectId: Int64, position: Int, decision: ReviewDecision, comment: String, scores: [Int]?,
                       actor: Principal, ip: String? = nil, now: Int64? = nil) throws -> Result<MilestoneReview, ProjectProblem> {
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.attempt(at: now) { db, now in
            guard let (project, members) = try ProjectAccess.visible(projectId, to: actor, in: db) else {
                throw ProjectProblem.notFound
            }
            guard let role = ProjectAccess.reviewerRole(of: actor, in: project, members: members),
                  let reviewer = actor.employeeId else { throw ProjectProblem.notReviewer }
            guard project.status == .active else { throw ProjectProblem.projectClosed }
            let setting = try ProjectSetting.load(runId: project.runId, in: db)
            let statuses = try Self.statuses(of: project, setting: setting, now: now, in: db)
            guard statuses.indices.contains(position), case .waitingForReview = statuses[position].state,
                  let submission = statuses[position].latest else { throw ProjectProblem.nothingToReview }
            if decision == .revise, comment.isEmpty {
                throw ProjectProblem.invalid([Refusal(.invalid, "problem_project_comment_required")])
            }
            guard comment.count <= 10_000 else { throw ProjectProblem.invalid([Refusal(.invalid, "problem_project_comment_length")]) }
            let isFinal = position == setting.plan.milestones.count - 1
            if let scores, !scores.isEmpty {
                if let problem = MilestoneProgress.scoreProblem(scores, plan: setting.plan) {
                    throw ProjectProblem.scoresRequired(problem)
                }
            } else if isFinal, role == .coach, decision == .accept {
                throw ProjectProblem.scoresRequired(Refusal(.invalid, "problem_project_final_scores_required"))
            }
            var review = MilestoneReview(submissionId: submission.id!, reviewerEmployeeId: reviewer, role: role,
                                         decision: decision, comment: comment,
                                         scores: scores?.isEmpty == false ? scores : nil, reviewedAt: now)
            try review.insert(db)
            let name = setting.plan.milestones[position].name
            let key = switch (role, decision) {
            case (.coach, .accept): "notice_project_reviewed_coach_accept"
            case (.mentor, .accept): "notice_project_reviewed_mentor_accept"
            case (.coach, .revise): "notice_project_reviewed_coach_revise"
            case (.mentor, .revise): "notice_project_reviewed_mentor_revise"
            }
            let notice = NotificationContent(key, ["milestone": name, "title": project.title])
            for member in members {
                try Notifications.send(to: member, .projectReviewed, notice,
                                       link: ProjectLinks.submission(submission.id!, of: projectId), now: now, in: db)
            }
            try AuditLog.record("project.review", actor: actor.userId, ip: ip, subject: "project:\(projectId)",
                                detail: "milestone:\(position + 1) round:\(submission.round) \(role.rawValue):\(decision.rawValue)",
                                in: db)
            if role == .coach, decision == .accept, isFinal {
                try ProjectCompletion.finish(project, members: members, setting: setting, finalSubmission: submission,
                                             now: now, in: db)
            }
            return review
        }
    }

    /// The milestones of `project` with their state at `now`.
    static func statuses(of project: Project, setting: ProjectSetting, now: Int64, in db: Database) throws -> [MilestoneStatus] {
        let submissions = try MilestoneSubmission.fetchAll(db.cachedStatement(sql: "SELECT * FROM milestone_submissions WHERE project_id = ?"),
                                                           arguments: [project.id])
        let reviews = try MilestoneReview.fetchAll(db.cachedStatement(sql: """
            SELECT r.* FROM milestone_reviews r JOIN milestone_submissions s ON s.id = r.submission_id WHERE s.project_id = ?
            """), arguments: [project.id])
        return MilestoneProgress.statuses(setting.schedule, submissions: submissions, reviews: reviews,
                                          today: IndonesianTime.date(of: now))
    }
}
