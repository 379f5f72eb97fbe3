import AsahCore

/// A thread's row in the forum lists (the index, a category, the board, one's follows): the
/// same for every reader, so each is rendered once per language and day and kept while the
/// thread's summary is unchanged (``FragmentCache``).
enum ThreadRows {
    /// One thread in one language.
    struct Key: Hashable, Sendable {
        let threadId: Int64
        let locale: String
    }

    /// Everything a row is made from: the summary, today for the overdue mark, and the zone its
    /// dates are read in.
    struct Facts: Equatable, Sendable {
        let summary: ThreadSummary
        let today: CalendarDate
        let zone: LocalZone
    }

    /// About 4 MB of rows, the latest few thousand threads.
    static func cache() -> FragmentCache<Key, Facts> {
        FragmentCache(budgetBytes: 4 * 1024 * 1024)
    }

    /// The rows of `threads` as HTML, in order, joined (one value for the template to put in,
    /// not one per row).
    static func html(_ threads: some Sequence<ThreadSummary>, _ context: Context, today: CalendarDate) -> String {
        let localizer = context.localizer
        return threads.map { thread in
            context.services.threadRows.html(for: Key(threadId: thread.id, locale: localizer.locale),
                                             facts: Facts(summary: thread, today: today, zone: .current)) {
                context.services.views.fragment("forum_thread_row", ForumValues.summary(thread, localizer, today: today),
                                                locale: localizer.locale)
            }
        }.joined()
    }
}
