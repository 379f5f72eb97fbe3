import GRDB

/// The catalogue as one person sees it, from one snapshot: the courses matching their filters,
/// each with its runs to come, and the courses recommended from their own training needs.
public struct CataloguePage: Sendable {
    /// What a person filters on; `nil` means any.
    public struct Filters: Sendable {
        public var text: String?
        public var form: CourseForm?
        public var competency: CoreValue?
        public var maxJP: Int?
        /// Only courses a person may ask a seat in now.
        public var openNow = false
        /// Only courses with a run starting in this month.
        public var month: (year: Int, month: Int)?

        public init(text: String? = nil, form: CourseForm? = nil, competency: CoreValue? = nil, maxJP: Int? = nil,
                    openNow: Bool = false, month: (year: Int, month: Int)? = nil) {
            self.text = text
            self.form = form
            self.competency = competency
            self.maxJP = maxJP
            self.openNow = openNow
            self.month = month
        }
    }

    /// A course with its runs to come, soonest first.
    public struct Entry: Sendable {
        public let course: Course
        public let offers: [CourseOffer]
        /// The next run, if any.
        public var next: CourseOffer? { offers.first }
    }

    public let entries: [Entry]
    /// Courses recommended for the viewer from their appraisal and JP (none for those without an employee record).
    public let recommended: [TrainingNeeds.Recommendation]

    /// The page for `viewer` at `now`.
    public static func load(_ filters: Filters, for viewer: Principal, now: Int64 = Clock.now(),
                            in database: AppDatabase) throws -> CataloguePage {
        try database.pool.read { db in
            let courses = try CatalogueQueries.search(text: filters.text, form: filters.form, kind: nil,
                                                      competency: filters.competency.map(Competency.core), minJP: nil,
                                                      maxJP: filters.maxJP, in: db)
            let offers = try CourseOffers.upcoming(now: now, in: db)
            let entries = courses.map { Entry(course: $0, offers: offers[$0.id ?? 0] ?? []) }.filter { entry in
                (!filters.openNow || entry.offers.contains(where: \.enrolmentOpen))
                    && (filters.month.map { month in
                        entry.offers.contains { $0.startsOn.year == month.year && $0.startsOn.month == month.month }
                    } ?? true)
            }
            let recommended = try viewer.employeeId.map { id in
                try TrainingNeeds.list("p.id = ?", [id], year: IndonesianTime.date(of: now).year, in: db).first?.recommendations ?? []
            } ?? []
            return CataloguePage(entries: entries, recommended: recommended)
        }
    }
}
