import AsahCore
import Foundation
import HTTPServer

/// The forum's reading pages: the index, a category, the suggestion board and the agenda,
/// "my posts and follows", and search.
enum ForumPages {
    static let pageSize = 30

    static func index(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let today = ForumValues.today()
        let query = try context.query()
        let errors: Set<String> = ["forum_category_exists", "forum_category_name_invalid", "forum_category_threshold_invalid"]
        let home = try ForumValues.forums(context).home()
        let (categories, counts, latest) = (home.categories, home.threadCounts, home.latest)
        return context.page("forums", title: localizer.t("forum_title"), [
            "categories": categories.map { category in
                templateValues([
                    "id": category.id!, "name": category.name, "description": category.description,
                    "threads": localizer.count("forum_thread_count", counts[category.id!] ?? 0),
                    "pseudonyms": category.allowsPseudonyms, "coordinatorsOnly": category.posting == .coordinators,
                ])
            },
            "latest": ThreadRows.html(latest, context, today: today),
            "hasLatest": !latest.isEmpty,
            "canManage": Policy.allows(context.user, .decideSuggestions),
            "notice": (try query.text("notice") == "category" ? localizer.t("forum_notice_category") : nil) as Any,
            "error": try query.text("error").flatMap { errors.contains($0) ? localizer.t($0) : nil } as Any,
        ])
    }

    static func category(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let localizer = context.localizer
        let page = try context.query().page()
        guard let (category, threads) = try ForumValues.forums(context).category(id, limit: pageSize + 1,
                                                                                   offset: Pager.offset(page: page, pageSize: pageSize))
        else { return context.notFound() }
        let today = ForumValues.today()
        let query = try context.query()
        let errors: Set<String> = ["forum_category_exists", "forum_category_name_invalid", "forum_category_threshold_invalid"]
        var edit: [String: Any]?
        if Policy.allows(context.user, .decideSuggestions) {
            edit = ["name": category.name, "description": category.description, "pseudonyms": category.allowsPseudonyms,
                    "coordinatorsOnly": category.posting == .coordinators, "training": category.isTraining,
                    "threshold": category.agendaThresholdPermille.map { $0 % 10 == 0 ? "\($0 / 10)" : "\($0 / 10).\($0 % 10)" } ?? ""]
        }
        return context.page("forum_threads", title: category.name, [
            "edit": edit as Any,
            "notice": (try query.text("notice") == "category" ? localizer.t("forum_notice_category") : nil) as Any,
            "error": try query.text("error").flatMap { errors.contains($0) ? localizer.t($0) : nil } as Any,
            "heading": category.name, "lead": category.description, "categoryId": id,
            "threads": ThreadRows.html(threads.prefix(pageSize), context, today: today),
            "hasThreads": !threads.isEmpty,
            "canOpen": category.posting == .everyone || Forums.coordinates(context.user),
            "previous": (page > 1 ? "/forums/categories/\(id)?page=\(page - 1)" : nil) as Any,
            "next": (threads.count > pageSize ? "/forums/categories/\(id)?page=\(page + 1)" : nil) as Any,
        ])
    }

    /// The board's filter from the query string.
    static func boardFilter(_ query: Query) throws -> Forums.BoardFilter {
        var filter = Forums.BoardFilter()
        filter.status = try query.choice("status", SuggestionStatus.self)
        filter.categoryId = try query.id("category")
        filter.order = try query.choice("order", Forums.BoardFilter.Order.self) ?? .support
        filter.overdueOnly = try query.flag("overdue")
        filter.agendaOnly = try query.flag("agenda")
        return filter
    }

    static func board(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let query = try context.query()
        var filter = try boardFilter(query)
        let page = try query.page()
        filter.limit = pageSize + 1
        filter.offset = Pager.offset(page: page, pageSize: pageSize)
        let today = ForumValues.today()
        let (threads, categories) = try ForumValues.forums(context).board(filter, today: today)
        let base = boardQuery(filter)
        return context.page("forum_threads", title: localizer.t(filter.agendaOnly ? "forum_agenda_title" : "forum_board_title"), [
            "heading": localizer.t(filter.agendaOnly ? "forum_agenda_title" : "forum_board_title"),
            "lead": localizer.t(filter.agendaOnly ? "forum_agenda_lead" : "forum_board_lead"),
            "board": [
                "statuses": ForumValues.statuses(selected: filter.status, localizer),
                "categories": ForumValues.categories(categories, selected: filter.categoryId),
                "orders": Forums.BoardFilter.Order.allCases.map {
                    ["value": $0.rawValue, "label": localizer.t("forum_order_\($0.rawValue)"), "selected": $0 == filter.order]
                },
                "overdue": filter.overdueOnly, "agenda": filter.agendaOnly,
            ],
            "threads": ThreadRows.html(threads.prefix(pageSize), context, today: today),
            "hasThreads": !threads.isEmpty,
            "previous": (page > 1 ? "/forums/board?\(base)page=\(page - 1)" : nil) as Any,
            "next": (threads.count > pageSize ? "/forums/board?\(base)page=\(page + 1)" : nil) as Any,
        ])
    }

    private static func boardQuery(_ filter: Forums.BoardFilter) -> String {
        var parts = ["order=\(filter.order.rawValue)"]
        if let status = filter.status { parts.append("status=\(status.rawValue)") }
        if let category = filter.categoryId { parts.append("category=\(category)") }
        if filter.overdueOnly { parts.append("overdue=1") }
        if filter.agendaOnly { parts.append("agenda=1") }
        return parts.joined(separator: "&") + "&"
    }

    static func mine(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let forums = try ForumValues.forums(context)
        let user = context.user
        let today = ForumValues.today()
        let mine = try forums.mine(viewer: user)
        let (posts, followed) = (mine.posts, mine.followed)
        return context.page("forum_mine", title: localizer.t("forum_mine_title"), [
            "posts": posts.map { item in
                templateValues(["threadId": item.post.threadId, "number": item.post.number, "title": item.title,
                                "date": localizer.moment(item.post.createdAt), "pseudonym": item.post.pseudonym.map { ForumValues.pseudonymName($0, localizer) },
                                "hidden": item.post.hidden, "official": item.post.official])
            },
            "hasPosts": !posts.isEmpty,
            "followed": ThreadRows.html(followed, context, today: today),
            "hasFollowed": !followed.isEmpty,
        ])
    }

    /// The search query from the page's or the API's query string.
    static func searchQuery(_ query: Query) throws -> ForumSearch.Query? {
        guard let text = try query.trimmed("q"), !text.isEmpty else { return nil }
        var search = ForumSearch.Query(text: String(text.prefix(200)))
        search.categoryId = try query.id("category")
        search.status = try query.choice("status", SuggestionStatus.self)
        search.from = try query.date("from").map { ForumSearch.dayStart($0) }
        search.until = try query.date("to").map { ForumSearch.dayStart($0) + 86400 }
        return search
    }

    static func search(_ context: Context) throws -> Response {
        let localizer = context.localizer
        let query = try context.query()
        let search = try searchQuery(query)
        let typed = (q: try query.text("q") ?? "", from: try query.text("from") ?? "", to: try query.text("to") ?? "")
        let (hits, categories) = try ForumValues.forums(context).searchPage(search)
        return context.page("forum_search", title: localizer.t("forum_search_title"), [
            "q": typed.q, "from": typed.from, "to": typed.to,
            "statuses": ForumValues.statuses(selected: search?.status, localizer),
            "categories": ForumValues.categories(categories, selected: search?.categoryId),
            "searched": search != nil,
            "resultCount": localizer.count(hits.count >= (search?.limit ?? .max) ? "forum_search_count_top" : "forum_search_count",
                                           hits.count),
            "hitsHTML": hits.isEmpty ? "" : search.map { SearchHits.html(hits, for: $0, context) } ?? "",
            "hasHits": !hits.isEmpty,
        ])
    }
}
