import AsahCore
import Foundation
import HTTPServer

/// The online pre-test and post-test of a run whose course has a question bank: start an
/// attempt, answer the shuffled paper before the deadline, see the result; and the same
/// through the API.
struct OnlineTestFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs/:id/test/:phase", .signedIn(.useAccount)) { try Self.page($0) },
            RouteSpec(.post, "/runs/:id/test/:phase/start", .signedIn(.useAccount), start),
            RouteSpec(.post, "/runs/:id/test/:phase", .signedIn(.useAccount), submit),
            RouteSpec(.post, "/api/v1/runs/:id/tests/:phase/attempt", .signedIn(.useAccount), apiStart),
            RouteSpec(.post, "/api/v1/runs/:id/tests/:phase/answers", .signedIn(.useAccount), apiSubmit),
        ]
    }

    private static func target(_ context: Context) -> (runId: Int64, phase: OnlineTests.Phase)? {
        guard let id = context.pathID(), let phase = OnlineTests.Phase(rawValue: context.request.parameters["phase"] ?? "")
        else { return nil }
        return (id, phase)
    }

    static func page(_ context: Context, error: String? = nil, status: Int = 200) throws -> Response {
        guard let (runId, phase) = target(context), let employeeId = context.user.employeeId else { return context.notFound() }
        let now = Clock.now()
        guard let (run, bank, attempt, open) = try EvaluationPages(database: context.services.database)
            .test(runId: runId, employeeId: employeeId, phase: phase, now: now) else { return context.notFound() }
        let localizer = context.localizer
        var data: [String: Any] = [
            "id": runId, "phase": phase.rawValue, "runTitle": run.title, "error": error as Any,
            "phaseName": localizer.t("online_test_\(phase.rawValue)"),
            "intro": localizer.t("online_test_intro", ["count": String(bank.questions.count), "minutes": String(bank.minutes)]),
        ]
        if let attempt, attempt.submittedAt != nil {
            data["result"] = attempt.correct.map {
                localizer.t("online_test_result", ["correct": String($0), "total": String(bank.questions.count)])
            } ?? localizer.t("online_test_late")
        } else if let attempt, now <= attempt.deadlineAt + OnlineTests.graceSeconds {
            data["deadline"] = localizer.moment(attempt.deadlineAt)
            data["questions"] = OnlineTests.paper(bank, seed: attempt.seed).map { question in
                ["number": question.number, "bank": question.bankIndex, "text": question.text,
                 "options": question.options.map { ["index": $0.index, "text": $0.text] as [String: Any] }] as [String: Any]
            }
        } else if attempt != nil {
            data["expired"] = true
        } else {
            data["canStart"] = open
            data["closed"] = !open
        }
        return context.page("online_test", title: localizer.t("online_test_title", ["phase": localizer.t("online_test_\(phase.rawValue)"),
                                                                                     "run": run.title]), data, status: status)
    }

    private func start(_ context: Context) throws -> Response {
        guard let (runId, phase) = Self.target(context) else { return context.notFound() }
        switch try OnlineTests(database: context.services.database).start(runId: runId, phase: phase, actor: context.user) {
        case .success, .failure(.alreadyAnswered): return .redirect(to: "/runs/\(runId)/test/\(phase.rawValue)")
        case .failure(.notAttended): return context.notFound()
        case .failure(let problem): return try Self.page(context, error: context.message(problem), status: 409)
        }
    }

    private func submit(_ context: Context) throws -> Response {
        guard let (runId, phase) = Self.target(context) else { return context.notFound() }
        let form = try context.form()
        var answers: [Int: Int] = [:]
        for index in 0..<200 {
            if let value = form.integer("q\(index)", in: 0...1_000) { answers[index] = value }
        }
        switch try OnlineTests(database: context.services.database).submit(runId: runId, phase: phase, actor: context.user,
                                                                            answers: answers) {
        case .success: return .redirect(to: "/runs/\(runId)/test/\(phase.rawValue)")
        case .failure(.notAttended): return context.notFound()
        case .failure(let problem): return try Self.page(context, error: context.message(problem), status: 409)
        }
    }

    private struct AttemptJSON: Encodable {
        let deadline_at: Int64
        let questions: [Question]

        struct Question: Encodable {
            let id: Int
            let text: String
            let options: [Option]
        }

        struct Option: Encodable {
            let id: Int
            let text: String
        }
    }

    private func apiStart(_ context: Context) throws -> Response {
        guard let (runId, phase) = Self.target(context) else { return context.notFound() }
        switch try OnlineTests(database: context.services.database).start(runId: runId, phase: phase, actor: context.user) {
        case .success(let attempt):
            guard let bank = try EvaluationPages(database: context.services.database).testBank(runId: runId) else {
                return context.notFound()
            }
            return .json(AttemptJSON(deadline_at: attempt.deadlineAt, questions: OnlineTests.paper(bank, seed: attempt.seed).map {
                .init(id: $0.bankIndex, text: $0.text, options: $0.options.map { .init(id: $0.index, text: $0.text) })
            }), status: 201)
        case .failure(let problem): return context.refused(problem)
        }
    }

    private struct AnswersBody: Decodable {
        /// Question id → option id, as the attempt listed them.
        let answers: [String: Int]
    }

    private func apiSubmit(_ context: Context) throws -> Response {
        guard let (runId, phase) = Self.target(context) else { return context.notFound() }
        let body = try context.json(AnswersBody.self)
        let answers = Dictionary(body.answers.compactMap { key, value in BoundedNumbers.integer(key, in: 0...1_000).map { ($0, value) } }, uniquingKeysWith: { a, _ in a })
        switch try OnlineTests(database: context.services.database).submit(runId: runId, phase: phase, actor: context.user,
                                                                            answers: answers) {
        case .success(let correct): return .json(["correct": correct])
        case .failure(let problem): return context.refused(problem)
        }
    }
}
