import AsahCore
import Foundation
import HTTPServer

/// Evaluation tasks of the signed-in person (surveys to answer, behaviour checks of
/// themselves or of their people), the behaviour-check form (L3), and the coordinators'
/// list of overdue checks.
struct BehaviourFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/evaluation/checks", .signedIn(.useAccount), tasks),
            RouteSpec(.get, "/evaluation/checks/:id", .signedIn(.useAccount)) { try Self.form($0) },
            RouteSpec(.post, "/evaluation/checks/:id", .signedIn(.useAccount), answer),
            RouteSpec(.get, "/evaluation/overdue", .signedIn(.evaluateProgrammes), overdue),
            RouteSpec(.get, "/api/v1/behaviour-checks", .signedIn(.useAccount), apiTasks),
            RouteSpec(.post, "/api/v1/behaviour-checks/:id", .signedIn(.useAccount), apiAnswer),
        ]
    }

    private func tasks(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let now = Clock.now()
        let (checks, surveys) = try context.user.employeeId.map {
            try EvaluationPages(database: context.services.database).tasks(of: $0, now: now)
        } ?? ([], [])
        return context.page("evaluation_tasks", title: localizer.t("checks_title"), [
            "checks": checks.map { Self.values($0, localizer) },
            "hasChecks": !checks.isEmpty,
            "surveys": surveys.map { ["id": $0.runId, "title": $0.title] as [String: Any] },
            "hasSurveys": !surveys.isEmpty,
            "notice": (try context.query().text("notice") == "answered" ? localizer.t("checks_thanks") : nil) as Any,
        ])
    }

    private static func values(_ task: BehaviourChecks.Task, _ localizer: Localizer) -> [String: Any] {
        ["id": task.id, "name": task.name, "nip": task.nip, "run": task.runTitle, "runId": task.runId,
         "self": task.respondent == .self, "respondent": task.respondentName,
         "due": localizer.date(year: task.dueOn.year, month: task.dueOn.month, day: task.dueOn.day)]
    }

    /// The check when the caller is its respondent.
    private static func task(_ context: Context) throws -> BehaviourChecks.Task? {
        guard let id = context.pathID("id"), let own = context.user.employeeId else { return nil }
        return try EvaluationPages(database: context.services.database).check(id, respondent: own)
    }

    /// The check's form; after a refused answer, with the scores and examples as they were sent
    /// (`examples` keeps what was typed for competencies left without a score too).
    static func form(_ context: Context, error: String? = nil, status: Int = 200,
                     answers: [String: BehaviourChecks.Answer] = [:], examples: [String: String] = [:]) throws -> Response {
        guard let task = try task(context) else { return context.notFound() }
        let localizer = context.localizer
        var data = values(task, localizer)
        data["error"] = error as Any
        data["answered"] = task.answeredAt != nil
        data["open"] = task.answeredAt == nil && task.dueOn <= IndonesianTime.date(of: Clock.now())
        data["competencies"] = task.competencies.enumerated().map { index, competency in
            let key = competency.name.indonesian
            return ["index": index, "key": key, "name": competency.name.text(locale: localizer.locale),
                    "example": answers[key]?.example ?? examples[key] ?? "",
                    "choices": (1...5).map { (value: Int) -> [String: Any] in
                        ["value": value, "checked": answers[key]?.score == value, "label": localizer.t("checks_scale_\(value)")]
                    }] as [String: Any]
        }
        return context.page("behaviour_check", title: localizer.t("checks_form_title", ["name": task.name]), data, status: status)
    }

    private func answer(_ context: Context) throws -> Response {
        guard let task = try Self.task(context) else { return context.notFound() }
        let form = try context.form()
        var answers: [String: BehaviourChecks.Answer] = [:], examples: [String: String] = [:]
        for (index, competency) in task.competencies.enumerated() {
            examples[competency.name.indonesian] = form["example_\(index)"]
            guard let score = form.integer("score_\(index)", in: 0...10) else { continue }
            answers[competency.name.indonesian] = .init(score: score, example: form["example_\(index)"])
        }
        switch try BehaviourChecks(database: context.services.database).answer(task.id, actor: context.user, answers: answers) {
        case .success: return .redirect(to: "/evaluation/checks?notice=answered")
        case .failure(let problem):
            return try Self.form(context, error: context.message(problem), status: 422, answers: answers, examples: examples)
        }
    }

    /// Overdue checks shown per page, longest overdue first.
    static let overduePageSize = 100

    private func overdue(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let pages = EvaluationPages(database: context.services.database)
        let page = try context.query().page()
        let requested = Pager.offset(page: page, pageSize: Self.overduePageSize)
        var overdue = try pages.overdueChecks(limit: Self.overduePageSize, offset: requested)
        let pager = Pager(page: page, total: overdue.total, pageSize: Self.overduePageSize)
        if pager.offset != requested {  // a page past the end shows the last one
            overdue = try pages.overdueChecks(limit: Self.overduePageSize, offset: pager.offset)
        }
        return context.page("evaluation_overdue", title: localizer.t("checks_overdue_title"), pager.values(localizer) {
            "/evaluation/overdue?page=\($0)"
        }.merging([
            "rows": overdue.checks.map { task -> [String: Any] in
                var values = Self.values(task, localizer)
                values["who"] = localizer.t(task.respondent == .self ? "checks_respondent_self" : "checks_respondent_supervisor")
                return values
            },
            "hasRows": !overdue.checks.isEmpty,
            "paged": pager.pages > 1,
            "total": localizer.t("checks_overdue_total", ["count": localizer.number(overdue.total)]),
            "days": String(BehaviourChecks.overdueDays),
        ]) { $1 })
    }

    private struct TaskJSON: Encodable {
        let id: Int64
        let respondent: String
        let nip: String
        let name: String
        let run_id: Int64
        let run_title: String
        let due_on: String
        let competencies: [String]
    }

    private func apiTasks(_ context: Context) throws -> Response {
        let checks = try context.user.employeeId.map { try EvaluationPages(database: context.services.database).tasks(of: $0).checks } ?? []
        return .json(checks.map {
            TaskJSON(id: $0.id, respondent: $0.respondent.rawValue, nip: $0.nip, name: $0.name, run_id: $0.runId,
                     run_title: $0.runTitle, due_on: $0.dueOn.iso, competencies: $0.competencies.map(\.name.indonesian))
        })
    }

    private struct AnswerBody: Decodable {
        let answers: [Line]

        struct Line: Decodable {
            let competency: String
            let score: Int
            let example: String?
        }
    }

    private func apiAnswer(_ context: Context) throws -> Response {
        guard let id = context.pathID("id") else { return context.notFound() }
        let body = try context.json(AnswerBody.self)
        let answers = Dictionary(body.answers.map { ($0.competency, BehaviourChecks.Answer(score: $0.score, example: $0.example)) },
                                 uniquingKeysWith: { first, _ in first })
        switch try BehaviourChecks(database: context.services.database).answer(id, actor: context.user, answers: answers) {
        case .success: return .json(["status": "answered"])
        case .failure(let problem): return context.refused(problem)
        }
    }
}
