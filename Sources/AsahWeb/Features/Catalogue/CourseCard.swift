import AsahCore

/// A course laid out for the catalogue list and the course page, in the reader's language.
struct CourseCard {
    let course: Course
    let localizer: Localizer

    init(_ course: Course, localizer: Localizer) {
        self.course = course
        self.localizer = localizer
    }

    private var locale: String { localizer.locale }

    var values: [String: Any] {
        [
            "code": course.code, "title": course.title.text(locale: locale), "summary": course.summary,
            "jp": course.jp, "form": course.form.name.text(locale: locale), "kind": course.kind.name.text(locale: locale),
            "competencies": course.competencies.map { $0.name.text(locale: locale) },
            "hasTest": course.hasTest, "hasProject": course.hasProject,
        ]
    }

    /// Label/value pairs for the course page's fact list.
    var details: [[String: String]] {
        var rows: [(String, String)] = [
            ("course_code", course.code),
            ("course_form", course.form.name.text(locale: locale) + " · " + course.kind.name.text(locale: locale)),
            ("course_jp", "\(course.jp) JP"),
            ("course_competencies", course.competencies.map { $0.name.text(locale: locale) }.joined(separator: ", ")),
            ("course_completion", localizer.t("course_completion_rule", ["percent": String(course.minAttendancePercent)])),
        ]
        if !course.prerequisites.isEmpty { rows.append(("course_prerequisites", course.prerequisites.joined(separator: ", "))) }
        rows.append(("course_audience", audience))
        if course.hasTest { rows.append(("course_test", localizer.t("course_test_yes"))) }
        if course.hasProject { rows.append(("course_project", localizer.t("course_project_yes"))) }
        return rows.map { ["label": localizer.t($0.0), "value": $0.1] }
    }

    private var audience: String {
        let audience = course.audience
        var parts: [String] = []
        if !audience.jabatanKinds.isEmpty { parts.append(audience.jabatanKinds.map(\.displayName).joined(separator: ", ")) }
        if audience.minGolongan != nil || audience.maxGolongan != nil {
            parts.append(localizer.t("course_golongan_range", ["min": audience.minGolongan?.code ?? "…",
                                                               "max": audience.maxGolongan?.code ?? "…"]))
        }
        if !audience.unitCodes.isEmpty { parts.append(audience.unitCodes.joined(separator: ", ")) }
        return parts.isEmpty ? localizer.t("course_audience_all") : parts.joined(separator: "; ")
    }
}

/// A course as JSON for `/api/v1/courses`.
struct CourseJSON: Encodable {
    let code: String
    let title: String
    let form: String
    let kind: String
    let jp: Int
    let summary: String
    let competencies: [String]
    let prerequisites: [String]
    let min_attendance_percent: Int
    let has_test: Bool
    let has_project: Bool

    init(_ course: Course, locale: String) {
        code = course.code
        title = course.title.text(locale: locale)
        form = course.form.rawValue
        kind = course.kind.rawValue
        jp = course.jp
        summary = course.summary
        competencies = course.competencies.map { $0.name.text(locale: locale) }
        prerequisites = course.prerequisites
        min_attendance_percent = course.minAttendancePercent
        has_test = course.hasTest
        has_project = course.hasProject
    }
}
