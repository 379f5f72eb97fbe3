import AsahCore
import Foundation
import HTTPServer

/// The reaction survey (L1) of a run: the questionnaire for participants who attended, once,
/// after the last session; and the API to answer it.
struct SurveyFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs/:id/survey", .signedIn(.useAccount)) { try Self.page($0) },
            RouteSpec(.post, "/runs/:id/survey", .signedIn(.useAccount), submit),
            RouteSpec(.post, "/api/v1/runs/:id/survey", .signedIn(.useAccount), apiSubmit),
        ]
    }

    static func page(_ context: Context, error: String? = nil, status: Int = 200, answers: [String: Int] = [:],
                     comment: String = "") throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        guard let employeeId = context.user.employeeId,
              let (run, state) = try EvaluationPages(database: context.services.database).survey(runId: id, employeeId: employeeId)
        else { return context.notFound() }
        let localizer = context.localizer
        if case .notAttended = state { return context.notFound() }
        var data: [String: Any] = ["id": id, "runTitle": run.title, "error": error as Any, "comment": comment]
        switch state {
        case .answered: data["answered"] = true
        case .notYetOpen(let opensAt): data["notYet"] = localizer.t("survey_not_yet", ["date": localizer.moment(opensAt)])
        case .open, .notAttended: data["open"] = true
        }
        data["items"] = SurveyTemplate.standard.items.map { item in
            ["key": item.key, "text": localizer.t(item.messageKey),
             "choices": (1...5).map { (value: Int) -> [String: Any] in
                 ["value": value, "checked": answers[item.key] == value, "label": localizer.t("survey_scale_\(value)")]
             }] as [String: Any]
        }
        return context.page("survey", title: localizer.t("survey_title", ["run": run.title]), data, status: status)
    }

    private func submit(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let form = try context.form()
        var answers: [String: Int] = [:]
        for item in SurveyTemplate.standard.items {
            if let value = form.integer(item.key, in: 0...10) { answers[item.key] = value }
        }
        let comment = form["comment"] ?? ""
        switch try Surveys(database: context.services.database).submit(runId: id, actor: context.user, scores: answers,
                                                                        comment: comment) {
        case .success: return .redirect(to: "/runs/\(id)/survey")
        case .failure(.notAttended), .failure(.runNotFound): return context.notFound()
        case .failure(let problem):
            return try Self.page(context, error: context.message(problem), status: 422, answers: answers, comment: comment)
        }
    }

    private struct SurveyBody: Decodable {
        let scores: [String: Int]
        let comment: String?
    }

    private func apiSubmit(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let body = try context.json(SurveyBody.self)
        switch try Surveys(database: context.services.database).submit(runId: id, actor: context.user, scores: body.scores,
                                                                        comment: body.comment) {
        case .success: return .json(["status": "answered"], status: 201)
        case .failure(let problem): return context.refused(problem)
        }
    }
}
