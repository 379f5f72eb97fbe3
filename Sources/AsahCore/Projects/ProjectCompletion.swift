import Foundation
import GRDB

/// The end of a project: once the coach accepts the final milestone (every earlier one was
/// accepted before it could be submitted), the final score decides. At or above the pass mark
/// the project is completed and every team member's place in the run completes through the
/// workshops' completion path (JP in the ledger, a certificate that names the project);
/// below it the project and the places are not passed, with the reason.
enum ProjectCompletion {
    static func finish(_ project: Project, members: [Int64], setting: ProjectSetting, finalSubmission: MilestoneSubmission,
                       now: Int64, in db: Database) throws {
        let reviews = try MilestoneReview.fetchAll(db.cachedStatement(sql: "SELECT * FROM milestone_reviews WHERE submission_id = ?"),
                                                   arguments: [finalSubmission.id])
        let score = MilestoneProgress.finalScore(reviews: reviews, plan: setting.plan) ?? 0
        let passed = score >= Double(setting.plan.passMark)
        var project = project
        project.status = passed ? .completed : .notPassed
        project.finalScore = score
        project.completedAt = now
        project.updatedAt = now
        try project.update(db)
        // The notification and each member's completion reason say the same facts.
        let notice = NotificationContent(passed ? "notice_project_finished_passed" : "notice_project_finished_not_passed", [
            "title": project.title, "score": String(format: "%g", (score * 10).rounded() / 10),
            "passMarkCount": String(setting.plan.passMark),
        ])
        let course = try WorkshopLookup.course(of: setting.run, in: db)
        for member in members {
            guard var enrolment = try Enrolment.place(runId: setting.run.id!, employeeId: member, in: db),
                  enrolment.state == .enrolled else { continue }
            enrolment.state = passed ? .completed : .notCompleted
            enrolment.completionReason = Enrolment.stored(notice)
            enrolment.updatedAt = now
            try enrolment.update(db)
            if passed {
                _ = try Completion.credit(enrolment, run: setting.run, course: course, now: now, db: db)
            }
            try Notifications.send(to: member, .projectCompleted, notice, link: ProjectLinks.project(project.id!), now: now, in: db)
        }
        try AuditLog.record(passed ? "project.complete" : "project.not_passed", actor: nil, ip: nil,
                            subject: "project:\(project.id!)", detail: "score:\(score)", in: db)
    }
}
