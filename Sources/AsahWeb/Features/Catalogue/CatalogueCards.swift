import AsahCore

/// A course's card in the catalogue list: the same for every reader, so each is rendered once
/// per language and kept while the course and its runs to come are unchanged
/// (``FragmentCache``). What is the reader's own (recommendations, the filters) stays outside.
enum CatalogueCards {
    /// One course in one language.
    struct Key: Hashable, Sendable {
        let courseId: Int64
        let locale: String
    }

    /// Everything a card is made from: the course, its next run (dates, seats, whether it is
    /// open) and how many more runs follow.
    struct Facts: Equatable, Sendable {
        let course: Course
        let next: CourseOffer?
        let runsToCome: Int
    }

    /// About 1 MB: the whole catalogue in both languages many times over.
    static func cache() -> FragmentCache<Key, Facts> {
        FragmentCache(budgetBytes: 1024 * 1024)
    }

    /// The cards of `entries` as HTML, in order, joined.
    static func html(_ entries: [CataloguePage.Entry], _ context: Context) -> String {
        let localizer = context.localizer
        return entries.map { entry in
            let facts = Facts(course: entry.course, next: entry.next, runsToCome: entry.offers.count)
            return context.services.catalogueCards.html(for: Key(courseId: entry.course.id ?? 0, locale: localizer.locale),
                                                        facts: facts) {
                var card = CourseCard(facts.course, localizer: localizer).values
                card["next"] = facts.next.map { CatalogueMonths.offer($0, localizer) }
                card["moreRuns"] = facts.runsToCome > 1 ? localizer.count("catalogue_more_runs", facts.runsToCome - 1) : nil
                return context.services.views.fragment("course_card", card, locale: localizer.locale)
            }
        }.joined()
    }
}
