import AsahCore
import Foundation
import HTTPServer

/// Training needs (``TrainingNeeds``): a supervisor's people with the reasons and recommended
/// courses, nominating from the list through the run page's nomination; and, for
/// coordinators, the demand per course and per unit with CSV exports (counts under five
/// are not shown).
struct NeedsFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/team/needs", .signedIn(.viewTeam), team),
            RouteSpec(.get, "/api/v1/team/needs", .signedIn(.viewTeam), apiTeam),
            RouteSpec(.get, "/evaluation/needs", .signedIn(.evaluateProgrammes), demand),
            RouteSpec(.get, "/api/v1/reports/training-needs", .signedIn(.evaluateProgrammes), apiDemand),
        ] + ExportFormat.routes("/evaluation/needs/courses", .signedIn(.evaluateProgrammes)) { try EvaluationExports.needs($0, byCourse: true) }
          + ExportFormat.routes("/evaluation/needs/units", .signedIn(.evaluateProgrammes)) { try EvaluationExports.needs($0, byCourse: false) }
    }

    static func year(_ context: Context) throws -> Int {
        try context.query().integer("year", in: 2000...2100) ?? IndonesianTime.date(of: Clock.now()).year
    }

    private static func teamNeeds(_ context: Context, year: Int) throws -> [TrainingNeeds.Need] {
        try EvaluationPages(database: context.services.database).teamNeeds(of: context.user, year: year, ip: context.ip)
    }

    static func reason(_ reason: TrainingNeeds.Reason, _ localizer: Localizer) -> String {
        switch reason {
        case .lowPredikat(let predikat): localizer.t("needs_reason_predikat", ["predikat": localizer.name(predikat)])
        case .perilakuBelow: localizer.t("needs_reason_perilaku")
        case .shortOfJP(let have, let target):
            localizer.t("needs_reason_jp", ["have": TestScores.format(have), "target": TestScores.format(target)])
        }
    }

    private func team(_ context: Context) throws -> Response {
        let year = try Self.year(context)
        let needs = try Self.teamNeeds(context, year: year)
        let localizer = context.localizer
        return context.page("needs_team", title: localizer.t("needs_team_title"), [
            "year": year,
            "rows": needs.map { need in
                ["nip": need.nip, "name": need.name, "unit": need.unitName ?? "–",
                 "reasons": need.reasons.map { Self.reason($0, localizer) },
                 "courses": need.recommendations.map { course in
                     ["code": course.code, "title": course.title, "runId": course.openRunId as Any, "nip": need.nip] as [String: Any]
                 },
                 "hasCourses": !need.recommendations.isEmpty] as [String: Any]
            },
            "hasRows": !needs.isEmpty,
            "count": localizer.number(needs.count),
        ])
    }

    private struct NeedJSON: Encodable {
        let nip: String
        let name: String
        let unit: String?
        let reasons: [String]
        let recommended: [Course]

        struct Course: Encodable {
            let code: String
            let title: String
            let open_run_id: Int64?
        }
    }

    private func apiTeam(_ context: Context) throws -> Response {
        let needs = try Self.teamNeeds(context, year: try Self.year(context))
        return .json(needs.map { need in
            NeedJSON(nip: need.nip, name: need.name, unit: need.unitName, reasons: need.reasons.map { Self.code($0) },
                     recommended: need.recommendations.map { .init(code: $0.code, title: $0.title, open_run_id: $0.openRunId) })
        })
    }

    private static func code(_ reason: TrainingNeeds.Reason) -> String {
        switch reason {
        case .lowPredikat: "low_predikat"
        case .perilakuBelow: "perilaku_below"
        case .shortOfJP: "short_of_jp"
        }
    }

    /// The province's demand in `year`, shared with the impact dashboard's needs box.
    static func demand(_ context: Context, year: Int) throws -> TrainingDemand {
        let version = try context.services.figures.version()
        return try context.services.figures.demand(year: year, version: version)
    }

    private func demand(_ context: Context) throws -> Response {
        let year = try Self.year(context)
        let localizer = context.localizer
        let demand = try Self.demand(context, year: year)
        let (courses, units) = (demand.courses, demand.units)
        func rows(_ lines: [TrainingDemand.Line]) -> [[String: Any]] {
            lines.map { ["label": $0.label, "count": EvaluationFormat.size($0.count, hidden: $0.hidden, localizer)] }
        }
        let shown = courses.filter { !$0.hidden }
        let largest = Double(max(1, shown.first?.count ?? 1))
        return context.page("needs_demand", title: localizer.t("needs_demand_title"), [
            "year": year, "courses": rows(courses), "units": rows(units),
            "exportCourses": ExportFormat.links("/evaluation/needs/courses", query: "year=\(year)"),
            "exportUnits": ExportFormat.links("/evaluation/needs/units", query: "year=\(year)"),
            "chart": SVGChart.bars(localizer.t("needs_chart"), shown.prefix(10).map {
                SVGChart.Bar(label: $0.label, fraction: Double($0.count) / largest, text: localizer.number($0.count))
            }, id: "needs-chart"),
        ])
    }

    private struct DemandJSON: Encodable {
        let year: Int
        let courses: [Line]
        let units: [Line]

        struct Line: Encodable {
            let name: String
            /// `nil` when withheld (small-cell suppression with its complementary cells).
            let employees: Int?
        }
    }

    private func apiDemand(_ context: Context) throws -> Response {
        let year = try Self.year(context)
        let demand = try Self.demand(context, year: year)
        let line = { (entry: TrainingDemand.Line) in DemandJSON.Line(name: entry.label, employees: entry.hidden ? nil : entry.count) }
        return .json(DemandJSON(year: year, courses: demand.courses.map(line), units: demand.units.map(line)))
    }
}
