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
            RouteSpec(.get, "/evaluation/runs.csv", .signedIn(.evaluateProgrammes), runsCSV),
            RouteSpec(.get, "/evaluation/summary.csv", .signedIn(.evaluateProgrammes), summaryCSV),
        ]
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
        data["needsPeople"] = EvaluationFormat.size(needs.people, localizer)
        data["needsTop"] = needs.courses.filter { SmallCell.shows($0.count) }.prefix(5).map {
            ["label": $0.label, "count": localizer.number($0.count)] as [String: Any]
        }
        data["query"] = context.request.rawQuery.isEmpty ? "" : "?" + context.request.rawQuery
        data["printedOn"] = localizer.date(Clock.now())
        return context.page(template, title: localizer.t("impact_title"), data)
    }

    private func runsCSV(_ context: Context) throws -> Response {
        let runs = try EvaluationPages(database: context.services.database).runLines(try Self.filter(context).filter)
        return try EvaluationCSV.response(
            header: ["kode_angkatan", "angkatan", "selesai", "peserta", "lulus", "rerata_reaksi", "rerata_n_gain"],
            rows: runs.map { line in
                [line.code, line.title, line.endsOn.iso, EvaluationCSV.count(line.participants),
                 SmallCell.shows(line.participants) ? String(line.completed) : "",
                 line.reaction.map { String(format: "%.2f", $0) } ?? "", line.gain.map { String(format: "%.2f", $0) } ?? ""]
            }, filename: "dampak-angkatan.csv")
    }

    /// The figures above the run table (participation, L1-L4 and the L4 groups) as rows of
    /// measure and value; suppressed figures are left empty.
    private func summaryCSV(_ context: Context) throws -> Response {
        let (filter, version, _) = try Self.filter(context)
        let report = try context.services.figures.report(filter, today: IndonesianTime.date(of: Clock.now()), version: version)
        func number(_ value: Double?, _ digits: Int = 3) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "" }
        let estimate = report.results.estimate
        var rows: [[String]] = [
            ["peserta", EvaluationCSV.count(report.participants)],
            ["tingkat_kelulusan", number(report.completionRate)],
            ["l1_jawaban", String(report.reaction.responses)],
            ["l1_rerata", number(report.reaction.shown ? report.reaction.overall.mean : nil, 2)],
            ["l2_peserta_dengan_dua_tes", EvaluationCSV.count(report.learning.tested)],
            ["l2_rerata_n_gain", number(report.meanGain)],
            ["l3_jatuh_tempo", String(report.behaviour.due)],
            ["l3_tingkat_respons", number(report.behaviour.responseRate)],
            ["l3_diterapkan", number(report.behaviour.appliedRate)],
            ["l4_peserta", estimate.map { String($0.participants.size) } ?? "<\(SmallCell.minimum)"],
            ["l4_pembanding", estimate.map { String($0.comparison.size) } ?? "<\(SmallCell.minimum)"],
            ["l4_peserta_baik_sebelum", number(estimate?.participants.before)],
            ["l4_peserta_baik_sesudah", number(estimate?.participants.after)],
            ["l4_pembanding_baik_sebelum", number(estimate?.comparison.before)],
            ["l4_pembanding_baik_sesudah", number(estimate?.comparison.after)],
            ["l4_selisih_dari_selisih", number(estimate?.estimate)],
            ["l4_selang_bawah_95", number(estimate?.interval.lowerBound)],
            ["l4_selang_atas_95", number(estimate?.interval.upperBound)],
        ]
        rows.append(["catatan", context.localizer.t("impact_caveat")])
        return try EvaluationCSV.response(header: ["ukuran", "nilai"], rows: rows, filename: "dampak-ringkasan.csv")
    }
}
