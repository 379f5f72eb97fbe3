import AsahCore
import Foundation
import HTTPServer

/// The coordinator's programme-impact dashboard and the printable report for the head of the
/// agency: filters (year, programme, course, run, unit), participation and Kirkpatrick L1-L4
/// with server-drawn SVG charts, JP compliance per unit and a link to training needs; every
/// table has a CSV export. Figures about fewer than five people are never shown.
struct ImpactDashboard: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/evaluation", .signedIn(.evaluateProgrammes)) { try Self.show($0, template: "impact") },
            RouteSpec(.get, "/evaluation/report", .signedIn(.evaluateProgrammes)) { try Self.show($0, template: "impact_report") },
        ] + ExportFormat.routes("/evaluation/runs", .signedIn(.evaluateProgrammes), EvaluationExports.runs)
          + ExportFormat.routes("/evaluation/summary", .signedIn(.evaluateProgrammes), EvaluationExports.summary)
    }

    /// The filter from the query: `year` (default the latest year with a finished run, else this
    /// year; `all` for every year), `programme`,
    /// `course` (id or code), `run`, `unit`.
    /// The filter with the data version it was read at, and the dashboard's choices when `units` are given.
    static func filter(_ context: Context, choicesWith units: [UnitTreeEntry]? = nil) throws
        -> (filter: ImpactFilter, version: Int64, choices: ImpactChoices?) {
        let query = try context.query()
        let course = try query.trimmed("course")
        let (facts, version, choices) = try EvaluationPages(database: context.services.database)
            .filterFacts(courseCode: course.flatMap { BoundedNumbers.id($0) == nil ? $0 : nil }, choicesWith: units)
        var filter = ImpactFilter()
        let year = try query.text("year") ?? ""
        filter.year = year == "all" ? nil
            : try query.integer("year", in: 2000...2100) ?? facts.latestYear ?? IndonesianTime.date(of: Clock.now()).year
        filter.programmeId = try query.id("programme")
        if let course {
            filter.courseId = BoundedNumbers.id(course) ?? facts.courseId ?? -1
        }
        filter.runId = try query.id("run")
        filter.unitId = try query.id("unit")
        return (filter, version, choices)
    }

    private static func show(_ context: Context, template: String) throws -> Response {
        let localizer = context.localizer
        let today = IndonesianTime.date(of: Clock.now())
        let units = try UnitOptions.tree(context.services)
        let (filter, version, loaded) = try Self.filter(context, choicesWith: units)
        guard let choices = loaded else { return context.notFound() }
        let (report, needs, compliance) = try context.services.figures.dashboard(filter, year: filter.year ?? today.year,
                                                                                 today: today, version: version)
        var data = ImpactView.values(report, localizer)
        data.merge(choices.values(filter, localizer)) { first, _ in first }
        data.merge(ImpactComplianceView.values(compliance, year: filter.year ?? today.year, localizer)) { first, _ in first }
        data.merge(PublicVoiceView.values(report.publicVoice, localizer)) { first, _ in first }
        data["needsPeople"] = EvaluationFormat.size(needs.people, localizer)
        data["needsTop"] = needs.courses.filter { !$0.hidden }.prefix(5).map {
            ["label": $0.label, "count": localizer.number($0.count)] as [String: Any]
        }
        data["query"] = context.request.rawQuery.isEmpty ? "" : "?" + context.request.rawQuery
        data["exportSummary"] = ExportFormat.links("/evaluation/summary", query: context.request.rawQuery)
        data["exportRuns"] = ExportFormat.links("/evaluation/runs", query: context.request.rawQuery)
        data["exportCompliance"] = ExportFormat.links("/hours/compliance", query: "year=\(filter.year ?? today.year)")
        data["printedOn"] = localizer.date(Clock.now())
        return context.page(template, title: localizer.t("impact_title"), data)
    }
}
