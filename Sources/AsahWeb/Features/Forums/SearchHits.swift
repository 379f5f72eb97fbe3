import AsahCore

/// The list of a forum search's hits: the same for everyone who asks the same (the search
/// reads no reader), so it is rendered once per language and kept while the hits are unchanged
/// (``FragmentCache``); the form and the count around it are each reader's.
enum SearchHits {
    /// One query in one language.
    struct Key: Hashable, Sendable {
        let query: ForumSearch.Query
        let locale: String
    }

    /// About 2 MB: a few hundred answers of 20 hits.
    static func cache() -> FragmentCache<Key, [ForumSearch.Hit]> {
        FragmentCache(budgetBytes: 2 * 1024 * 1024)
    }

    /// `hits`, found for `query`, as HTML.
    static func html(_ hits: [ForumSearch.Hit], for query: ForumSearch.Query, _ context: Context) -> String {
        let localizer = context.localizer
        return context.services.searchHits.html(for: Key(query: query, locale: localizer.locale), facts: hits) {
            context.services.views.fragment("forum_search_hits", ["hits": hits.map { hit in
                templateValues(["threadId": hit.threadId, "number": hit.postNumber, "title": hit.title,
                                "category": hit.categoryName, "status": hit.status.map { ForumValues.statusName($0, localizer) },
                                "statusCode": hit.status?.rawValue, "author": ForumValues.authorName(hit.author, localizer),
                                "date": localizer.date(hit.createdAt),
                                "snippet": hit.snippet.map { ["text": ForumValues.plain($0.text), "marked": $0.marked] }])
            }], locale: localizer.locale)
        }
    }
}
