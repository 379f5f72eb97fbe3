import AsahCore
import Foundation
import HTTPServer

/// The pages of projects: the list with the review queue, the start form, a project's page
/// and its file downloads.
enum ProjectPages {
    /// Notices a redirect may carry as `?notice=KEY`.
    static let notices: Set<String> = [
        "project_started", "project_saved", "project_submitted", "project_reviewed", "project_member_added",
        "project_staff_saved", "project_consent_saved", "project_feature_saved", "project_dates_saved",
    ]

    /// The notice text named by `?notice=`, if it is one of ``notices``.
    static func notice(_ context: Context) -> String? {
        Notice.message(context, allowed: notices)
    }

    static func list(_ context: Context) throws -> Response {
        let localizer = context.localizer
        var data: [String: Any] = ["notice": notice(context) as Any]
        if let employeeId = context.user.employeeId {
            let lists = ProjectLists(database: context.services.database)
            let summary = { ProjectView.summary($0, localizer) }
            let mine = try lists.mine(employeeId: employeeId).map(summary)
            let guided = try lists.guided(employeeId: employeeId).map(summary)
            let startable = try lists.startable(employeeId: employeeId)
            let now = Clock.now()
            let queue = try lists.reviewQueue(employeeId: employeeId)
            data["mine"] = mine
            data["hasMine"] = !mine.isEmpty
            data["guided"] = guided
            data["hasGuided"] = !guided.isEmpty
            data["startable"] = startable.map { ["runId": $0.runId, "title": $0.title, "course": $0.courseTitle] }
            data["hasStartable"] = !startable.isEmpty
            data["queue"] = queue.map {
                ["projectId": $0.projectId, "submissionId": $0.submissionId, "project": $0.projectTitle, "owner": $0.ownerName,
                 "run": $0.runTitle, "milestone": ProjectView.milestoneName($0, localizer), "round": $0.round,
                 "role": localizer.t("project_role_\($0.role.rawValue)"),
                 "waited": ProjectView.waited(since: $0.submittedAt, now: now, localizer),
                 "submitted": localizer.moment($0.submittedAt)] as [String: Any]
            }
            data["hasQueue"] = !queue.isEmpty
            let boards = try lists.coachedRuns(employeeId: employeeId)
            data["boards"] = boards.map { ["runId": $0.runId, "title": $0.title] }
            data["hasBoards"] = !boards.isEmpty
        }
        return context.page("projects", title: localizer.t("project_list_title"), data)
    }

    static func startForm(_ context: Context, error: String? = nil, form: FormData? = nil, status: Int = 200) throws -> Response {
        guard let runId = context.pathID(), let employeeId = context.user.employeeId,
              let run = try ProjectLists(database: context.services.database).startable(employeeId: employeeId)
                .first(where: { $0.runId == runId }) else { return context.notFound() }
        let localizer = context.localizer
        let form = form ?? FormData()
        let chosen = Set(form.all("values"))
        return context.page("project_new", title: localizer.t("project_new_title"), [
            "run": ["id": run.runId, "title": run.title, "course": run.courseTitle], "error": error as Any,
            "form": ["title": form["title"] ?? "", "problem": form["problem"] ?? "", "stakeholders": form["stakeholders"] ?? "",
                     "outcome": form["outcome"] ?? "", "measure": form["measure"] ?? ""],
            "values": CoreValue.allCases.map { value in
                ["value": value.rawValue, "label": localizer.locale == "id" ? value.name.indonesian : value.name.english,
                 "checked": chosen.contains(value.rawValue)] as [String: Any]
            },
        ], status: status)
    }

    static func project(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        guard let id = context.pathID(),
              let folder = try ProjectFolder.load(id, for: context.user, database: context.services.database) else {
            return context.notFound()
        }
        var data = ProjectView.data(folder, context)
        data["notice"] = notice(context) as Any
        data["error"] = error as Any
        return context.page("project", title: folder.project.title, data, status: status)
    }

    /// A file of a submission, for those who may see the project; 404 for everyone else.
    static func file(_ context: Context) throws -> Response {
        guard let id = context.pathID(), let fileId = context.pathID("file"),
              let file = try ProjectFolder.file(fileId, projectId: id, for: context.user, database: context.services.database),
              let response = ProjectUploads.store(context.services.database).download(file.storedName, displayName: file.displayName)
        else { return context.notFound() }
        return response
    }
}
