import AsahCore
import Foundation
import HTTPServer

/// A run's evaluation for its instructors and coordinators: the reaction survey as aggregates
/// only (nothing below five answers), and the pre/post tests entered per participant or
/// imported from CSV, with each normalised gain and the run's distribution.
struct RunEvaluationFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs/:id/evaluation", .signedIn(.takeAttendance)) { try Self.page($0) },
            RouteSpec(.post, "/runs/:id/tests", .signedIn(.takeAttendance), enter),
            RouteSpec(.get, "/api/v1/runs/:id/survey", .signedIn(.takeAttendance), apiSurvey),
            RouteSpec(.get, "/api/v1/runs/:id/test-scores", .signedIn(.takeAttendance), apiScores),
            RouteSpec(.put, "/api/v1/runs/:id/test-scores", .signedIn(.takeAttendance), apiEnter),
        ] + ExportFormat.routes("/runs/:id/tests/template", .signedIn(.takeAttendance), Self.scoreTemplate)
    }

    /// The score file to fill in: every participant's NIP and name with the scores recorded so
    /// far, in the columns the upload reads (the Excel CSV's headers `Pre-test`/`Post-test` too).
    static func scoreTemplate(_ context: Context) throws -> ExportTable {
        guard let run = try run(context), let id = run.id else { throw HTTPFailure(response: context.notFound()) }
        let (_, results, _) = try EvaluationPages(database: context.services.database).runEvaluation(id)
        return ExportTable(
            filename: "nilai-tes-" + run.code.filter { $0.isLetter || $0.isNumber || $0 == "-" }, sheet: "export_sheet_test_scores",
            columns: [.init("nip", "col_nip"), .init("nama", "col_name"), .init("pre", "col_test_pre"), .init("post", "col_test_post")],
            rows: results.map { result in
                [.identifier(result.nip), .text(result.name), .optional(result.pre?.score, ExportCell.number),
                 .optional(result.post?.score, ExportCell.number)]
            })
    }

    /// The run when the caller may evaluate it (a coordinator or one of its instructors).
    private static func run(_ context: Context) throws -> Run? {
        guard let id = context.pathID() else { return nil }
        return try EvaluationPages(database: context.services.database).evaluableRun(id, viewer: context.user)
    }

    /// The run's evaluation page; `typed` (NIP → the pre and post cells as typed) fills the
    /// score table after a refusal, so nothing typed is lost.
    static func page(_ context: Context, error: String? = nil, notice: String? = nil, status: Int = 200,
                     typed: [String: (pre: String, post: String)] = [:]) throws -> Response {
        guard let run = try run(context), let id = run.id else { return context.notFound() }
        let localizer = context.localizer
        let (survey, results, gains) = try EvaluationPages(database: context.services.database).runEvaluation(id)
        var data: [String: Any] = ["id": id, "runTitle": run.title, "error": error as Any, "notice": notice as Any,
                                   "responses": localizer.number(survey.responses), "surveyShown": survey.shown,
                                   "minimum": SmallCell.minimum]
        if survey.shown {
            data["surveyItems"] = SurveyTemplate.standard.items.map { item in
                let summary = survey.items[item.key] ?? LikertSummary()
                return ["text": localizer.t(item.messageKey),
                        "mean": EvaluationFormat.mean(summary.mean, localizer)] as [String: Any]
            }
            data["surveyChart"] = EvaluationCharts.likert(survey.overall, title: localizer.t("survey_distribution"), id: "survey-chart",
                                                          localizer)
            data["comments"] = survey.comments
            data["hasComments"] = !survey.comments.isEmpty
        }
        data["participants"] = results.map { result -> [String: Any] in
            let bothTests = result.pre != nil && result.post != nil
            let gain: String = result.gain.map { EvaluationFormat.gain($0, localizer) } ?? (bothTests ? localizer.t("tests_ceiling") : "–")
            let pre: String = typed[result.nip]?.pre ?? result.pre.map { TestScores.format($0.score) } ?? ""
            let post: String = typed[result.nip]?.post ?? result.post.map { TestScores.format($0.score) } ?? ""
            return ["nip": result.nip, "name": result.name, "pre": pre, "post": post, "gain": gain]
        }
        data["hasParticipants"] = !results.isEmpty
        data["scoreTemplate"] = ExportFormat.links("/runs/\(id)/tests/template")
        data["maximum"] = results.compactMap { $0.post?.maximum ?? $0.pre?.maximum }.first.map(TestScores.format) ?? "100"
        data["gainShown"] = SmallCell.shows(gains.gains.count)
        if SmallCell.shows(gains.gains.count) {
            data["meanGain"] = EvaluationFormat.gain(gains.mean ?? 0, localizer)
            data["gainChart"] = EvaluationCharts.gains(gains, title: localizer.t("tests_distribution"), id: "gain-chart", localizer)
        }
        return context.page("run_evaluation", title: localizer.t("run_evaluation_title", ["run": run.title]), data, status: status)
    }

    private func enter(_ context: Context) throws -> Response {
        guard let run = try Self.run(context), let id = run.id else { return context.notFound() }
        let form = try context.form()
        let localizer = context.localizer
        guard let maximum = Double((form["max"] ?? "100").replacingOccurrences(of: ",", with: ".")) else {
            return try Self.page(context, error: localizer.t("tests_max_invalid"), status: 422)
        }
        let entries: [TestScores.Entry]
        var imported = false
        var typed: [String: (pre: String, post: String)] = [:]
        if let file = context.request.files.first(where: { $0.field == "file" }), file.size > 0 {
            guard let text = try? String(contentsOfFile: file.temporaryPath, encoding: .utf8) else {
                return try Self.page(context, error: localizer.t("import_not_utf8"), status: 422)
            }
            switch TestScoreCSV.read(text) {
            case .success(let read): entries = read
            case .failure(let problem): return try Self.page(context, error: context.message(problem), status: 422)
            }
            imported = true
        } else {
            func score(_ name: String) -> Double?? {
                let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
                return text.isEmpty ? .some(nil) : Double(text).map { .some($0) } ?? nil
            }
            var read: [TestScores.Entry] = [], wrong: [String] = []
            for nip in form.all("nip") {
                typed[nip] = (form["pre_\(nip)"] ?? "", form["post_\(nip)"] ?? "")
                guard let pre = score("pre_\(nip)"), let post = score("post_\(nip)") else {
                    wrong.append(localizer.t("tests_not_number", ["nip": nip]))
                    continue
                }
                if pre != nil || post != nil { read.append(.init(nip: nip, pre: pre, post: post)) }
            }
            guard wrong.isEmpty else {
                return try Self.page(context, error: wrong.joined(separator: " "), status: 422, typed: typed)
            }
            entries = read
        }
        switch try TestScores(database: context.services.database).record(runId: id, entries: entries, maximum: maximum,
                                                                           actor: context.user, imported: imported) {
        case .success(let count):
            return try Self.page(context, notice: localizer.t("tests_saved", ["count": localizer.number(count)]))
        case .failure(let problem):
            return try Self.page(context, error: context.message(problem), status: 422, typed: typed)
        }
    }

    private struct SurveyJSON: Encodable {
        let responses: Int
        let suppressed: Bool
        let items: [String: Item]?
        let comments: [String]?

        struct Item: Encodable {
            let mean: Double?
            let counts: [Int]
        }
    }

    private func apiSurvey(_ context: Context) throws -> Response {
        guard let run = try Self.run(context), let id = run.id else { return context.notFound() }
        let survey = try EvaluationPages(database: context.services.database).runEvaluation(id).survey
        return .json(SurveyJSON(responses: survey.responses, suppressed: !survey.shown,
                                items: survey.shown ? survey.items.mapValues { .init(mean: $0.mean, counts: $0.counts) } : nil,
                                comments: survey.shown ? survey.comments : nil))
    }

    private struct ScoreJSON: Codable {
        let nip: String
        let pre: Double?
        let post: Double?
        let gain: Double?
    }

    private struct ScoresJSON: Encodable {
        let maximum: Double?
        let participants: [ScoreJSON]
        let mean_gain: Double?
    }

    private func apiScores(_ context: Context) throws -> Response {
        guard let run = try Self.run(context), let id = run.id else { return context.notFound() }
        let (_, results, gains) = try EvaluationPages(database: context.services.database).runEvaluation(id)
        return .json(ScoresJSON(maximum: results.compactMap { $0.post?.maximum ?? $0.pre?.maximum }.first,
                                participants: results.map { .init(nip: $0.nip, pre: $0.pre?.score, post: $0.post?.score, gain: $0.gain) },
                                mean_gain: SmallCell.guarded(gains.gains.count, gains.mean).flatMap { $0 }))
    }

    private struct EnterBody: Decodable {
        let maximum: Double
        let scores: [Line]

        struct Line: Decodable {
            let nip: String
            let pre: Double?
            let post: Double?
        }
    }

    private func apiEnter(_ context: Context) throws -> Response {
        guard let run = try Self.run(context), let id = run.id else { return context.notFound() }
        let body = try context.json(EnterBody.self)
        switch try TestScores(database: context.services.database).record(
            runId: id, entries: body.scores.map { .init(nip: $0.nip, pre: $0.pre, post: $0.post) }, maximum: body.maximum,
            actor: context.user) {
        case .success(let count): return .json(["written": count])
        case .failure(let problem): return context.refused(problem)
        }
    }
}
