import GRDB

/// Reminders for the periodic sweep, as in-app notifications, each sent once: to the team a
/// few days before a milestone is due and when it is late; to the coach and mentor when a
/// submission has waited for their review too long.
public struct ProjectSweep: Sendable {
    /// Days before the due date the team is reminded.
    public static let dueSoonDays = 3
    /// How long a submission may wait before its reviewers are reminded.
    public static let reviewWaitSeconds: Int64 = 3 * 86400

    let database: AppDatabase

    /// Works on the reminders in `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Sends the reminders due at `now`; returns how many were sent.
    @discardableResult
    public func run(now: Int64 = Clock.now()) throws -> Int {
        try database.pool.write { db in
            let today = IndonesianTime.date(of: now)
            var sent = 0
            let projects = try Project.fetchAll(db.cachedStatement(sql: """
                SELECT p.* FROM projects p JOIN runs r ON r.id = p.run_id AND r.status IN ('open', 'closed', 'running')
                WHERE p.status = 'active'
                """))
            var settings: [Int64: ProjectSetting] = [:]
            for project in projects {
                if settings[project.runId] == nil { settings[project.runId] = try ProjectSetting.load(runId: project.runId, in: db) }
                guard let setting = settings[project.runId] else { continue }
                let statuses = try ProjectReviews.statuses(of: project, setting: setting, now: now, in: db)
                let members = try ProjectAccess.members(of: project.id!, in: db)
                for status in statuses {
                    let name = status.scheduled.milestone.name
                    let link = ProjectLinks.milestone(status.scheduled.position, of: project.id!)
                    let due = status.scheduled.dueOn
                    switch status.state {
                    case .notSubmitted, .revisionRequested:
                        if status.isLate {
                            sent += try remind(members, .projectLate, NotificationContent("notice_project_late", [
                                "milestone": name, "title": project.title, "dueOn": due.iso,
                            ]), link: link, now: now, in: db)
                        } else if today.days(until: due) <= Self.dueSoonDays,
                                  MilestoneProgress.open(statuses) == status.scheduled.position {
                            sent += try remind(members, .projectDueSoon, NotificationContent("notice_project_due_soon", [
                                "milestone": name, "title": project.title, "dueOn": due.iso,
                            ]), link: link, now: now, in: db)
                        }
                    case .waitingForReview(let since) where now - since >= Self.reviewWaitSeconds:
                        guard let submission = status.latest else { continue }
                        let reviewers = [project.coachEmployeeId, project.mentorEmployeeId].compactMap { $0 }
                        sent += try remind(reviewers, .projectReviewWaiting, NotificationContent("notice_project_review_waiting", [
                            "milestone": name, "title": project.title, "sinceAt": String(since),
                        ]), link: ProjectLinks.submission(submission.id!, of: project.id!), now: now, in: db)
                    default: continue
                    }
                }
            }
            return sent
        }
    }

    /// Notifies each of `people` who has not had a notification of `kind` for `link`.
    private func remind(_ people: [Int64], _ kind: NotificationKind, _ notice: NotificationContent, link: String, now: Int64,
                        in db: Database) throws -> Int {
        var sent = 0
        for person in people {
            let reminded = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM notifications WHERE employee_id = ? AND kind = ? AND link = ?)
                """), arguments: [person, kind, link]) ?? false
            if reminded { continue }
            try Notifications.send(to: person, kind, notice, link: link, now: now, in: db)
            sent += 1
        }
        return sent
    }
}
