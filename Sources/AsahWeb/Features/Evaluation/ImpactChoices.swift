import AsahCore
import Foundation

extension ImpactChoices {
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
