import AsahCore
import HTTPServer

/// "Jadwal mengajar": the sessions an instructor teaches (today's marked), with the attendance
/// still to record, and the project submissions waiting for their review and for how long.
struct TeachingFeature: Feature {
    func routes() -> [RouteSpec] {
        [RouteSpec(.get, "/teaching", .signedIn(.takeAttendance), page)]
    }

    private func page(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let now = Clock.now()
        let schedule = try context.user.employeeId.map { try TeachingSchedule.of(employeeId: $0, now: now, in: context.services.database) }
        let today = IndonesianTime.date(of: now)
        let sessions = (schedule?.sessions ?? []).map { item -> [String: Any] in
            let session = item.session
            let started = now >= session.startsAt
            let attendance = !started ? localizer.t("teaching_not_started")
                : localizer.t("teaching_marked", ["marked": localizer.number(item.marked), "total": localizer.number(item.participants)])
            return templateValues([
                "when": RunText.moment(session.startsAt, localizer), "today": IndonesianTime.date(of: session.startsAt) == today,
                "runId": session.runId, "title": HomeTaskSections.session(session, localizer).text, "place": session.place,
                "attendance": attendance, "attendanceHref": started ? "/sessions/\(session.sessionId)/attendance" : nil,
                "todo": started && item.marked < item.participants,
            ])
        }
        let reviews = (schedule?.reviews ?? []).map { item -> [String: Any] in
            let days = max(0, Int((now - item.submittedAt) / 86400))
            return ["href": "/projects/\(item.projectId)",
                    "text": localizer.t("home_review", ["milestone": ProjectView.milestoneName(item, localizer),
                                                        "project": item.projectTitle, "name": item.ownerName]),
                    "waiting": localizer.count("teaching_waiting_days", days)]
        }
        return context.page("teaching", title: localizer.t("nav_teaching"), [
            "sessions": sessions, "hasSessions": !sessions.isEmpty, "reviews": reviews, "hasReviews": !reviews.isEmpty,
        ])
    }
}
