import AsahCore
import Foundation
import GRDB

/// The options of the dashboard's filters: years with finished runs, programmes, courses with
/// finished runs, the finished runs, and the unit tree (``UnitOptions``).
struct ImpactChoices {
    let years: [Int]
    let programmes: [Programme]
    let courses: [(id: Int64, code: String, title: String)]
    let runs: [(id: Int64, code: String, title: String)]
    let units: [UnitTreeEntry]

    static func load(_ filter: ImpactFilter, units: [UnitTreeEntry], in db: Database) throws -> ImpactChoices {
        let thisYear = IndonesianTime.date(of: Clock.now()).year
        let years = Set(try String.fetchAll(db, sql: "SELECT DISTINCT substr(ends_on, 1, 4) FROM runs WHERE status = 'finished'")
            .compactMap { Int($0) } + [thisYear]).sorted(by: >)
        let courses = try Row.fetchAll(db, sql: """
            SELECT DISTINCT k.id, k.code, k.title_id FROM courses k JOIN runs r ON r.course_id = k.id
            WHERE r.status = 'finished' ORDER BY k.code
            """).map { (id: $0["id"] as Int64, code: $0["code"] as String, title: $0["title_id"] as String) }
        let runs = try Row.fetchAll(db, sql: """
            SELECT r.id, r.code, r.title FROM runs r WHERE r.status = 'finished' ORDER BY r.ends_on DESC LIMIT 200
            """).map { (id: $0["id"] as Int64, code: $0["code"] as String, title: $0["title"] as String) }
        return ImpactChoices(years: years, programmes: try Programmes.all(in: db), courses: courses, runs: runs, units: units)
    }

    func values(_ filter: ImpactFilter, _ localizer: Localizer) -> [String: Any] {
        var described: [String] = [filter.year.map(String.init) ?? localizer.t("impact_all_years")]
        if let programme = programmes.first(where: { $0.id == filter.programmeId }) { described.append(programme.name) }
        if let course = courses.first(where: { $0.id == filter.courseId }) { described.append("\(course.code) \(course.title)") }
        if let run = runs.first(where: { $0.id == filter.runId }) { described.append(run.title) }
        if let unit = units.first(where: { $0.id == filter.unitId }) { described.append(unit.name) }
        return [
            "allYears": filter.year == nil,
            "years": years.map { ["value": $0, "selected": $0 == filter.year] as [String: Any] },
            "programmes": programmes.map { ["id": $0.id ?? 0, "name": $0.name, "selected": $0.id == filter.programmeId] as [String: Any] },
            "courses": courses.map { ["id": $0.id, "label": "\($0.code) \($0.title)", "selected": $0.id == filter.courseId] as [String: Any] },
            "runs": runs.map { ["id": $0.id, "label": "\($0.code) \($0.title)", "selected": $0.id == filter.runId] as [String: Any] },
            "unitOptions": UnitOptions.html(units, selected: filter.unitId),
            "scope": described.joined(separator: " · "),
        ]
    }
}
