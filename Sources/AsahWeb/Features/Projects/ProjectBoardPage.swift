import AsahCore
import Foundation
import HTTPServer

/// The run's project board (coaches see their projects, coordinators everyone) and the
/// coordinator's form to move milestone dates.
enum ProjectBoardPage {
    static func page(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        guard let runId = context.pathID(),
              let board = try ProjectBoard.load(runId: runId, for: context.user, database: context.services.database) else {
            return context.notFound()
        }
        let localizer = context.localizer
        let now = Clock.now()
        let schedule = board.setting.schedule
        let lines = board.lines.map { line -> [String: Any] in
            [
                "name": line.name, "nip": line.nip, "projectId": line.project?.id as Any, "title": line.project?.title as Any,
                "hasProject": line.project != nil, "coach": line.coachName ?? "–", "mentor": line.mentorName ?? "–",
                "status": line.project.map { localizer.t("project_status_\($0.status.rawValue)") } ?? localizer.t("project_not_started"),
                "late": line.lateCount, "isLate": line.lateCount > 0,
                "waiting": line.waitingSince.map { ProjectView.waited(since: $0, now: now, localizer) } ?? "",
                "cells": line.statuses.map { status in
                    ["state": ProjectView.state(status, now: now, localizer), "code": status.state.code, "late": status.isLate]
                },
            ]
        }
        return context.page("project_board", title: localizer.t("project_board_title", ["run": board.setting.run.title]), [
            "run": ["id": runId, "title": board.setting.run.title, "course": board.setting.course.title.indonesian],
            "milestones": schedule.map {
                ["position": $0.position, "number": $0.position + 1, "name": $0.milestone.name,
                 "due": ProjectView.date($0.dueOn, localizer), "dueISO": $0.dueOn.iso, "moved": $0.moved] as [String: Any]
            },
            "lines": lines, "hasLines": !lines.isEmpty,
            "mayMove": WorkshopAccess.coordinates(context.user),
            "notice": ProjectPages.notice(context) as Any, "error": error as Any,
        ], status: status)
    }

    /// The coordinator moves dates: fields `due_<position>` as YYYY-MM-DD; all or none.
    static func move(_ context: Context) throws -> Response {
        let form = try context.form()
        guard let runId = context.pathID() else { return context.notFound() }
        var dates: [Int: CalendarDate] = [:]
        for (name, values) in form.fields where name.hasPrefix("due_") {
            guard let position = BoundedNumbers.integer(String(name.dropFirst(4)), in: 0...1_000), let text = values.first?.trimmingCharacters(in: .whitespaces),
                  !text.isEmpty else { continue }
            guard let date = CalendarDate(iso: text) else {
                return try page(context, error: context.localizer.t("project_error_date", ["value": text]), status: 422)
            }
            dates[position] = date
        }
        switch try Projects(database: context.services.database).moveMilestones(runId: runId, to: dates, actor: context.user,
                                                                                 ip: context.ip) {
        case .success: return Notice.redirect(ProjectLinks.board(runId), notice: "project_dates_saved")
        case .failure(.notFound), .failure(.notProjectBased): return context.notFound()
        case .failure(let problem): return try page(context, error: context.message(problem), status: 422)
        }
    }
}
