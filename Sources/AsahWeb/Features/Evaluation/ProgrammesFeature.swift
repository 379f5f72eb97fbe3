import AsahCore
import Foundation
import HTTPServer

/// Programmes (groups of courses, e.g. one year's plan) that coordinators keep in Asah and
/// filter the impact dashboard by: the list and a form that creates or, for a known code,
/// replaces one.
struct ProgrammesFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/evaluation/programmes", .signedIn(.evaluateProgrammes)) { try Self.page($0) },
            RouteSpec(.post, "/evaluation/programmes", .signedIn(.evaluateProgrammes), save),
        ]
    }

    static func page(_ context: Context, error: String? = nil, status: Int = 200, input: Programme? = nil) throws -> Response {
        let (programmes, courses) = try EvaluationPages(database: context.services.database).programmes()
        let chosen = Set(input?.courseCodes.map { $0.uppercased() } ?? [])
        return context.page("programmes", title: context.localizer.t("programmes_title"), [
            "error": error as Any,
            "programmes": programmes.map { programme in
                ["code": programme.code, "name": programme.name, "year": programme.year.map(String.init) ?? "–",
                 "courses": programme.courseCodes.joined(separator: ", ")] as [String: Any]
            },
            "hasProgrammes": !programmes.isEmpty,
            "courses": courses.map { course -> [String: Any] in
                ["code": course.code, "title": course.title, "checked": chosen.contains(course.code.uppercased())]
            },
            "code": input?.code ?? "", "name": input?.name ?? "", "year": input?.year.map(String.init) ?? "",
        ], status: status)
    }

    private func save(_ context: Context) throws -> Response {
        let form = try context.form()
        let yearText = form.trimmed("year") ?? ""
        let input = Programme(code: form["code"] ?? "", name: form["name"] ?? "", year: BoundedNumbers.integer(yearText, in: 1900...2200),
                              courseCodes: form.all("course"))
        if !yearText.isEmpty && input.year == nil {
            return try Self.page(context, error: context.localizer.t("programmes_year_invalid"), status: 422, input: input)
        }
        do {
            try EvaluationPages(database: context.services.database).save(input, actor: context.user)
        } catch let problem as EvaluationProblem {
            return try Self.page(context, error: context.message(problem), status: 422, input: input)
        }
        return .redirect(to: "/evaluation/programmes")
    }
}
