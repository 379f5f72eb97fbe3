import AsahCore
import Foundation
import HTTPServer

/// The course catalogue: search with filters, one page per course, and the same as JSON.
struct CatalogueFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/courses", .signedIn(.useAccount), catalogue),
            RouteSpec(.get, "/courses/:code", .signedIn(.useAccount), coursePage),
            RouteSpec(.get, "/api/v1/courses", .signedIn(.useAccount)) { context in
                let locale = context.localizer.locale
                return .json(try search(context).courses.map { CourseJSON($0, locale: locale) })
            },
            RouteSpec(.get, "/api/v1/courses/:code", .signedIn(.useAccount)) { context in
                guard let course = try course(context) else { return context.notFound() }
                return .json(CourseJSON(course, locale: context.localizer.locale))
            },
        ]
    }

    /// The filters a person chose, read leniently: an unknown value is ignored, not an error.
    struct Filters {
        var text: String?
        var form: CourseForm?
        var competency: CoreValue?
        var maxJP: Int?
    }

    private func search(_ context: Context) throws -> (filters: Filters, courses: [Course]) {
        let query = try context.query()
        let filters = Filters(text: try query.trimmed("q"), form: try query.choice("form", CourseForm.self),
                              competency: try query.choice("competency", CoreValue.self),
                              maxJP: try query.integer("max_jp", in: 0...10_000))
        let courses = try CourseCatalogue(database: context.services.database)
            .courses(text: filters.text, form: filters.form, competency: filters.competency.map(Competency.core), maxJP: filters.maxJP)
        return (filters, courses)
    }

    private func course(_ context: Context) throws -> Course? {
        let code = context.request.parameters["code"] ?? ""
        return try CourseCatalogue(database: context.services.database).course(code: code)
    }

    private func catalogue(_ context: Context) throws -> Response {
        let query = try context.query()
        let filters = CataloguePage.Filters(
            text: try query.trimmed("q"), form: try query.choice("form", CourseForm.self),
            competency: try query.choice("competency", CoreValue.self), maxJP: try query.integer("max_jp", in: 0...10_000),
            openNow: try query.flag("open"), month: try query.month("month"))
        let page = try CataloguePage.load(filters, for: context.user, in: context.services.database)
        let localizer = context.localizer, locale = localizer.locale
        return context.page("catalogue", title: localizer.t("catalogue_title"), [
            "q": filters.text ?? "",
            "forms": CourseForm.allCases.map { form in
                ["value": form.rawValue, "label": form.name.text(locale: locale), "selected": form == filters.form] as [String: Any]
            },
            "competencies": CoreValue.allCases.map { value in
                ["value": value.rawValue, "label": value.name.text(locale: locale), "selected": value == filters.competency]
                    as [String: Any]
            },
            "maxJP": filters.maxJP.map(String.init) ?? "",
            "openNow": filters.openNow,
            "months": CatalogueMonths.choices(selected: filters.month, localizer),
            "recommended": page.recommended.map { ["code": $0.code, "title": $0.title, "runId": $0.openRunId as Any] },
            "hasRecommended": !page.recommended.isEmpty,
            "courses": CatalogueCards.html(page.entries, context),
            "hasCourses": !page.entries.isEmpty,
            "count": localizer.t("catalogue_count", ["count": String(page.entries.count)]),
            "canEdit": Self.canEdit(context),
        ])
    }

    private func coursePage(_ context: Context) throws -> Response {
        let code = context.request.parameters["code"] ?? ""
        guard let (course, runs) = try RunListing(database: context.services.database).coursePage(code: code) else {
            return context.notFound()
        }
        let card = CourseCard(course, localizer: context.localizer)
        var data = card.values
        data["bodyHTML"] = course.bodyHTML
        data["details"] = card.details
        data["runs"] = CourseRuns.values(runs, context.localizer)
        data["canEdit"] = Self.canEdit(context)
        data["notice"] = Notice.message(context, allowed: ["course_saved", "course_created"]) as Any
        return context.page("course", title: course.title.text(locale: context.localizer.locale), data)
    }

    /// Whether the reader may edit course files here (``CourseEditFeature``).
    static func canEdit(_ context: Context) -> Bool {
        context.services.coursesRoot != nil && Policy.allows(context.user, .manageRuns)
    }
}
