import AsahCore
import Foundation
import HTTPServer

/// The forum JSON API under `/api/v1`. Pseudonymous posts carry only their pseudonym; no
/// answer names, numbers or places their author.
enum ForumsAPI {
    static func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/api/v1/forums/categories", .signedIn(.useAccount), categories),
            RouteSpec(.get, "/api/v1/threads", .signedIn(.useAccount), threads),
            RouteSpec(.post, "/api/v1/threads", .signedIn(.useAccount), createThread),
            RouteSpec(.get, "/api/v1/threads/:id", .signedIn(.useAccount), thread),
            RouteSpec(.post, "/api/v1/threads/:id/posts", .signedIn(.useAccount), createPost),
            RouteSpec(.get, "/api/v1/suggestions", .signedIn(.useAccount), suggestions),
            RouteSpec(.get, "/api/v1/suggestions/similar", .signedIn(.useAccount), similar),
            RouteSpec(.put, "/api/v1/suggestions/:id/support", .signedIn(.useAccount), support),
            RouteSpec(.delete, "/api/v1/suggestions/:id/support", .signedIn(.useAccount), withdrawSupport),
            RouteSpec(.get, "/api/v1/search", .signedIn(.useAccount), search),
            RouteSpec(.post, "/api/v1/suggestions/:id/status", .signedIn(.decideSuggestions), setStatus),
            RouteSpec(.post, "/api/v1/posts/:id/flags", .signedIn(.useAccount), flag),
            RouteSpec(.put, "/api/v1/posts/:id", .signedIn(.useAccount), edit),
            RouteSpec(.get, "/api/v1/forums/mine", .signedIn(.useAccount), mine),
            RouteSpec(.get, "/api/v1/forums/queue", .signedIn(.moderateForums), queue),
        ]
    }

    private struct StatusBody: Decodable {
        let status: String
        let reason: String
    }

    private static func setStatus(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let body = try context.json(StatusBody.self)
        guard let status = SuggestionStatus(rawValue: body.status) else {
            return APIError.response(status: 422, code: "invalid", message: context.localizer.t("forum_status_unknown"))
        }
        switch try ForumValues.forums(context).setStatus(id, to: status, reason: body.reason, by: context.user, ip: context.ip) {
        case .failure(let problem): return ForumValues.api(problem, context)
        case .success: return try detail(context, id, status: 200)
        }
    }

    private struct EditBody: Decodable {
        let body: String
    }

    /// The author replaces their post's text within the edit window.
    private static func edit(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let body = try context.json(EditBody.self)
        let forums = try ForumValues.forums(context)
        switch try forums.edit(postId: id, body: body.body, by: context.user) {
        case .failure(let problem): return ForumValues.api(problem, context)
        case .success(let post):
            guard let view = try forums.post(id, in: post.threadId, viewer: context.user) else { return context.notFound() }
            return .json(PostJSON(view, context.localizer))
        }
    }

    private struct FlagBody: Decodable {
        let reason: String
    }

    private static func flag(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let body = try context.json(FlagBody.self)
        switch try ForumValues.forums(context).flag(id, reason: body.reason, by: context.user, ip: context.ip) {
        case .failure(let problem): return ForumValues.api(problem, context)
        case .success(let queued): return .json(FlagJSON(post_id: id, queued: queued), status: 201)
        }
    }

    private static func mine(_ context: Context) throws -> Response {
        let forums = try ForumValues.forums(context)
        let user = context.user
        let today = ForumValues.today()
        let mine = try forums.mine(viewer: user)
        let (posts, followed) = (mine.posts, mine.followed)
        return .json(MineJSON(
            posts: posts.map {
                MyPostJSON(id: $0.post.id!, thread_id: $0.post.threadId, thread_title: $0.title, number: $0.post.number,
                           pseudonym: $0.post.pseudonym.map { ForumValues.pseudonymName($0, context.localizer) }, official: $0.post.official, hidden: $0.post.hidden,
                           created_at: $0.post.createdAt)
            },
            followed: followed.map { ThreadJSON($0, today: today) }))
    }

    private static func queue(_ context: Context) throws -> Response {
        let forums = try ForumValues.forums(context)
        let user = context.user
        guard let moderation = try forums.queue(viewer: user) else { return ForumValues.api(.notAModerator, context) }
        return .json(QueueJSON(
            posts: moderation.posts.map { QueuedJSON(post: PostJSON($0.post, context.localizer), thread_title: $0.threadTitle, reasons: $0.reasons) },
            appeals: moderation.appeals.map { action, _ in
                AppealJSON(moderation_id: action.id!, thread_id: action.threadId, post_id: action.postId, action: action.action.rawValue,
                           reason: action.reason, appeal: action.appealText, appealed_at: action.appealedAt,
                           may_decide: action.moderatorUserId != user.userId)
            }))
    }

    private static func categories(_ context: Context) throws -> Response {
        let categories = try ForumValues.forums(context).categories()
        return .json(categories.map {
            CategoryJSON(id: $0.id!, slug: $0.slug, name: $0.name, description: $0.description,
                         coordinators_only: $0.posting == .coordinators, allows_pseudonyms: $0.allowsPseudonyms,
                         agenda_threshold_permille: $0.agendaThresholdPermille)
        })
    }

    private static func threads(_ context: Context) throws -> Response {
        let query = try context.query()
        let page = try query.page()
        let today = ForumValues.today()
        let threads = try ForumValues.forums(context).latest(categoryId: try query.id("category"), limit: ForumPages.pageSize,
                                                             offset: Pager.offset(page: page, pageSize: ForumPages.pageSize))
        return .json(threads.map { ThreadJSON($0, today: today) })
    }

    private static func suggestions(_ context: Context) throws -> Response {
        let query = try context.query()
        var filter = try ForumPages.boardFilter(query)
        let page = try query.page()
        filter.limit = ForumPages.pageSize
        filter.offset = Pager.offset(page: page, pageSize: ForumPages.pageSize)
        let today = ForumValues.today()
        let threads = try ForumValues.forums(context).board(filter, today: today).threads
        return .json(threads.map { ThreadJSON($0, today: today) })
    }

    private struct NewThreadBody: Decodable {
        let category_id: Int64
        let kind: String?
        let title: String
        let body: String
        let pseudonymous: Bool?
    }

    private static func createThread(_ context: Context) throws -> Response {
        let body = try context.json(NewThreadBody.self)
        guard let kind = ThreadKind(rawValue: body.kind ?? "suggestion") else {
            return APIError.response(status: 422, code: "invalid", message: context.localizer.t("forum_kind_unknown"))
        }
        let result = try ForumValues.forums(context).open(
            Forums.NewThread(categoryId: body.category_id, kind: kind, title: body.title, body: body.body,
                             pseudonymous: body.pseudonymous ?? false), by: context.user)
        switch result {
        case .failure(let problem): return ForumValues.api(problem, context)
        case .success(let thread): return try detail(context, thread.id!, status: 201)
        }
    }

    private static func thread(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        return try detail(context, id, status: 200)
    }

    private static func detail(_ context: Context, _ id: Int64, status: Int) throws -> Response {
        let forums = try ForumValues.forums(context)
        let user = context.user
        guard let page = try forums.threadPage(id, viewer: user) else { return context.notFound() }
        return .json(ThreadDetailJSON(
            thread: ThreadJSON(page.summary, today: ForumValues.today()),
            supported: page.supports,
            merged_into_id: page.thread.mergedIntoId,
            status_history: page.history.map { StatusChangeJSON(status: $0.toStatus.rawValue, reason: $0.reason, at: $0.createdAt) },
            posts: page.posts.map { PostJSON($0, context.localizer) }), status: status)
    }

    private struct NewPostBody: Decodable {
        let body: String
        let reply_to_id: Int64?
        let pseudonymous: Bool?
        let official: Bool?
    }

    private static func createPost(_ context: Context) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        let body = try context.json(NewPostBody.self)
        let result = try ForumValues.forums(context).reply(to: id, body: body.body, replyTo: body.reply_to_id,
                                                           pseudonymous: body.pseudonymous ?? false,
                                                           official: body.official ?? false, by: context.user)
        switch result {
        case .failure(let problem): return ForumValues.api(problem, context)
        case .success(let post):
            let forums = try ForumValues.forums(context)
            guard let view = try forums.post(post.id!, in: id, viewer: context.user) else { return context.notFound() }
            return .json(PostJSON(view, context.localizer), status: 201)
        }
    }

    private static func support(_ context: Context) throws -> Response {
        try changeSupport(context, supported: true) { try $0.support($1, employeeId: $2) }
    }

    private static func withdrawSupport(_ context: Context) throws -> Response {
        try changeSupport(context, supported: false) { try $0.withdrawSupport($1, employeeId: $2) }
    }

    private static func changeSupport(_ context: Context, supported: Bool,
                                      _ change: (Forums, Int64, Int64) throws -> Result<Int, ForumProblem>) throws -> Response {
        guard let id = context.pathID() else { return context.notFound() }
        guard let employee = context.user.employeeId else { return ForumValues.api(.notPermitted, context) }
        switch try change(ForumValues.forums(context), id, employee) {
        case .failure(let problem): return ForumValues.api(problem, context)
        case .success(let count): return .json(SupportJSON(thread_id: id, supported: supported, support_count: count))
        }
    }

    private static func search(_ context: Context) throws -> Response {
        guard let query = try ForumPages.searchQuery(context.query()) else {
            return APIError.response(status: 400, code: "bad_request", message: context.localizer.t("forum_search_empty"))
        }
        let hits = try ForumValues.forums(context).search(query)
        return .json(hits.map { hit in
            HitJSON(thread_id: hit.threadId, post_id: hit.postId, post_number: hit.postNumber, title: hit.title,
                    category: hit.categoryName, status: hit.status?.rawValue, author: ForumValues.authorName(hit.author, context.localizer), created_at: hit.createdAt,
                    snippet: hit.snippet.map { FragmentJSON(text: $0.text, match: $0.marked) })
        })
    }

    private static func similar(_ context: Context) throws -> Response {
        let title = try context.query().trimmed("title") ?? ""
        let similar = try ForumValues.forums(context).similarSuggestions(to: String(title.prefix(200)))
        return .json(similar.map {
            SimilarJSON(id: $0.id, title: $0.title, status: $0.status.rawValue, status_name: ForumValues.statusName($0.status, context.localizer),
                        support_count: $0.supportCount)
        })
    }
}
