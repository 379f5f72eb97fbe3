import AsahCore
import Foundation
import HTTPServer

/// Coordinators edit a course's file, or add one, in the browser: the file's whole text in a
/// text area, checked by the sync's own parser and catalogue checks, written back into the
/// catalogue folder and synced (``CourseFileEdit``). The right is `manageRuns`: the catalogue
/// is the programme coordinators run, not organisation data, and administrators do not write it.
/// Without a catalogue folder (`AsahApp(coursesRoot: nil)`) the pages say editing is off (409).
struct CourseEditFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/courses/new", .signedIn(.manageRuns)) { try newPage($0, text: nil) },
            RouteSpec(.post, "/courses/new", .signedIn(.manageRuns), create),
            RouteSpec(.get, "/courses/format", .signedIn(.manageRuns), format),
            RouteSpec(.get, "/courses/:code/edit", .signedIn(.manageRuns)) { try editPage($0, text: nil) },
            RouteSpec(.post, "/courses/:code/edit", .signedIn(.manageRuns), save),
        ]
    }

    /// The editor over the catalogue folder, or the 409 page saying editing is off.
    private func editor(_ context: Context) throws -> CourseFileEdit {
        guard let root = context.services.coursesRoot else {
            throw HTTPFailure(response: context.error(409, "course_edit_disabled"))
        }
        return CourseFileEdit(folder: root, database: context.services.database)
    }

    private var code: (Context) -> String { { ($0.request.parameters["code"] ?? "").uppercased() } }

    private func editPage(_ context: Context, text: String?, refusal: CourseFileEdit.Refusal? = nil) throws -> Response {
        let editor = try editor(context)
        guard let current = try editor.text(code: code(context)) else { return context.notFound() }
        let title = context.localizer.t("course_edit_title", ["code": code(context)])
        return form(context, title: title, action: "/courses/\(code(context))/edit", back: "/courses/\(code(context))",
                    fileName: current.fileName, text: text ?? current.text, refusal: refusal)
    }

    private func newPage(_ context: Context, text: String?, refusal: CourseFileEdit.Refusal? = nil) throws -> Response {
        _ = try editor(context)
        return form(context, title: context.localizer.t("course_new_title"), action: "/courses/new", back: "/courses",
                    fileName: nil, text: text ?? CourseFileEdit.template, refusal: refusal)
    }

    private func form(_ context: Context, title: String, action: String, back: String, fileName: String?, text: String,
                      refusal: CourseFileEdit.Refusal?) -> Response {
        let localizer = context.localizer
        return context.page("course_edit", title: title, [
            "heading": title, "action": action, "back": back, "text": text,
            "fileName": fileName.map { localizer.t("course_edit_file", ["file": $0]) } ?? false,
            "problems": refusal.map { problems($0, localizer) } ?? [],
            "refused": refusal != nil,
        ], status: refusal == nil ? 200 : 422)
    }

    /// The lines a refusal shows: every `file:line: reason`, or the one sentence.
    private func problems(_ refusal: CourseFileEdit.Refusal, _ localizer: Localizer) -> [String] {
        switch refusal {
        case .invalid(let errors): errors.map { CourseFileErrorText.text($0, localizer) }
        case .codeChanged(let from, let to): [localizer.t("course_edit_code_changed", ["from": from, "to": to])]
        case .codeTaken(let code): [localizer.t("course_edit_code_taken", ["code": code])]
        case .fileExists(let file): [localizer.t("course_edit_file_exists", ["file": file])]
        case .unwritable: [localizer.t("course_edit_unwritable")]
        case .tooLarge: [localizer.t("course_edit_too_large", ["kilobytes": String(CourseFileEdit.maximumBytes / 1024)])]
        }
    }

    private func save(_ context: Context) throws -> Response {
        let editor = try editor(context)
        guard try editor.text(code: code(context)) != nil else { return context.notFound() }
        let text = try context.form()["text"] ?? ""
        switch try editor.save(code: code(context), text: text, actor: context.user.userId, ip: context.ip) {
        case .success(let saved): return Notice.redirect("/courses/\(saved.code)", notice: "course_saved")
        case .failure(let refusal): return try editPage(context, text: text, refusal: refusal)
        }
    }

    private func create(_ context: Context) throws -> Response {
        let editor = try editor(context)
        let text = try context.form()["text"] ?? ""
        switch try editor.create(text: text, actor: context.user.userId, ip: context.ip) {
        case .success(let saved): return Notice.redirect("/courses/\(saved.code)", notice: "course_created")
        case .failure(let refusal): return try newPage(context, text: text, refusal: refusal)
        }
    }

    private func format(_ context: Context) throws -> Response {
        guard let html = try editor(context).formatHelpHTML() else { return context.notFound() }
        return context.page("course_format", title: context.localizer.t("course_format_title"), ["bodyHTML": html])
    }
}
